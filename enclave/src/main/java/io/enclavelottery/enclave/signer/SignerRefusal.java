package io.enclavelottery.enclave.signer;

import java.util.Objects;

/**
 * The signer will not do what was asked. Its message is the reason, in words, and is what the
 * caller sees; it never contains a key, a seed or call data.
 */
public final class SignerRefusal extends RuntimeException {

  /** Why, as the HTTP layer reports it. */
  public enum Kind {
    /** The request is malformed: HTTP 400. */
    MALFORMED(400),
    /** The policy forbids it: HTTP 403. */
    FORBIDDEN(403),
    /** The thing asked for is not here (a round's seed the signer does not hold): HTTP 404. */
    NOT_FOUND(404),
    /** The signer has no operator key yet: HTTP 503. */
    NO_KEY(503);

    private final int httpStatus;

    Kind(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  private final Kind kind;

  public SignerRefusal(Kind kind, String reason) {
    super(Objects.requireNonNull(reason, "reason"), null, false, false);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  static SignerRefusal forbidden(String reason) {
    return new SignerRefusal(Kind.FORBIDDEN, reason);
  }

  static SignerRefusal malformed(String reason) {
    return new SignerRefusal(Kind.MALFORMED, reason);
  }

  public Kind kind() {
    return kind;
  }
}

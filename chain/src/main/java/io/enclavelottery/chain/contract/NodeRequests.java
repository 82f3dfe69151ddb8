package io.enclavelottery.chain.contract;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/**
 * Sends JSON-RPC requests and turns every way they can fail into {@link ChainUnavailableException}
 * (the node could not be asked) or {@link ContractCallException} (the contract reverted), with
 * messages that name the node only by its {@link RedactedUrl}.
 */
public final class NodeRequests {

  /** Decodes reverts; loaded on the first one (an error path), then kept. */
  private static volatile RevertDecoder revertDecoder;

  private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{8,}");

  private final String rpcUrl;

  /**
   * @param rpcUrl the node's URL, only ever shown redacted
   */
  public NodeRequests(String rpcUrl) {
    this.rpcUrl = Objects.requireNonNull(rpcUrl, "rpcUrl");
  }

  /** The node's URL as it may be shown. */
  public String endpoint() {
    return RedactedUrl.of(rpcUrl);
  }

  /**
   * Sends a request whose error answers are all the node's.
   *
   * @param what what is being done, for the message ("read the chain id")
   */
  public <R extends Response<?>> R send(String what, Request<?, R> request) {
    R response = sendRaw(what, request);
    if (response.hasError()) {
      throw nodeError(what, response.getError());
    }
    return response;
  }

  /**
   * Sends a request that runs contract code ({@code eth_call}, {@code eth_estimateGas}), telling a
   * revert apart from a node that could not be asked.
   *
   * @param function the contract function, for the message
   * @param where the contract (or "a new lottery" for a deployment), for the message
   */
  public <R extends Response<?>> R sendContractCall(
      String function, String where, Request<?, R> request) {
    R response = sendRaw("call " + function, request);
    if (!response.hasError()) {
      return response;
    }
    Response.Error error = response.getError();
    Optional<String> data = revertData(error);
    String message = error.getMessage() == null ? "" : error.getMessage();
    if (error.getCode() == 3
        || data.isPresent()
        || message.toLowerCase(Locale.ROOT).contains("revert")) {
      String reason =
          data.map(hex -> revertDecoder().decode(hex).describe())
              .orElseGet(() -> RedactedUrl.scrub(message, rpcUrl));
      throw new ContractCallException(
          function, reason, function + " of " + where + " reverted: " + reason);
    }
    throw nodeError("call " + function, error);
  }

  /** Sends a request, leaving error answers to the caller; only transport failures throw. */
  public <R extends Response<?>> R sendRaw(String what, Request<?, R> request) {
    try {
      return request.send();
    } catch (IOException | RuntimeException e) {
      throw unavailable(what, e);
    }
  }

  /** The exception for a failure that happened outside a request (waiting for a receipt). */
  public ChainUnavailableException unavailable(String what, Exception e) {
    return new ChainUnavailableException(
        "could not "
            + what
            + " on "
            + endpoint()
            + ": "
            + e.getClass().getSimpleName()
            + " "
            + RedactedUrl.scrub(e.getMessage(), rpcUrl));
  }

  /** The exception for an error answer of the node. */
  public ChainUnavailableException nodeError(String what, Response.Error error) {
    return new ChainUnavailableException(
        "could not "
            + what
            + ": the node at "
            + endpoint()
            + " answered error "
            + error.getCode()
            + " "
            + RedactedUrl.scrub(error.getMessage(), rpcUrl));
  }

  /**
   * The revert data in an error answer. web3j keeps {@code data} as raw JSON, so it arrives quoted
   * ({@code "0x…"}), and some nodes nest it in an object.
   */
  static Optional<String> revertData(Response.Error error) {
    if (error.getData() == null) {
      return Optional.empty();
    }
    Matcher hex = HEX.matcher(error.getData());
    return hex.find() ? Optional.of(hex.group()) : Optional.empty();
  }

  private static RevertDecoder revertDecoder() {
    RevertDecoder known = revertDecoder;
    if (known == null) {
      try {
        known = RevertDecoder.lottery();
      } catch (RuntimeException abiNotOnClasspath) {
        known = RevertDecoder.standardOnly();
      }
      revertDecoder = known;
    }
    return known;
  }
}

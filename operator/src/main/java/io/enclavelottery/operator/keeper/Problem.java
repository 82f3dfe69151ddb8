package io.enclavelottery.operator.keeper;

import java.util.Objects;

/**
 * Why the keeper does not act, in words, with a kind a program can switch on (a Kubernetes
 * condition's reason).
 *
 * @param kind what is wrong
 * @param message what is wrong and what to do, for a person
 */
public record Problem(Kind kind, String message) {

  /** What can stop a keeper. */
  public enum Kind {
    /** The node does not answer, or answers with errors. */
    RPC_UNREACHABLE,
    /** The node is on another chain than the one configured. */
    CHAIN_ID_MISMATCH,
    /** There is no contract code at the address. */
    NO_CONTRACT,
    /** The key's address is not the contract's operator. */
    NOT_OPERATOR,
    /** The operator account cannot pay for a transaction. */
    BALANCE_TOO_LOW,
    /** The enclave signer's attestation is missing or does not verify. */
    SIGNER_NOT_ATTESTED,
    /** Something the keeper did not expect; see the log. */
    INTERNAL_ERROR;

    /** The kind in CamelCase, as a Kubernetes condition reason ({@code RpcUnreachable}). */
    public String reason() {
      StringBuilder camel = new StringBuilder();
      for (String word : name().split("_")) {
        camel.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
      }
      return camel.toString();
    }
  }

  public Problem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  /** The state a keeper with this problem is in. */
  public KeeperState state() {
    return kind == Kind.RPC_UNREACHABLE ? KeeperState.UNREACHABLE : KeeperState.BLOCKED;
  }
}

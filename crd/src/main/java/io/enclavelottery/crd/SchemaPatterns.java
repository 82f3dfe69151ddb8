package io.enclavelottery.crd;

/**
 * The regular expressions the CRD's schema checks strings against (RE2 syntax, which the API server
 * uses, and which Java's regex reads the same way for these). Public so that code checking a spec
 * outside the API server applies the same rules.
 */
public final class SchemaPatterns {

  /** An Ethereum address: {@code 0x} and 40 hex digits, any case. */
  public static final String ADDRESS = "^0x[0-9a-fA-F]{40}$";

  /** A JSON-RPC endpoint the controller can talk to: {@code http(s)://} or {@code ws(s)://}. */
  public static final String RPC_URL = "^(https?|wss?)://.+$";

  /** A Kubernetes object name or a host name: an RFC 1123 subdomain in lower case. */
  public static final String DNS_SUBDOMAIN =
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

  /**
   * An amount of ether: a decimal string without sign, exponent or leading zeros, at most 18
   * decimals (one wei), below 1000.
   */
  public static final String ETHER = "^(0|[1-9][0-9]{0,2})(\\.[0-9]{1,18})?$";

  /** An enclave measurement: a SHA-384 hash in hex. */
  public static final String PCR = "^[0-9a-fA-F]{96}$";

  private SchemaPatterns() {}
}

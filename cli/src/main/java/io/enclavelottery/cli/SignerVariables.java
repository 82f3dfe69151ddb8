package io.enclavelottery.cli;

import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.operator.keeper.OperatorSigning;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The variables with which {@code lottery run} uses the enclave signer instead of a key of its own:
 * {@code SIGNER_URL} selects it. The keeper then sends nothing until a fresh attestation of the
 * signer verifies. {@code BLOCKCHAIN_OPERATOR_PRIVATE_KEY}, if set as well, is not used to sign: it
 * is the key handed to a signer built to wait for it, encrypted to its attested injection key.
 */
final class SignerVariables {

  /** The signer's signing port; setting it selects the enclave signer. */
  static final String URL = "SIGNER_URL";

  /** The signer's attestation port (required with {@link #URL}). */
  static final String ATTESTATION_URL = "SIGNER_ATTESTATION_URL";

  /** {@code SIGNER_EXPECTED_PCR0}, {@code …1}, {@code …2}: the enclave image's measurements. */
  static final String EXPECTED_PCR = "SIGNER_EXPECTED_PCR";

  /** {@code true}: accept the software NSM's documents (development only, NOT SECURE). */
  static final String TRUST_SOFTWARE_NSM = "SIGNER_TRUST_SOFTWARE_NSM";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int PCR_BYTES = 48;

  private SignerVariables() {}

  /** The enclave signer's settings, or null when a variable is wrong (recorded in {@code vars}). */
  static OperatorSigning.Enclave read(RunConfig.Variables vars) {
    Optional<SigningKey> keyToInject =
        vars.isSet(RunConfig.OPERATOR_KEY) ? Optional.ofNullable(vars.key()) : Optional.empty();
    URI signing = vars.required(URL, SignerVariables::httpUrl);
    URI attestation = vars.required(ATTESTATION_URL, SignerVariables::httpUrl);
    Map<Integer, String> pcrs = new TreeMap<>();
    for (int index = 0; index <= 2; index++) {
      int pcr = index;
      vars.optional(EXPECTED_PCR + index, SignerVariables::pcr)
          .ifPresent(value -> pcrs.put(pcr, value));
    }
    boolean trustSoftware = vars.optional(TRUST_SOFTWARE_NSM, SignerVariables::flag).orElse(false);
    if (signing == null || attestation == null) {
      return null;
    }
    return new OperatorSigning.Enclave(
        signing, attestation, pcrs, trustSoftware, TIMEOUT, keyToInject);
  }

  /** An http(s) URL ending in {@code /}, or a clear error. */
  static URI httpUrl(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("must be an http:// URL, like http://127.0.0.1:9000/");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new IllegalArgumentException("must be an http:// URL, like http://127.0.0.1:9000/");
    }
    return uri.getPath().endsWith("/") ? uri : URI.create(uri + "/");
  }

  private static String pcr(String text) {
    String hex = text.strip().toLowerCase(Locale.ROOT);
    hex = hex.startsWith("0x") ? hex.substring(2) : hex;
    if (!hex.matches("[0-9a-f]{" + 2 * PCR_BYTES + "}")) {
      throw new IllegalArgumentException(
          "must be " + PCR_BYTES + " bytes of hex (96 digits), as nitro-cli prints it");
    }
    return hex;
  }

  private static boolean flag(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("must be true or false");
    };
  }
}

package io.enclavelottery.cli;

import io.enclavelottery.enclave.attestation.AttestationDocument;
import io.enclavelottery.enclave.attestation.AttestationPolicy;
import io.enclavelottery.enclave.attestation.AttestationVerification;
import io.enclavelottery.enclave.attestation.AttestationVerifier;
import io.enclavelottery.enclave.attestation.MalformedAttestationException;
import io.enclavelottery.enclave.attestation.TrustedRoots;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lottery verify-attestation}: checks a Nitro Enclave attestation document, so a player or
 * auditor can see for themselves which code the signer runs. Exits 0 when it verifies, 1 when it
 * does not, 2 on unusable input.
 */
@Command(
    name = "verify-attestation",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies a Nitro Enclave attestation document (base64 or raw CBOR): the COSE_Sign1 ES384"
          + " signature, the certificate chain to the pinned AWS Nitro root at the given time,"
          + " then the expected PCRs, nonce and age; debug mode (PCR0-2 all zero) is rejected"
          + " unless allowed. Prints the verdict and the document's fields as JSON.",
      "Exit code 0 when the document verifies, 1 when it does not, 2 on unusable input (a"
          + " missing or malformed file, bad arguments)."
    })
final class VerifyAttestationCommand implements Callable<Integer> {

  private static final int PCR_LENGTH = 48;
  private static final int MAX_NONCE_LENGTH = 512;
  private static final long MAX_FILE_SIZE = 1 << 20;
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  @Spec private CommandSpec spec;

  @Option(
      names = "--file",
      required = true,
      paramLabel = "PATH",
      description = "The document: base64 text or the raw COSE_Sign1 bytes.")
  private Path file;

  @Option(
      names = "--at",
      paramLabel = "ISO-8601-TIME",
      description =
          "Verify as of this time, e.g. 2024-09-09T19:49:12.400Z (default: now). The chain must"
              + " be valid then, and the age is measured to it.")
  private String at;

  @Option(
      names = "--nonce",
      paramLabel = "HEX",
      description = "The nonce the document must carry (the one sent with the request).")
  private String nonce;

  @Option(names = "--pcr0", paramLabel = "HEX", description = "Expected PCR0 (enclave image).")
  private String pcr0;

  @Option(names = "--pcr1", paramLabel = "HEX", description = "Expected PCR1 (kernel, boot).")
  private String pcr1;

  @Option(names = "--pcr2", paramLabel = "HEX", description = "Expected PCR2 (application).")
  private String pcr2;

  @Option(
      names = "--allow-debug",
      description = "Accept a debug-mode enclave (all-zero PCR0-2): never in production.")
  private boolean allowDebug;

  @Option(
      names = "--max-age",
      paramLabel = "DURATION",
      description = "Reject documents older than this at the verification time: 90s, 5m, PT5M.")
  private String maxAge;

  @Option(
      names = "--trust-software-root",
      paramLabel = "PEMFILE",
      description =
          "Also trust this root (the software NSM's test root, for development); documents under"
              + " it are reported \"secure\": false.")
  private Path softwareRoot;

  @Override
  public Integer call() {
    AttestationPolicy policy = policy();
    Instant when = at == null ? Instant.now() : instant(at);
    TrustedRoots roots = TrustedRoots.nitro();
    if (softwareRoot != null) {
      roots = roots.and(certificate(softwareRoot));
    }
    AttestationDocument document = document(file);
    AttestationVerification result = new AttestationVerifier(roots).verify(document, policy, when);
    spec.commandLine().getOut().print(AttestationReport.json(result));
    spec.commandLine().getOut().flush();
    return result.valid() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private AttestationPolicy policy() {
    AttestationPolicy policy = AttestationPolicy.defaults();
    String[] pcrs = {pcr0, pcr1, pcr2};
    for (int index = 0; index < pcrs.length; index++) {
      if (pcrs[index] != null) {
        byte[] value = hex("--pcr" + index, pcrs[index]);
        if (value.length != PCR_LENGTH) {
          throw invalid("--pcr" + index + " must be 48 bytes (96 hex digits), not " + value.length);
        }
        policy = policy.withPcr(index, value);
      }
    }
    if (nonce != null) {
      byte[] value = hex("--nonce", nonce);
      if (value.length == 0 || value.length > MAX_NONCE_LENGTH) {
        throw invalid("--nonce must be 1 to 512 bytes, not " + value.length);
      }
      policy = policy.withNonce(value);
    }
    if (maxAge != null) {
      policy = policy.withMaxAge(duration(maxAge));
    }
    return allowDebug ? policy.allowingDebug() : policy;
  }

  private byte[] hex(String option, String text) {
    String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
    try {
      return HexFormat.of().parseHex(digits);
    } catch (IllegalArgumentException e) {
      throw invalid(option + " must be hex digits (an even number, optionally after 0x)");
    }
  }

  private Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid("--at must be an ISO-8601 time with an offset, e.g. 2024-09-09T19:49:12Z");
    }
  }

  private Duration duration(String text) {
    Duration duration = parseDuration(text.trim().toLowerCase(Locale.ROOT));
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw invalid("--max-age must be a positive duration such as 90s, 5m, 1h or PT5M");
    }
    return duration;
  }

  private static Duration parseDuration(String text) {
    Matcher shortForm = SHORT_DURATION.matcher(text);
    try {
      if (shortForm.matches()) {
        long amount = Long.parseLong(shortForm.group(1));
        return switch (shortForm.group(2)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
      }
      return Duration.parse(text.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      return null;
    }
  }

  private static AttestationDocument document(Path path) {
    try {
      return AttestationDocument.parse(read(path));
    } catch (MalformedAttestationException e) {
      throw CommandFailure.unusableInput(
          path + " is not an attestation document: " + e.getMessage());
    }
  }

  private static X509Certificate certificate(Path path) {
    try (InputStream pem = Files.newInputStream(path)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
    } catch (NoSuchFileException e) {
      throw CommandFailure.unusableInput("--trust-software-root: no such file " + path);
    } catch (IOException e) {
      throw CommandFailure.unusableInput("cannot read " + path + ": " + e.getMessage());
    } catch (CertificateException e) {
      throw CommandFailure.unusableInput(path + " is not a PEM or DER X.509 certificate");
    }
  }

  private static byte[] read(Path path) {
    try {
      if (Files.size(path) > MAX_FILE_SIZE) {
        throw CommandFailure.unusableInput(
            path + " is larger than 1 MiB: not an attestation document");
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw CommandFailure.unusableInput("--file: no such file " + path);
    } catch (IOException e) {
      throw CommandFailure.unusableInput("cannot read " + path + ": " + e.getMessage());
    }
  }

  private ParameterException invalid(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}

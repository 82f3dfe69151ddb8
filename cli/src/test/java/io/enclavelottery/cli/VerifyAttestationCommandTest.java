package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enclavelottery.enclave.nsm.SoftwareNsm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code lottery verify-attestation}: exit codes, the JSON, and unusable input. */
class VerifyAttestationCommandTest {

  /** The real Nitro documents, kept once in the enclave module's test resources. */
  private static final Path NITRO = Path.of("../enclave/src/test/resources/nitro");

  private static final Path DEBUG_MODE_VALID = NITRO.resolve("debug-mode-valid.b64");
  private static final String DEBUG_MODE_VALID_AT = "2024-09-09T19:49:12.400Z";
  private static final Path BAD_SIGNATURE = NITRO.resolve("bad-signature.b64");
  private static final String BAD_SIGNATURE_AT = "2024-07-23T21:29:40.771Z";
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String USER_DATA =
      "{\"v\":1,\"operator\":\"0x70997970c51812dc3a010c7d01b50e0d17dc79c8\",\"chainId\":31337,"
          + "\"contract\":\"0x5fbdb2315678afecb367f032d93f642f64180aa3\",\"secure\":false}";

  @TempDir static Path folder;
  private static Path softwareDocument;
  private static Path softwareRoot;

  @BeforeAll
  static void softwareNsmDocument() throws Exception {
    SoftwareNsm nsm = new SoftwareNsm(Clock.fixed(NOW, ZoneOffset.UTC), SoftwareNsm.defaultPcrs());
    byte[] document =
        nsm.attestation(
            USER_DATA.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xab, 0x01}, null);
    softwareDocument = Files.write(folder.resolve("software.cbor"), document);
    softwareRoot = Files.writeString(folder.resolve("root.pem"), nsm.testRootPem());
  }

  @Test
  void debugModeDocumentVerifiesAtItsTimeWithAllowDebug() throws Exception {
    CliRun run = verify("--file", DEBUG_MODE_VALID, "--at", DEBUG_MODE_VALID_AT, "--allow-debug");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.err()).isEmpty();
    JsonNode json = json(run);
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.has("reason")).isFalse();
    assertThat(json.get("debugMode").asBoolean()).isTrue();
    assertThat(json.get("secure").asBoolean()).isFalse();
    assertThat(json.get("moduleId").asText()).isEqualTo("i-0bbf1bfe232b8c2ce-enc0191ba35c9d1b77a");
    assertThat(json.get("timestamp").asText()).isEqualTo(DEBUG_MODE_VALID_AT);
    assertThat(json.get("pcrs").size()).isEqualTo(16);
    assertThat(json.get("pcrs").get("0").asText()).isEqualTo("0".repeat(96));
    assertThat(json.get("publicKey").asText()).isEqualTo("64756d6d79");
    assertThat(json.get("nonce").asText()).isEqualTo("0000000000000000000000000000000000000001");
    assertThat(json.get("userData").asText()).startsWith("1220");
    assertThat(json.get("verifiedAt").asText()).isEqualTo(DEBUG_MODE_VALID_AT);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "debug-mode-valid.b64 | 2024-09-09T19:49:12.400Z | false | debug mode",
        "debug-mode-valid.b64 |                          | true  | expired at 2024-09-09T22:49:12Z",
        "bad-signature.b64    | 2024-07-23T21:29:40.771Z | true  | signature does not verify",
      })
  void realDocumentsThatDoNotVerifyExitOne(
      String name, String at, boolean allowDebug, String reason) throws Exception {
    List<Object> args = new ArrayList<>(List.of("--file", NITRO.resolve(name)));
    if (at != null) {
      args.addAll(List.of("--at", at));
    }
    if (allowDebug) {
      args.add("--allow-debug");
    }

    CliRun run = verify(args.toArray());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    JsonNode json = json(run);
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.get("reason").asText()).contains(reason);
  }

  @Test
  void softwareDocumentVerifiesOnlyWithItsRootAndIsNotSecure() throws Exception {
    String at = NOW.plusSeconds(20).toString();
    String[] pcrs =
        SoftwareNsm.defaultPcrs().values().stream()
            .map(HexFormat.of()::formatHex)
            .toArray(String[]::new);

    CliRun trusted =
        verify(
            "--file",
            softwareDocument,
            "--at",
            at,
            "--trust-software-root",
            softwareRoot,
            "--pcr0",
            pcrs[0],
            "--pcr1",
            "0x" + pcrs[1],
            "--pcr2",
            pcrs[2],
            "--nonce",
            "0xAB01",
            "--max-age",
            "1m");
    CliRun byDefault = verify("--file", softwareDocument, "--at", at);

    assertThat(trusted.exitCode()).as(trusted.out()).isEqualTo(ExitCodes.OK);
    JsonNode json = json(trusted);
    assertThat(json.get("secure").asBoolean()).isFalse();
    assertThat(json.get("debugMode").asBoolean()).isFalse();
    assertThat(json.get("moduleId").asText()).startsWith("software-nsm-");
    assertThat(json.get("userDataText").asText()).isEqualTo(USER_DATA);
    assertThat(json.get("publicKey").isNull()).isTrue();
    assertThat(byDefault.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(json(byDefault).get("reason").asText()).contains("untrusted root");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--pcr1 | 000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000 | PCR1 is ",
        "--nonce | ab02 | the nonce is ab01, expected ab02",
        "--max-age | 5s | the document is PT20S old",
        "--at | 2027-06-01T00:00:00Z | expired at",
      })
  void softwareDocumentFailingThePolicyExitsOne(String option, String value, String reason)
      throws Exception {
    List<Object> args =
        new ArrayList<>(List.of("--file", softwareDocument, "--trust-software-root", softwareRoot));
    if (!option.equals("--at")) {
      args.addAll(List.of("--at", NOW.plusSeconds(20).toString()));
    }
    args.addAll(List.of(option, value));

    CliRun run = verify(args.toArray());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(json(run).get("reason").asText()).contains(reason);
  }

  @Test
  void rawCborAndBase64FilesReadTheSame() throws Exception {
    Path base64 =
        Files.writeString(
            folder.resolve("software.b64"),
            Base64.getMimeEncoder().encodeToString(Files.readAllBytes(softwareDocument)) + "\n");

    CliRun run =
        verify("--file", base64, "--at", NOW.toString(), "--trust-software-root", softwareRoot);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--file | missing.b64 | --file: no such file",
        "--file | notes.txt | is not an attestation document: the document is neither CBOR nor base64",
        "--at | yesterday | --at must be an ISO-8601 time",
        "--nonce | xyz | --nonce must be hex digits",
        "--nonce | 0x | --nonce must be 1 to 512 bytes, not 0",
        "--pcr0 | abcd | --pcr0 must be 48 bytes (96 hex digits), not 2",
        "--max-age | soon | --max-age must be a positive duration",
        "--max-age | 0s | --max-age must be a positive duration",
        "--trust-software-root | notes.txt | is not a PEM or DER X.509 certificate",
        "--trust-software-root | missing.pem | --trust-software-root: no such file",
      })
  void unusableInputExitsTwoWithOneLine(String option, String value, String reason)
      throws Exception {
    Files.writeString(folder.resolve("notes.txt"), "not a document!");
    List<Object> args = new ArrayList<>();
    if (!option.equals("--file")) {
      args.addAll(List.of("--file", DEBUG_MODE_VALID));
    }
    boolean isPath = option.equals("--file") || option.equals("--trust-software-root");
    args.addAll(List.of(option, isPath ? folder.resolve(value) : value));

    CliRun run = verify(args.toArray());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines()).singleElement().asString().startsWith("lottery: ").contains(reason);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void fileIsRequired() {
    CliRun run = CliRun.of("verify-attestation");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.err()).contains("--file");
  }

  private static CliRun verify(Object... args) {
    List<String> all = new ArrayList<>(List.of("verify-attestation"));
    for (Object arg : args) {
      all.add(arg.toString());
    }
    return CliRun.of(all.toArray(String[]::new));
  }

  private static JsonNode json(CliRun run) throws Exception {
    return new ObjectMapper().readTree(run.out());
  }
}

package io.enclavelottery.cli;

import static io.enclavelottery.cli.LocalHttp.freePort;
import static io.enclavelottery.cli.LocalHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.enclave.attestation.AttestationDocument;
import io.enclavelottery.enclave.attestation.AttestationPolicy;
import io.enclavelottery.enclave.attestation.AttestationVerification;
import io.enclavelottery.enclave.attestation.AttestationVerifier;
import io.enclavelottery.enclave.attestation.TrustedRoots;
import io.enclavelottery.frontend.FrontendConfig;
import io.enclavelottery.operator.keeper.InProcessSigner;
import io.enclavelottery.operator.keeper.KeeperChain;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code lottery run} with the enclave signer (software NSM, in this process) against a real Anvil:
 * the signer's generated address operates the lottery; the keeper attests it, and it commits and
 * draws with its own seed; {@code lottery verify-draw} and {@code /api/rounds/1/verification}
 * confirm the winner, and {@code /api/attestation} passes the browser's nonce to the signer.
 */
class EnclaveRunIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private final KeeperChain chain = KeeperChain.start(Duration.ofSeconds(30));
  private final InProcessSigner signer = new InProcessSigner();
  private StandaloneRun run;

  @AfterEach
  void stop() {
    if (run != null) {
      run.close();
    }
    signer.close();
    chain.close();
  }

  @Test
  void aRoundRunsThroughTheSignerAndItsDrawVerifies() throws Exception {
    String lottery = signer.deployAndServe(chain);
    int port = freePort();
    Map<String, String> environment =
        Map.of(
            "BLOCKCHAIN_RPC_URL",
            chain.anvil().wsUrl(),
            "BLOCKCHAIN_CHAIN_ID",
            "31337",
            "BLOCKCHAIN_CONTRACT_ADDRESS",
            lottery,
            "SIGNER_URL",
            signer.signingUrl().toString(),
            "SIGNER_ATTESTATION_URL",
            signer.attestationUrl().toString(),
            "SIGNER_TRUST_SOFTWARE_NSM",
            "true",
            "SERVER_HOST",
            "127.0.0.1",
            "SERVER_PORT",
            Integer.toString(port));
    run =
        StandaloneRun.start(
            RunConfig.from(environment::get), FrontendConfig.fromEnvironment(environment::get));
    await()
        .atMost(PATIENCE)
        .until(() -> get(port, "/health").body().contains("\"keeper\":\"running\""));

    chain.bet(lottery, 0);
    chain.bet(lottery, 1);
    await()
        .atMost(PATIENCE)
        .until(() -> chain.contract(lottery).roundById(1).state() == RoundState.COMPLETED);

    CliRun verify =
        CliRun.of(
            "verify-draw", "--rpc", chain.anvil().httpUrl(), "--contract", lottery, "--round", "1");
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    await()
        .atMost(PATIENCE)
        .until(() -> get(port, "/api/rounds/1/verification").body().contains("\"matches\":true"));

    byte[] nonce = HexFormat.of().parseHex("00112233445566778899");
    HttpResponse<String> attestation = get(port, "/api/attestation?nonce=00112233445566778899");
    assertThat(attestation.statusCode()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(attestation.body());
    AttestationDocument document =
        AttestationDocument.parse(Base64.getDecoder().decode(body.path("document").asText()));
    AttestationVerification verdict =
        new AttestationVerifier(TrustedRoots.nitro().and(document.cabundle().get(0)))
            .verify(document, AttestationPolicy.defaults().withNonce(nonce), Instant.now());
    assertThat(verdict.valid()).as(verdict.reason().orElse("")).isTrue();
    assertThat(verdict.secure()).isFalse();
    assertThat(
            new String(document.userData().orElseThrow(), java.nio.charset.StandardCharsets.UTF_8))
        .contains(signer.operator());
  }
}

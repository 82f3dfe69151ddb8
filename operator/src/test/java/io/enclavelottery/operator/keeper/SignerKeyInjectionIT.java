package io.enclavelottery.operator.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.signer.CapturedLogs;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.enclave.client.RemoteSigner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/**
 * The standalone keeper hands its configured operator key to an enclave signer (software NSM, in
 * this process) that waits for it, then runs a round on a real Anvil through that signer: the
 * lottery is operated by Anvil's account 1, whose key the keeper injects.
 */
class SignerKeyInjectionIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void aWaitingSignerGetsTheKeyAndARoundIsCommittedAndDrawn() {
    try (KeeperChain chain = KeeperChain.start(Duration.ofSeconds(12));
        InProcessSigner signer = new InProcessSigner(chain.operator().address());
        CapturedLogs logs = new CapturedLogs()) {
      signer.serve(LocalAnvil.CHAIN_ID, chain.lottery());
      SigningKey key = chain.operator().key();
      RecordingListener listener = new RecordingListener();
      StandaloneSettings settings =
          chain.keeperSettings(chain.lottery(), signer.signing(true, Optional.of(key)));
      try (StandaloneKeeper keeper =
          StandaloneKeeper.start(settings, new SimpleMeterRegistry(), listener)) {
        chain.bet(0);
        chain.bet(1);
        chain.bet(2);
        await().atMost(PATIENCE).until(() -> listener.reasons().contains("WinnerDrawn"));
      }

      assertThat(chain.contract().roundById(1).state()).isEqualTo(RoundState.COMPLETED);
      assertThat(new RemoteSigner(signer.signingUrl(), Duration.ofSeconds(5)).status().keyOrigin())
          .isEqualTo("injected");
      String secret =
          Numeric.toHexStringNoPrefixZeroPadded(
              key.credentials().getEcKeyPair().getPrivateKey(), 64);
      List<String> reported = new ArrayList<>(listener.everything());
      reported.addAll(logs.lines());
      assertThat(reported).anyMatch(line -> line.contains("injected the operator key of"));
      assertThat(reported).noneMatch(line -> line.toLowerCase().contains(secret));
    }
  }
}

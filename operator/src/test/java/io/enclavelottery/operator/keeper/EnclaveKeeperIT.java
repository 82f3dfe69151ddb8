package io.enclavelottery.operator.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.devnet.DevAccount;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.devnet.Opened;
import io.enclavelottery.chain.signer.CapturedLogs;
import io.enclavelottery.chain.verify.DrawVerification;
import io.enclavelottery.chain.verify.DrawVerifier;
import io.enclavelottery.enclave.client.RemoteSigner;
import io.enclavelottery.enclave.signer.SignerStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Convert;

/**
 * The standalone keeper with the enclave signer (software NSM, in this process) against a real
 * Anvil: the lottery's operator is the signer's generated address, the keeper attests the signer,
 * and the signer builds the commitment and the draw with a seed the keeper never holds. Rounds run
 * in real time (the signer trusts only its own clock): 12 s of betting, a draw window from 4 s
 * after the end.
 */
class EnclaveKeeperIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @AutoClose private final Opened opened = new Opened();
  private final KeeperChain chain = opened.add(KeeperChain.start(Duration.ofSeconds(30)));

  @Test
  void aRoundIsCommittedAndDrawnWithTheSignersSeed() {
    InProcessSigner signer = opened.add(new InProcessSigner());
    String lottery = signer.deployAndServe(chain);
    RecordingListener listener = new RecordingListener();
    try (CapturedLogs logs = new CapturedLogs()) {
      StandaloneKeeper keeper = keeper(lottery, signer.signing(true), listener);

      chain.bet(lottery, 0);
      chain.bet(lottery, 1);
      chain.bet(lottery, 2);
      await().atMost(PATIENCE).until(() -> listener.reasons().contains("WinnerDrawn"));

      Web3jLotteryContract contract = chain.contract(lottery);
      Round drawn = contract.roundById(1);
      assertThat(drawn.state()).isEqualTo(RoundState.COMPLETED);
      DrawVerification verification =
          DrawVerifier.overRpc(chain.web3j(), chain.anvil().httpUrl(), lottery).verify(1);
      assertThat(verification.matches()).as(verification.reason()).isTrue();
      SignerStatus status = new RemoteSigner(signer.signingUrl(), Duration.ofSeconds(5)).status();
      assertThat(status.seeds())
          .singleElement()
          .satisfies(seed -> assertThat(seed.released()).isTrue());
      // two settings, the commitment and the draw: one nonce sequence, no nonce refused
      assertThat(chain.nonce(signer.operator())).isEqualTo(4);
      assertThat(listener.reasons()).contains("SeedCommitted", "WinnerDrawn");
      assertThat(keeper.status().lastFailure().orElse("")).doesNotContain("nonce");
      assertThat(logs.lines()).anyMatch(line -> line.contains("NOT SECURE"));
      String seed = drawn.revealedSeed().hex().substring(2);
      List<String> reported = new ArrayList<>(listener.everything());
      reported.addAll(logs.lines());
      assertThat(reported).noneMatch(line -> line.contains(seed));
    }
  }

  @Test
  void aSignerRestartedWithANewKeyIsUsedOnceThePublisherMakesItTheOperator() {
    InProcessSigner first = opened.add(new InProcessSigner());
    String lottery = first.deployAndServe(chain);
    RecordingListener listener = new RecordingListener();
    StandaloneKeeper keeper = keeper(lottery, first.signing(true), listener);
    await().atMost(PATIENCE).until(() -> keeper.status().state() == KeeperState.RUNNING);

    // the enclave restarts: a new generated key behind the same ports
    Web3jLotteryContract contract = chain.contract(lottery);
    DevAccount publisher = chain.anvil().account(0);
    ShiftedClock signerClock = new ShiftedClock();
    InProcessSigner second =
        first.restartAs(opened.add(new InProcessSigner(signerClock)), LocalAnvil.CHAIN_ID, lottery);
    chain.sendOk(publisher, contract.proposeOperator(second.operator()));
    // the operator-change delay passes on chain; the new signer's own clock agrees with the chain
    chain.call("evm_increaseTime", Duration.ofHours(1).toSeconds() + 1);
    chain.sendOk(publisher, contract.activateOperator());
    signerClock.shift(Duration.between(Instant.now(), chain.latestBlockTime()));
    chain.sendOk(
        publisher,
        contract.depositBond(Convert.toWei("10", Convert.Unit.ETHER).toBigIntegerExact()));
    chain.call("anvil_setBalance", second.operator(), "0x56bc75e2d63100000"); // 100 ether

    chain.bet(lottery, 0);
    chain.bet(lottery, 1);
    await().atMost(PATIENCE).until(() -> listener.reasons().contains("WinnerDrawn"));

    DrawVerification verification =
        DrawVerifier.overRpc(chain.web3j(), chain.anvil().httpUrl(), lottery).verify(1);
    assertThat(verification.matches()).as(verification.reason()).isTrue();
    assertThat(chain.nonce(second.operator())).isEqualTo(2); // its commitment and its draw
  }

  @Test
  void aSignerOnTheSoftwareNsmIsNotUsedUnlessDevelopmentTrustsIt() {
    InProcessSigner signer = opened.add(new InProcessSigner());
    String lottery = signer.deployAndServe(chain);
    StandaloneKeeper keeper = keeper(lottery, signer.signing(false), KeeperListener.none());

    chain.bet(lottery, 0);
    chain.bet(lottery, 1);

    await().atMost(PATIENCE).until(() -> keeper.status().problem().isPresent());
    Problem problem = keeper.status().problem().orElseThrow();
    assertThat(problem.kind()).isEqualTo(Problem.Kind.SIGNER_NOT_ATTESTED);
    assertThat(problem.message()).contains("nothing is sent").contains("software NSM");
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> chain.pendingNonce(signer.operator()) == 2);
  }

  @Test
  void aSignerThatIsNotTheContractsOperatorIsNotUsed() {
    InProcessSigner signer = opened.add(new InProcessSigner());
    // the signer is bound to the lottery KeeperChain deployed, whose operator is account 1
    signer.serve(LocalAnvil.CHAIN_ID, chain.lottery());
    StandaloneKeeper keeper = keeper(chain.lottery(), signer.signing(true), KeeperListener.none());

    await().atMost(PATIENCE).until(() -> keeper.status().problem().isPresent());
    assertThat(keeper.status().problem().orElseThrow().message())
        .contains("the signer signs for " + signer.operator())
        .contains("the contract's operator is " + chain.operator().address().toLowerCase());
  }

  private StandaloneKeeper keeper(
      String lottery, OperatorSigning signing, KeeperListener listener) {
    return opened.add(
        StandaloneKeeper.start(
            chain.keeperSettings(lottery, signing), new SimpleMeterRegistry(), listener));
  }

  /** The system clock moved ahead by a shift a test sets. */
  private static final class ShiftedClock extends Clock {
    private volatile Duration shift = Duration.ZERO;

    void shift(Duration by) {
      shift = by;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(shift);
    }
  }
}

package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.crd.ChainSpec;
import io.enclavelottery.crd.ContractSpec;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.SecretKeyRef;
import io.enclavelottery.crd.SignerSpec;
import io.enclavelottery.crd.SignerType;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractClaimsTest {

  private static final String CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

  private final LotteryRound older = round("b", "main", "2026-01-01T00:00:00Z", 1, CONTRACT);
  private final LotteryRound newer = round("a", "copy", "2026-01-01T00:00:05Z", 1, CONTRACT);

  @Test
  void theOlderRunsTheContractAndTheNewerStandsBy() {
    List<LotteryRound> all = List.of(newer, older);
    assertThat(ContractClaims.runnerOtherThan(older, all)).isEmpty();
    assertThat(ContractClaims.runnerOtherThan(newer, all)).contains(older);
  }

  @Test
  void theSameAddressInAnotherCaseIsTheSameContract() {
    LotteryRound lower = round("a", "lower", "2026-01-01T00:00:05Z", 1, CONTRACT.toLowerCase());
    assertThat(ContractClaims.runnerOtherThan(lower, List.of(lower, older))).contains(older);
  }

  @Test
  void createdInTheSameSecondTheNamespaceThenTheNameDecides() {
    LotteryRound first = round("a", "z", "2026-01-01T00:00:00Z", 1, CONTRACT);
    LotteryRound second = round("b", "a", "2026-01-01T00:00:00Z", 1, CONTRACT);
    assertThat(ContractClaims.runnerOtherThan(second, List.of(first, second))).contains(first);
  }

  @Test
  void anotherChainOrContractIsNoClaim() {
    LotteryRound otherChain = round("a", "other", "2026-01-01T00:00:05Z", 5, CONTRACT);
    LotteryRound otherContract =
        round("a", "else", "2026-01-01T00:00:05Z", 1, "0x" + "1".repeat(40));
    List<LotteryRound> all = List.of(older, otherChain, otherContract);
    assertThat(ContractClaims.runnerOtherThan(otherChain, all)).isEmpty();
    assertThat(ContractClaims.runnerOtherThan(otherContract, all)).isEmpty();
  }

  @Test
  void anOlderOneBeingDeletedNoLongerClaims() {
    older.getMetadata().setDeletionTimestamp("2026-01-02T00:00:00Z");
    assertThat(ContractClaims.runnerOtherThan(newer, List.of(older, newer))).isEmpty();
  }

  private static LotteryRound round(
      String namespace, String name, String created, long chainId, String contract) {
    LotteryRound round = new LotteryRound();
    round.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(namespace)
            .withName(name)
            .withCreationTimestamp(created)
            .build());
    round.setSpec(
        new LotteryRoundSpec(
            new ChainSpec("ws://node", chainId, null),
            new ContractSpec(contract),
            new SignerSpec(SignerType.LOCAL, new SecretKeyRef("k", null), null),
            null,
            null,
            null));
    return round;
  }
}

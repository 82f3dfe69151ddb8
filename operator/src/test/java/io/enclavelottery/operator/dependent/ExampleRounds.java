package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.FrontendSpec;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.SignerSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** The repository's example LotteryRounds (examples/ at the root), and variations of them. */
final class ExampleRounds {

  static final String NAMESPACE = "lottery";

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private ExampleRounds() {}

  /** examples/lotteryround-minimal.yaml, in {@link #NAMESPACE}: local signer, default frontend. */
  static LotteryRound minimal() {
    return load("lotteryround-minimal.yaml");
  }

  /** examples/lotteryround-complete.yaml: enclave signer, two frontend pods, every field set. */
  static LotteryRound complete() {
    return load("lotteryround-complete.yaml");
  }

  /** A copy of the round with its spec changed. */
  static LotteryRound withSpec(LotteryRound round, UnaryOperator<LotteryRoundSpec> change) {
    LotteryRound copy = SERIALIZATION.clone(round);
    copy.setSpec(change.apply(round.getSpec()));
    return copy;
  }

  static LotteryRound withFrontend(LotteryRound round, FrontendSpec frontend) {
    return withSpec(
        round,
        s ->
            new LotteryRoundSpec(
                s.chain(), s.contract(), s.signer(), s.rounds(), s.gas(), frontend));
  }

  static LotteryRound withSigner(LotteryRound round, SignerSpec signer) {
    return withSpec(
        round,
        s ->
            new LotteryRoundSpec(
                s.chain(), s.contract(), signer, s.rounds(), s.gas(), s.frontend()));
  }

  static String yaml(Object object) {
    return SERIALIZATION.asYaml(object);
  }

  private static LotteryRound load(String file) {
    try {
      String text = Files.readString(Path.of("..", "examples", file));
      LotteryRound round = SERIALIZATION.unmarshal(text, LotteryRound.class);
      if (round.getMetadata().getNamespace() == null) {
        round.getMetadata().setNamespace(NAMESPACE);
      }
      round.getMetadata().setUid("uid-" + round.getMetadata().getName());
      return round;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

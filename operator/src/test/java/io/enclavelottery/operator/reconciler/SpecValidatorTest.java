package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.crd.ChainSpec;
import io.enclavelottery.crd.ContractSpec;
import io.enclavelottery.crd.EnclaveSpec;
import io.enclavelottery.crd.ExpectedPcrs;
import io.enclavelottery.crd.GasSpec;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.RoundsSpec;
import io.enclavelottery.crd.SecretKeyRef;
import io.enclavelottery.crd.SignerSpec;
import io.enclavelottery.crd.SignerType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpecValidatorTest {

  private static final String ADDRESS = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
  private static final ChainSpec CHAIN = new ChainSpec("ws://127.0.0.1:8545", 31337L, null);
  private static final String PCR = "ab".repeat(48);
  private static final SignerSpec SIGNER =
      new SignerSpec(SignerType.LOCAL, new SecretKeyRef("operator-key", null), null);

  private final SpecValidator validator = new SpecValidator();

  @Test
  void aMinimalSpecIsValid() {
    assertThat(validator.validate(spec(CHAIN, ADDRESS, SIGNER, null, null))).isEmpty();
    assertThat(SpecValidator.isValid(spec(CHAIN, ADDRESS, SIGNER, null, null))).isTrue();
  }

  @Test
  void aSpecWithAProblemIsNotValid() {
    assertThat(SpecValidator.isValid(spec(CHAIN, "0x1234", SIGNER, null, null))).isFalse();
    assertThat(SpecValidator.isValid(null)).isFalse();
  }

  @Test
  void aCompleteSpecAtItsBoundsIsValid() {
    RoundsSpec rounds = new RoundsSpec(10, "100", 1000, true, false, true);
    assertThat(validator.problems(spec(CHAIN, ADDRESS, SIGNER, rounds, new GasSpec(10.0, 0.5))))
        .isEmpty();
    assertThat(
            validator.problems(
                spec(
                    new ChainSpec("https://node.example/rpc", 1L, 256),
                    ADDRESS.toLowerCase(),
                    SIGNER,
                    new RoundsSpec(2_592_000, "0.000000001", 2, null, null, null),
                    new GasSpec(1.0, null))))
        .isEmpty();
  }

  static Stream<Arguments> badSpecs() {
    return Stream.of(
        Arguments.of(
            "short address",
            spec(CHAIN, "0x1234", SIGNER, null, null),
            "contract.address \"0x1234\" is not an address: it must be 0x followed by 40 hex"
                + " digits"),
        Arguments.of(
            "address without 0x",
            spec(CHAIN, ADDRESS.substring(2) + "00", SIGNER, null, null),
            "is not an address"),
        Arguments.of(
            "address with a non-hex digit",
            spec(CHAIN, ADDRESS.replace('a', 'g'), SIGNER, null, null),
            "is not an address"),
        Arguments.of(
            "no address", spec(CHAIN, null, SIGNER, null, null), "contract.address is missing"),
        Arguments.of(
            "ftp URL",
            spec(new ChainSpec("ftp://node", 1L, null), ADDRESS, SIGNER, null, null),
            "chain.rpcUrl must start with http://, https://, ws:// or wss://"),
        Arguments.of(
            "URL without a scheme",
            spec(new ChainSpec("127.0.0.1:8545", 1L, null), ADDRESS, SIGNER, null, null),
            "chain.rpcUrl must start with"),
        Arguments.of(
            "chain id zero",
            spec(new ChainSpec("http://node", 0L, null), ADDRESS, SIGNER, null, null),
            "chain.chainId must be a positive number"),
        Arguments.of(
            "too many confirmations",
            spec(new ChainSpec("http://node", 1L, 257), ADDRESS, SIGNER, null, null),
            "chain.confirmations must be between 0 and 256, got 257"),
        Arguments.of("no chain", spec(null, ADDRESS, SIGNER, null, null), "chain is missing"),
        Arguments.of(
            "no signer type",
            spec(CHAIN, ADDRESS, new SignerSpec(null, null, null), null, null),
            "signer.type is missing"),
        Arguments.of(
            "local signer without a Secret",
            spec(CHAIN, ADDRESS, new SignerSpec(SignerType.LOCAL, null, null), null, null),
            "signer.type local needs signer.keySecretRef"),
        Arguments.of(
            "enclave signer without enclave",
            spec(CHAIN, ADDRESS, new SignerSpec(SignerType.ENCLAVE, null, null), null, null),
            "signer.type enclave needs signer.enclave"),
        Arguments.of(
            "enclave settings on a local signer",
            spec(
                CHAIN,
                ADDRESS,
                new SignerSpec(
                    SignerType.LOCAL,
                    new SecretKeyRef("k", null),
                    enclave(new ExpectedPcrs(PCR, null, null))),
                null,
                null),
            "signer.enclave is used only with signer.type enclave"),
        Arguments.of(
            "enclave signer without expected PCR0",
            spec(CHAIN, ADDRESS, enclaveSigner(new ExpectedPcrs(null, PCR, null)), null, null),
            "signer.enclave.expectedPcrs.pcr0 is missing"),
        Arguments.of(
            "enclave signer expecting a debug-mode PCR0",
            spec(
                CHAIN,
                ADDRESS,
                enclaveSigner(new ExpectedPcrs("0".repeat(96), null, null)),
                null,
                null),
            "pcr0 of all zeros is a debug-mode enclave, which is never trusted"),
        Arguments.of(
            "enclave signer expecting a short PCR2",
            spec(CHAIN, ADDRESS, enclaveSigner(new ExpectedPcrs(PCR, null, "ab")), null, null),
            "signer.enclave.expectedPcrs.pcr2 must be 96 hex digits"),
        Arguments.of(
            "Secret name in capitals",
            spec(
                CHAIN,
                ADDRESS,
                new SignerSpec(SignerType.LOCAL, new SecretKeyRef("Operator_Key", null), null),
                null,
                null),
            "signer.keySecretRef.name must be a Secret's name"),
        Arguments.of(
            "Secret key with a slash",
            spec(
                CHAIN,
                ADDRESS,
                new SignerSpec(SignerType.LOCAL, new SecretKeyRef("k", "a/b"), null),
                null,
                null),
            "signer.keySecretRef.key must be a key of the Secret's data"),
        Arguments.of(
            "betting of 9 s",
            spec(CHAIN, ADDRESS, SIGNER, new RoundsSpec(9, null, null, null, null, null), null),
            "rounds.bettingDuration must be between 10 and 2592000 seconds (30 days), got 9"),
        Arguments.of(
            "betting over 30 days",
            spec(
                CHAIN,
                ADDRESS,
                SIGNER,
                new RoundsSpec(2_592_001, null, null, null, null, null),
                null),
            "got 2592001"),
        Arguments.of(
            "minBet below 1 gwei",
            spec(
                CHAIN,
                ADDRESS,
                SIGNER,
                new RoundsSpec(null, "0.0000000001", null, null, null, null),
                null),
            "rounds.minBet must be an amount of ether between 0.000000001 (1 gwei) and 100"),
        Arguments.of(
            "minBet of zero",
            spec(CHAIN, ADDRESS, SIGNER, new RoundsSpec(null, "0", null, null, null, null), null),
            "got \"0\""),
        Arguments.of(
            "minBet above 100",
            spec(
                CHAIN,
                ADDRESS,
                SIGNER,
                new RoundsSpec(null, "100.5", null, null, null, null),
                null),
            "got \"100.5\""),
        Arguments.of(
            "minBet as a number with an exponent",
            spec(
                CHAIN, ADDRESS, SIGNER, new RoundsSpec(null, "1e-2", null, null, null, null), null),
            "written as a decimal string like \"0.01\""),
        Arguments.of(
            "one participant",
            spec(CHAIN, ADDRESS, SIGNER, new RoundsSpec(null, null, 1, null, null, null), null),
            "rounds.minParticipants must be between 2 and 1000, got 1"),
        Arguments.of(
            "1001 participants",
            spec(CHAIN, ADDRESS, SIGNER, new RoundsSpec(null, null, 1001, null, null, null), null),
            "got 1001"),
        Arguments.of(
            "gas multiplier below 1",
            spec(CHAIN, ADDRESS, SIGNER, null, new GasSpec(0.9, null)),
            "gas.multiplier must be between 1 and 10, got 0.9"),
        Arguments.of(
            "gas multiplier above 10",
            spec(CHAIN, ADDRESS, SIGNER, null, new GasSpec(11.0, null)),
            "got 11.0"),
        Arguments.of(
            "fee cap of zero",
            spec(CHAIN, ADDRESS, SIGNER, null, new GasSpec(null, 0.0)),
            "gas.maxFeePerGasGwei must be above 0 gwei"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void eachRuleSaysWhatIsWrong(String name, LotteryRoundSpec spec, String expected) {
    assertThat(validator.problems(spec)).hasSize(1).first().asString().contains(expected);
    assertThat(validator.validate(spec)).get().asString().contains(expected);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    LotteryRoundSpec spec =
        spec(
            new ChainSpec("node:8545", 0L, null),
            "0x12",
            SIGNER,
            new RoundsSpec(5, null, 1, null, null, null),
            null);
    assertThat(validator.problems(spec))
        .hasSize(5)
        .anyMatch(p -> p.startsWith("chain.rpcUrl"))
        .anyMatch(p -> p.startsWith("chain.chainId"))
        .anyMatch(p -> p.startsWith("contract.address"))
        .anyMatch(p -> p.startsWith("rounds.bettingDuration"))
        .anyMatch(p -> p.startsWith("rounds.minParticipants"));
    assertThat(validator.validate(spec).orElseThrow().split("; ")).hasSize(5);
  }

  @Test
  void aMissingSpecIsAProblemNotAnException() {
    assertThat(validator.problems(null))
        .containsExactly("spec is missing: a LotteryRound needs chain, contract and signer");
  }

  private static SignerSpec enclaveSigner(ExpectedPcrs pcrs) {
    return new SignerSpec(SignerType.ENCLAVE, null, enclave(pcrs));
  }

  private static EnclaveSpec enclave(ExpectedPcrs pcrs) {
    return new EnclaveSpec("signer:1", pcrs, null, null, null, null, null, null);
  }

  private static LotteryRoundSpec spec(
      ChainSpec chain, String address, SignerSpec signer, RoundsSpec rounds, GasSpec gas) {
    return new LotteryRoundSpec(
        chain, address == null ? null : new ContractSpec(address), signer, rounds, gas, null);
  }
}

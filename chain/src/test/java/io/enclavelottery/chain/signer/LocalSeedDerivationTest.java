package io.enclavelottery.chain.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

class LocalSeedDerivationTest {

  static final String KEY_HEX = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
  static final String LOTTERY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  static final String OTHER_LOTTERY = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512";

  private final LocalSeedDerivation derivation =
      new LocalSeedDerivation(SigningKey.fromHex(KEY_HEX));

  @Test
  void matchesAnIndependentlyComputedVector() {
    // python3: hmac.new(key, b"enclave-lottery/seed/v1" + 31337 ‖ lottery ‖ 1 (32-byte words),
    //                   sha256).hexdigest()
    DrawSeed seed = derivation.seedFor(31337, LOTTERY, BigInteger.ONE);

    assertThat(Numeric.toHexString(seed.bytes()))
        .isEqualTo("0x548e4ff47b121b41f3be3ff3a4b77f0153f772258797bb836cc31b85602693d0");
  }

  @Test
  void isDeterministicSoARestartCanStillReveal() {
    LocalSeedDerivation afterRestart = new LocalSeedDerivation(SigningKey.fromHex(KEY_HEX));

    assertThat(afterRestart.seedFor(31337, LOTTERY, BigInteger.TEN))
        .isEqualTo(derivation.seedFor(31337, LOTTERY, BigInteger.TEN));
    assertThat(derivation.seedFor(31337, LOTTERY.toUpperCase().replace("0X", "0x"), BigInteger.TEN))
        .isEqualTo(derivation.seedFor(31337, LOTTERY, BigInteger.TEN));
  }

  @Test
  void differsPerRoundContractChainAndKey() {
    Set<DrawSeed> seeds = new HashSet<>();
    for (long round = 1; round <= 50; round++) {
      seeds.add(derivation.seedFor(31337, LOTTERY, BigInteger.valueOf(round)));
    }
    seeds.add(derivation.seedFor(31337, OTHER_LOTTERY, BigInteger.ONE));
    seeds.add(derivation.seedFor(1, LOTTERY, BigInteger.ONE));
    seeds.add(
        new LocalSeedDerivation(
                SigningKey.fromHex(
                    "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"))
            .seedFor(31337, LOTTERY, BigInteger.ONE));

    assertThat(seeds).hasSize(53);
  }

  @Test
  void theCommitmentIsTheContractsAbiEncodedHash() {
    DrawSeed seed = derivation.seedFor(31337, LOTTERY, BigInteger.valueOf(3));
    String encoded =
        FunctionEncoder.encodeConstructor(
            List.of(
                new Uint256(31337),
                new Address(LOTTERY),
                new Uint256(3),
                new Bytes32(seed.bytes())));

    assertThat(seed.commitmentHex(31337, LOTTERY, BigInteger.valueOf(3)))
        .isEqualTo(Hash.sha3("0x" + encoded));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> derivation.seedFor(0, LOTTERY, BigInteger.ONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> derivation.seedFor(1, "0x1234", BigInteger.ONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> derivation.seedFor(1, LOTTERY, BigInteger.ONE.negate()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

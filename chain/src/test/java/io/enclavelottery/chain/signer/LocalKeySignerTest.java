package io.enclavelottery.chain.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction1559;

class LocalKeySignerTest {

  private final SigningKey key = SigningKey.fromHex(LocalSeedDerivationTest.KEY_HEX);
  private final Signer signer = new LocalKeySigner(key);

  private static RawTransaction eip1559(long chainId) {
    return RawTransaction.createTransaction(
        chainId,
        BigInteger.valueOf(7),
        BigInteger.valueOf(60_000),
        LocalSeedDerivationTest.LOTTERY,
        BigInteger.ZERO,
        "0x12345678",
        BigInteger.valueOf(1_000_000_000),
        BigInteger.valueOf(3_000_000_000L));
  }

  @Test
  void signsAnEip1559TransactionThatRecoversToItsAddress() throws Exception {
    String signed = signer.signTransaction(eip1559(31337), 31337);

    SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(signed);
    assertThat(decoded.getFrom()).isEqualTo(signer.address());
    assertThat(decoded.getNonce()).isEqualTo(BigInteger.valueOf(7));
    assertThat(((Transaction1559) decoded.getTransaction()).getChainId()).isEqualTo(31337);
    assertThat(signed).startsWith("0x02");
  }

  @Test
  void refusesAChainOtherThanTheTransactions() {
    assertThatThrownBy(() -> signer.signTransaction(eip1559(1), 31337))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("chain 1");
  }

  @Test
  void refusesLegacyTransactions() {
    RawTransaction legacy =
        RawTransaction.createEtherTransaction(
            BigInteger.ONE,
            BigInteger.TEN,
            BigInteger.valueOf(21_000),
            signer.address(),
            BigInteger.ONE);

    assertThatThrownBy(() -> signer.signTransaction(legacy, 31337))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("EIP-1559");
  }

  @Test
  void namesOnlyItsAddress() {
    assertThat(signer.toString()).isEqualTo("LocalKeySigner[address=" + key.address() + "]");
  }
}

package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.LotteryCalls;
import io.enclavelottery.chain.signer.Signer;
import io.enclavelottery.chain.signer.SigningException;
import io.enclavelottery.enclave.signer.SeedCommitment;
import io.enclavelottery.enclave.signer.SignedTransaction;
import io.enclavelottery.enclave.signer.TransactionTerms;
import java.math.BigInteger;
import java.security.SignatureException;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.utils.Numeric;

/**
 * Checks each transaction the enclave signer hands back before it is sent: the host between the
 * keeper and the enclave could answer from a restarted, unattested instance or swap the payload. A
 * transaction passes only when its signature recovers to the attested operator, it is for the
 * configured chain, and it is exactly what was asked for ({@code /sign}) or the contract's own
 * {@code commitSeed} / {@code drawWinner} on the terms the keeper chose. A refusal names what
 * differs, never the transaction (a draw carries its seed).
 */
final class SignedTransactionCheck {

  private final long chainId;
  private final String contract;
  private final LotteryCalls calls;

  /**
   * @param chainId the chain the keeper keeps the contract on
   * @param contract the contract's address
   */
  SignedTransactionCheck(long chainId, String contract) {
    this.chainId = chainId;
    this.contract = Objects.requireNonNull(contract, "contract").toLowerCase(Locale.ROOT);
    this.calls = new LotteryCalls(this.contract);
  }

  /**
   * The signer's answer to {@code /sign}, checked to be {@code asked}, signed by {@code operator}.
   *
   * @return {@code raw}
   * @throws SigningException with the reason when it is not
   */
  String asked(String raw, RawTransaction asked, String operator) {
    String what = "signed transaction";
    Transaction1559 wanted = Signer.eip1559For(asked, chainId);
    same(what, wanted, decode(what, raw, operator));
    return raw;
  }

  /**
   * The signer's {@code commitSeed}, checked to commit its reported commitment with {@code
   * endTime}, on {@code terms}, signed by {@code operator}.
   *
   * @return {@code commitment}
   * @throws SigningException with the reason when it does not
   */
  SeedCommitment commit(
      SeedCommitment commitment, Instant endTime, TransactionTerms terms, String operator) {
    String what = "commitSeed of round " + commitment.roundId();
    Transaction1559 signed = decode(what, commitment.transaction().raw(), operator);
    same(what, built(calls.commitSeed(commitment.commitment(), endTime).data(), terms), signed);
    return commitment;
  }

  /**
   * The signer's {@code drawWinner} of {@code roundId}, checked to be a draw of the contract on
   * {@code terms}, signed by {@code operator}. The seed it carries is the signer's; the contract
   * checks it against the commitment.
   *
   * @return {@code draw}
   * @throws SigningException with the reason when it is not
   */
  SignedTransaction draw(
      long roundId, SignedTransaction draw, TransactionTerms terms, String operator) {
    String what = "drawWinner of round " + roundId;
    Transaction1559 signed = decode(what, draw.raw(), operator);
    String selector = hex(calls.drawWinner(Hex32.ZERO).data()).substring(0, 8);
    String data = hex(signed.getData());
    if (data.length() != 2 * (4 + 32) || !data.startsWith(selector)) {
      throw refused(what, "it does not call drawWinner(bytes32)");
    }
    same(what, built(data, terms), signed);
    return draw;
  }

  /** Decodes {@code raw} and checks it is a signed EIP-1559 transaction from {@code operator}. */
  private Transaction1559 decode(String what, String raw, String operator) {
    RawTransaction decoded;
    try {
      decoded = TransactionDecoder.decode(raw);
    } catch (RuntimeException e) {
      throw refused(what, "it is not a transaction");
    }
    if (!(decoded instanceof SignedRawTransaction signed)
        || !(decoded.getTransaction() instanceof Transaction1559 eip1559)) {
      throw refused(what, "it is not a signed EIP-1559 transaction");
    }
    String from;
    try {
      from = signed.getFrom().toLowerCase(Locale.ROOT);
    } catch (SignatureException | RuntimeException e) {
      throw refused(what, "its signature does not recover to any address");
    }
    if (!from.equals(operator.toLowerCase(Locale.ROOT))) {
      throw refused(what, "it is signed by " + from + ", not by the attested operator " + operator);
    }
    return eip1559;
  }

  /** A call of the contract with no value, on the keeper's terms. */
  private Transaction1559 built(String data, TransactionTerms terms) {
    return (Transaction1559)
        RawTransaction.createTransaction(
                chainId,
                terms.nonce(),
                terms.gasLimit(),
                contract,
                BigInteger.ZERO,
                data,
                terms.fees().maxPriorityFeePerGas(),
                terms.fees().maxFeePerGas())
            .getTransaction();
  }

  private void same(String what, Transaction1559 wanted, Transaction1559 signed) {
    differs(what, "chain id", wanted.getChainId(), signed.getChainId());
    differs(what, "recipient", address(wanted.getTo()), address(signed.getTo()));
    differs(what, "nonce", wanted.getNonce(), signed.getNonce());
    differs(what, "value", wanted.getValue(), signed.getValue());
    differs(what, "gas limit", wanted.getGasLimit(), signed.getGasLimit());
    differs(what, "max fee per gas", wanted.getMaxFeePerGas(), signed.getMaxFeePerGas());
    differs(
        what,
        "max priority fee per gas",
        wanted.getMaxPriorityFeePerGas(),
        signed.getMaxPriorityFeePerGas());
    if (!hex(wanted.getData()).equals(hex(signed.getData()))) {
      throw refused(what, "its call data is not the one asked for");
    }
    if (!signed.getAccessList().isEmpty()) {
      throw refused(what, "it carries an access list that was not asked for");
    }
  }

  private static void differs(String what, String field, Object wanted, Object signed) {
    if (!wanted.equals(signed)) {
      throw refused(what, "its " + field + " is " + signed + ", not " + wanted);
    }
  }

  private static String address(String to) {
    return to == null || Numeric.cleanHexPrefix(to).isEmpty()
        ? "(none)"
        : "0x" + Numeric.cleanHexPrefix(to).toLowerCase(Locale.ROOT);
  }

  private static String hex(String data) {
    return data == null ? "" : Numeric.cleanHexPrefix(data).toLowerCase(Locale.ROOT);
  }

  private static SigningException refused(String what, String reason) {
    return new SigningException(
        "refused the enclave signer's " + what + ", so it is not sent: " + reason);
  }
}

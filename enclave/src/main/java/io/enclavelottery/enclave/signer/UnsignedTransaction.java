package io.enclavelottery.enclave.signer;

import java.util.Arrays;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Reads what {@code POST /sign} receives: an unsigned EIP-1559 transaction in its EIP-2718 envelope
 * ({@code 0x02 ‖ rlp([...])}). Every other shape is refused before anything is decoded further: a
 * bare 32-byte value (a hash someone wants signed), a legacy transaction, an EIP-2930, blob or
 * EIP-7702 (set-code) transaction, or an unknown type.
 */
final class UnsignedTransaction {

  private static final int EIP1559 = 0x02;

  private UnsignedTransaction() {}

  static RawTransaction decode(byte[] envelope) {
    if (envelope.length == 0) {
      throw SignerRefusal.malformed("the transaction is empty");
    }
    if (envelope.length == 32) {
      throw SignerRefusal.forbidden(
          "32 bytes look like a hash: the signer never signs a raw hash or message");
    }
    int type = envelope[0] & 0xff;
    if (type != EIP1559) {
      throw SignerRefusal.forbidden(typeRefusal(type));
    }
    RawTransaction transaction;
    try {
      transaction = TransactionDecoder.decode(Numeric.toHexString(envelope));
    } catch (RuntimeException e) {
      throw SignerRefusal.malformed("not a well-formed unsigned EIP-1559 transaction");
    }
    if (!Arrays.equals(TransactionEncoder.encode(transaction), envelope)) {
      // extra bytes, a signature, an access list or a non-canonical encoding
      throw SignerRefusal.malformed(
          "not a canonical unsigned EIP-1559 transaction (no signature, no access list)");
    }
    return transaction;
  }

  private static String typeRefusal(int type) {
    String name =
        switch (type) {
          case 0x01 -> "EIP-2930 (type 1)";
          case 0x03 -> "blob (type 3)";
          case 0x04 -> "EIP-7702 set-code (type 4)";
          default -> type >= 0xc0 ? "legacy" : "unknown type 0x%02x".formatted(type);
        };
    return name + " transactions are never signed; only EIP-1559 (type 2)";
  }
}

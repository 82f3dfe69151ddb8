package io.enclavelottery.enclave.signer.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enclavelottery.chain.tx.Fees;
import io.enclavelottery.enclave.signer.SignerRefusal;
import io.enclavelottery.enclave.signer.TransactionTerms;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.web3j.utils.Numeric;

/**
 * A request's JSON object, read with a size limit, with typed field access whose errors are
 * refusals ({@code 400}) that name the field but never repeat its value (it may be a key).
 */
final class RequestBody {

  /** Far more than any request needs; a larger body is refused unread. */
  static final int MAX_BYTES = 16 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode node;

  private RequestBody(JsonNode node) {
    this.node = node;
  }

  static RequestBody empty() {
    return new RequestBody(JSON.createObjectNode());
  }

  static RequestBody read(InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw malformed("the request body could not be read");
    }
    if (bytes.length > MAX_BYTES) {
      throw malformed("the request body is larger than " + MAX_BYTES + " bytes");
    }
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (IOException e) {
      throw malformed("the request body is not JSON");
    }
    if (node == null || !node.isObject()) {
      throw malformed("the request body must be a JSON object");
    }
    return new RequestBody(node);
  }

  /** Refuses fields other than {@code allowed}. */
  RequestBody only(Set<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw malformed("unknown field '" + name + "'; expected " + new TreeSet<>(allowed));
      }
    }
    return this;
  }

  boolean has(String field) {
    return node.has(field);
  }

  /** A non-negative integer, as a JSON number or a decimal string. */
  BigInteger unsigned(String field) {
    JsonNode value = required(field);
    BigInteger number;
    if (value.isIntegralNumber()) {
      number = value.bigIntegerValue();
    } else if (value.isTextual() && value.asText().matches("[0-9]{1,78}")) {
      number = new BigInteger(value.asText());
    } else {
      throw malformed("'" + field + "' must be a non-negative integer (number or decimal string)");
    }
    if (number.signum() < 0) {
      throw malformed("'" + field + "' must not be negative");
    }
    return number;
  }

  long unsignedLong(String field) {
    BigInteger number = unsigned(field);
    if (number.bitLength() > 62) {
      throw malformed("'" + field + "' is out of range");
    }
    return number.longValue();
  }

  /** The nonce, gas limit and fees of a transaction the signer builds. */
  TransactionTerms terms() {
    BigInteger maxFee = unsigned("maxFeePerGas");
    BigInteger tip = unsigned("maxPriorityFeePerGas");
    if (tip.compareTo(maxFee) > 0) {
      throw malformed("maxPriorityFeePerGas must not exceed maxFeePerGas");
    }
    BigInteger gasLimit = unsigned("gasLimit");
    if (gasLimit.signum() == 0) {
      throw malformed("gasLimit must be positive");
    }
    return new TransactionTerms(unsigned("nonce"), gasLimit, new Fees(maxFee, tip));
  }

  /** Bytes written as hex, with or without {@code 0x}. */
  byte[] hex(String field) {
    JsonNode value = required(field);
    String text = value.isTextual() ? Numeric.cleanHexPrefix(value.asText()) : "";
    if (text.isEmpty() || text.length() % 2 != 0 || !text.matches("[0-9a-fA-F]+")) {
      throw malformed("'" + field + "' must be an even number of hex digits");
    }
    return Numeric.hexStringToByteArray(text);
  }

  private JsonNode required(String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw malformed("missing field '" + field + "'");
    }
    return value;
  }

  private static SignerRefusal malformed(String reason) {
    return new SignerRefusal(SignerRefusal.Kind.MALFORMED, reason);
  }
}

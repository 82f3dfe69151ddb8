package io.enclavelottery.chain.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Array;
import org.web3j.abi.datatypes.BytesType;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.utils.Numeric;

/**
 * Turns revert data into a {@link RevertReason}: the contract's custom errors by their 4-byte
 * selectors, Solidity's {@code Error(string)} and {@code Panic(uint256)}, anything else kept as raw
 * data.
 */
public final class RevertDecoder {

  /** Where the build puts the Lottery contract's ABI on the classpath. */
  public static final String LOTTERY_ABI_RESOURCE = "/io/enclavelottery/chain/abi/Lottery.abi.json";

  private static final ErrorDefinition ERROR_STRING =
      new ErrorDefinition("Error", List.of("string"));
  private static final ErrorDefinition PANIC = new ErrorDefinition("Panic", List.of("uint256"));

  private final Map<String, ErrorDefinition> bySelector;

  private RevertDecoder(List<ErrorDefinition> customErrors) {
    Map<String, ErrorDefinition> map = new LinkedHashMap<>();
    for (ErrorDefinition error : customErrors) {
      map.put(error.selector(), error);
    }
    this.bySelector = java.util.Collections.unmodifiableMap(map);
  }

  /** Decodes these custom errors besides the standard ones. */
  public static RevertDecoder of(List<ErrorDefinition> customErrors) {
    return new RevertDecoder(customErrors);
  }

  /** Decodes only {@code Error(string)} and {@code Panic(uint256)}. */
  public static RevertDecoder standardOnly() {
    return new RevertDecoder(List.of());
  }

  /** Decodes the custom errors declared in a contract's ABI (JSON array). */
  public static RevertDecoder fromAbiJson(String abiJson) {
    return new RevertDecoder(errorsOf(abiJson));
  }

  /** Decodes the Lottery contract's custom errors, from its ABI on the classpath. */
  public static RevertDecoder lottery() {
    try (InputStream in = RevertDecoder.class.getResourceAsStream(LOTTERY_ABI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the Lottery ABI is not on the classpath at " + LOTTERY_ABI_RESOURCE);
      }
      return fromAbiJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the Lottery ABI", e);
    }
  }

  /** The custom errors this decoder knows. */
  public List<ErrorDefinition> customErrors() {
    return List.copyOf(bySelector.values());
  }

  /**
   * Decodes revert data ({@code 0x}-prefixed hex; {@code null} or {@code 0x} for a revert without
   * data).
   */
  public RevertReason decode(String revertData) {
    String data = revertData == null ? "0x" : revertData.strip().toLowerCase(Locale.ROOT);
    if (!data.startsWith("0x")) {
      data = "0x" + data;
    }
    if (data.length() < 10) {
      return new RevertReason.Undecoded(data);
    }
    String selector = data.substring(0, 10);
    String arguments = data.substring(10);
    try {
      if (selector.equals(ERROR_STRING.selector())) {
        return new RevertReason.ErrorMessage((String) values(ERROR_STRING, arguments).get(0));
      }
      if (selector.equals(PANIC.selector())) {
        return new RevertReason.Panic((BigInteger) values(PANIC, arguments).get(0));
      }
      ErrorDefinition custom = bySelector.get(selector);
      if (custom != null) {
        return new RevertReason.CustomError(custom.name(), values(custom, arguments));
      }
    } catch (RuntimeException malformed) {
      // arguments that do not match the declaration: keep the raw data
    }
    return new RevertReason.Undecoded(data);
  }

  @SuppressWarnings("rawtypes") // web3j's decoder API is written with the raw Type
  private static List<Object> values(ErrorDefinition error, String argumentsHex) {
    List<TypeReference<Type>> references = new ArrayList<>();
    for (String type : error.types()) {
      references.add(reference(type));
    }
    List<Type> decoded = FunctionReturnDecoder.decode(argumentsHex, references);
    if (decoded.size() != references.size()) {
      throw new IllegalArgumentException("revert data too short for " + error.signature());
    }
    return decoded.stream().map(RevertDecoder::plain).collect(Collectors.toList());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeReference<Type> reference(String solidityType) {
    try {
      return (TypeReference<Type>) TypeReference.makeTypeReference(solidityType);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("unsupported error parameter type " + solidityType, e);
    }
  }

  private static Object plain(Type<?> value) {
    if (value instanceof Address address) {
      return address.getValue();
    }
    if (value instanceof BytesType bytes) {
      return Numeric.toHexString(bytes.getValue());
    }
    if (value instanceof Utf8String text) {
      return text.getValue();
    }
    if (value instanceof Array<?> array) {
      return array.getValue().stream().map(RevertDecoder::plain).collect(Collectors.toList());
    }
    return value.getValue();
  }

  private static List<ErrorDefinition> errorsOf(String abiJson) {
    Objects.requireNonNull(abiJson, "abiJson");
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(abiJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a JSON ABI", e);
    }
    if (!root.isArray()) {
      throw new IllegalArgumentException("an ABI is a JSON array");
    }
    List<ErrorDefinition> errors = new ArrayList<>();
    for (JsonNode entry : root) {
      if ("error".equals(entry.path("type").asText())) {
        List<String> types = new ArrayList<>();
        for (JsonNode input : entry.path("inputs")) {
          types.add(canonicalType(input));
        }
        errors.add(new ErrorDefinition(entry.path("name").asText(), types));
      }
    }
    return errors;
  }

  /** A parameter's canonical type; tuples spell out their components, as selectors need. */
  private static String canonicalType(JsonNode parameter) {
    String type = parameter.path("type").asText();
    if (!type.startsWith("tuple")) {
      return type;
    }
    List<String> components = new ArrayList<>();
    for (JsonNode component : parameter.path("components")) {
      components.add(canonicalType(component));
    }
    return "(" + String.join(",", components) + ")" + type.substring("tuple".length());
  }
}

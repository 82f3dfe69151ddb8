package io.enclavelottery.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the API server does with a CRD's structural schema, for the subset of OpenAPI v3 this CRD
 * uses: applies defaults, then checks types, required fields, unknown fields (as {@code kubectl
 * apply}'s strict field validation reports them), patterns (RE2, as the API server), lengths,
 * ranges, enums and item counts. Messages read like the API server's.
 *
 * <p>It refuses a schema keyword it does not implement, so the CRD cannot grow a check that the
 * tests silently skip. CEL rules ({@code x-kubernetes-validations}) are {@link CelRuleSet}'s job.
 */
final class StructuralValidator {

  private static final Set<String> KNOWN_KEYWORDS =
      Set.of(
          "type",
          "description",
          "properties",
          "required",
          "additionalProperties",
          "items",
          "pattern",
          "minLength",
          "maxLength",
          "minItems",
          "maxItems",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "enum",
          "default",
          "x-kubernetes-validations");

  private StructuralValidator() {}

  /**
   * A path one step further down, as the API server writes it: {@code spec} and {@code signer} give
   * {@code spec.signer}; the root is the empty path.
   */
  static String fieldPath(String parent, String field) {
    return parent.isEmpty() ? field : parent + "." + field;
  }

  /** A copy of {@code value} with the schema's defaults filled in wherever a field is absent. */
  static JsonNode withDefaults(JsonNode value, JsonNode schema) {
    JsonNode result = value.deepCopy();
    fillDefaults(result, schema);
    return result;
  }

  private static void fillDefaults(JsonNode value, JsonNode schema) {
    if (value.isObject()) {
      ObjectNode object = (ObjectNode) value;
      for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
        JsonNode propertySchema = property.getValue();
        if (!object.has(property.getKey()) && propertySchema.has("default")) {
          object.set(property.getKey(), propertySchema.get("default").deepCopy());
        }
        if (object.has(property.getKey())) {
          fillDefaults(object.get(property.getKey()), propertySchema);
        }
      }
      if (schema.path("additionalProperties").isObject()) {
        object.forEach(entry -> fillDefaults(entry, schema.get("additionalProperties")));
      }
    } else if (value.isArray() && schema.has("items")) {
      value.forEach(item -> fillDefaults(item, schema.get("items")));
    }
  }

  /** Everything wrong with {@code value} against {@code schema}; empty when it is valid. */
  static List<String> violations(JsonNode value, JsonNode schema, String path) {
    requireKnownKeywords(schema, path);
    List<String> found = new ArrayList<>();
    check(value, schema, path, found);
    return found;
  }

  /**
   * Throws when the schema, anywhere below this node, uses a keyword this validator does not
   * implement.
   */
  static void requireKnownKeywords(JsonNode schema, String path) {
    schema
        .fieldNames()
        .forEachRemaining(
            keyword -> {
              if (!KNOWN_KEYWORDS.contains(keyword)) {
                throw new IllegalStateException(
                    "the schema at " + path + " uses " + keyword + ", which this validator lacks");
              }
            });
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      requireKnownKeywords(property.getValue(), fieldPath(path, property.getKey()));
    }
    if (schema.path("additionalProperties").isObject()) {
      requireKnownKeywords(schema.get("additionalProperties"), path + "[*]");
    }
    if (schema.has("items")) {
      requireKnownKeywords(schema.get("items"), path + "[*]");
    }
  }

  private static void check(JsonNode value, JsonNode schema, String path, List<String> found) {
    String type = schema.path("type").asText();
    if (!hasType(value, type)) {
      found.add(path + ": Invalid value: " + value + ": must be of type " + type);
      return;
    }
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      found.add(
          path + ": Unsupported value: " + value + ": supported values: " + schema.get("enum"));
    }
    switch (type) {
      case "object" -> checkObject(value, schema, path, found);
      case "array" -> checkArray(value, schema, path, found);
      case "string" -> checkString(value.asText(), schema, path, found);
      case "integer", "number" -> checkNumber(value.decimalValue(), schema, path, found);
      default -> {}
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> throw new IllegalStateException("unknown schema type '" + type + "'");
    };
  }

  private static boolean contains(JsonNode values, JsonNode value) {
    for (JsonNode candidate : values) {
      if (candidate.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static void checkObject(
      JsonNode value, JsonNode schema, String path, List<String> found) {
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        found.add(fieldPath(path, required.asText()) + ": Required value");
      }
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.path("additionalProperties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String fieldPath = fieldPath(path, field.getKey());
      if (properties.has(field.getKey())) {
        check(field.getValue(), properties.get(field.getKey()), fieldPath, found);
      } else if (additional.isObject()) {
        check(field.getValue(), additional, fieldPath, found);
      } else {
        found.add(fieldPath + ": unknown field");
      }
    }
  }

  private static void checkArray(JsonNode value, JsonNode schema, String path, List<String> found) {
    if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
      found.add(
          path
              + ": Too many: "
              + value.size()
              + ": must have at most "
              + schema.get("maxItems").asInt()
              + " items");
    }
    if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
      found.add(
          path
              + ": Too few: "
              + value.size()
              + ": must have at least "
              + schema.get("minItems").asInt()
              + " items");
    }
    for (int i = 0; i < value.size(); i++) {
      check(value.get(i), schema.path("items"), path + "[" + i + "]", found);
    }
  }

  private static void checkString(String value, JsonNode schema, String path, List<String> found) {
    int length = value.codePointCount(0, value.length());
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      found.add(
          path + ": Too long: may not be more than " + schema.get("maxLength").asInt() + " bytes");
    }
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      found.add(
          path
              + ": Invalid value: \""
              + value
              + "\": should be at least "
              + schema.get("minLength").asInt()
              + " chars long");
    }
    if (schema.has("pattern")
        && !Pattern.compile(schema.get("pattern").asText()).matcher(value).find()) {
      found.add(
          path
              + ": Invalid value: \""
              + value
              + "\": should match '"
              + schema.get("pattern").asText()
              + "'");
    }
  }

  private static void checkNumber(
      BigDecimal value, JsonNode schema, String path, List<String> found) {
    if (schema.has("minimum")) {
      BigDecimal minimum = schema.get("minimum").decimalValue();
      boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
      int side = value.compareTo(minimum);
      if (side < 0 || (exclusive && side == 0)) {
        found.add(
            path
                + ": Invalid value: "
                + value.toPlainString()
                + ": should be greater than "
                + (exclusive ? "" : "or equal to ")
                + minimum.stripTrailingZeros().toPlainString());
      }
    }
    if (schema.has("maximum")) {
      BigDecimal maximum = schema.get("maximum").decimalValue();
      boolean exclusive = schema.path("exclusiveMaximum").asBoolean(false);
      int side = value.compareTo(maximum);
      if (side > 0 || (exclusive && side == 0)) {
        found.add(
            path
                + ": Invalid value: "
                + value.toPlainString()
                + ": should be less than "
                + (exclusive ? "" : "or equal to ")
                + maximum.stripTrailingZeros().toPlainString());
      }
    }
  }
}

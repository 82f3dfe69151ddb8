package io.enclavelottery.crd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value as CEL sees it, converted by its schema rather than by how YAML spelled it: an
 * integer is a {@code long} whatever its size, a number a {@code double} even when written {@code
 * 2}, an object a map of its present fields (so {@code has()} tells absent from present).
 */
final class CelValues {

  private CelValues() {}

  static Object of(JsonNode value, JsonNode schema) {
    return switch (schema.path("type").asText()) {
      case "string" -> value.asText();
      case "integer" -> value.longValue();
      case "number" -> value.doubleValue();
      case "boolean" -> value.booleanValue();
      case "array" -> list(value, schema.path("items"));
      case "object" -> map(value, schema);
      default -> throw new IllegalStateException("no CEL value for '" + schema.path("type") + "'");
    };
  }

  private static List<Object> list(JsonNode value, JsonNode itemSchema) {
    List<Object> items = new ArrayList<>();
    value.forEach(item -> items.add(of(item, itemSchema)));
    return items;
  }

  private static Map<String, Object> map(JsonNode value, JsonNode schema) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      JsonNode fieldSchema =
          schema.path("additionalProperties").isObject()
              ? schema.get("additionalProperties")
              : schema.path("properties").path(field.getKey());
      fields.put(field.getKey(), of(field.getValue(), fieldSchema));
    }
    return fields;
  }
}

package io.enclavelottery.crd;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * One {@code x-kubernetes-validations} entry of the CRD.
 *
 * @param path where in the object the rule sits, e.g. {@code spec.signer} ({@code self} is the
 *     value there)
 * @param rule the CEL expression
 * @param message what the API server answers when the rule is false
 * @param fieldPath the field the API server blames, relative to {@code path}; empty for {@code
 *     path} itself
 * @param reason how the API server classes the error ({@code FieldValueRequired}, …); empty for its
 *     default, {@code FieldValueInvalid}
 * @param schema the schema of the value at {@code path}
 */
record CelRule(
    String path, String rule, String message, String fieldPath, String reason, JsonNode schema) {

  /** The reasons the API server accepts on a rule. */
  static final Set<String> REASONS =
      Set.of(
          "FieldValueInvalid", "FieldValueForbidden", "FieldValueRequired", "FieldValueDuplicate");

  /** Whether the rule compares with the old object, so it runs only on updates. */
  boolean isTransitionRule() {
    return rule.matches("(?s).*\\boldSelf\\b.*");
  }

  /** The field the API server names in its answer. */
  String blamedPath() {
    return path + fieldPath;
  }

  /** The API server's answer when the rule fails, e.g. {@code spec.x: Required value: …}. */
  String violation(String detail) {
    String kind =
        switch (reason) {
          case "FieldValueRequired" -> "Required value";
          case "FieldValueForbidden" -> "Forbidden";
          case "FieldValueDuplicate" -> "Duplicate value";
          default -> "Invalid value: \"" + schema.path("type").asText() + "\"";
        };
    return blamedPath() + ": " + kind + ": " + detail;
  }
}

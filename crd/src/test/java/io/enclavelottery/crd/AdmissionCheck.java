package io.enclavelottery.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What the API server would answer to a LotteryRound manifest, as far as the CRD decides it:
 * defaults applied, then the structural schema, then the CEL rules. (The mock API server of the
 * controller's tests checks none of this.) The rules run only on a structurally valid object, which
 * keeps each answer about one thing.
 */
final class AdmissionCheck {

  private final GeneratedCrd crd;
  private final CelRuleSet rules;

  AdmissionCheck(GeneratedCrd crd) {
    this.crd = crd;
    this.rules = new CelRuleSet(crd.schema());
  }

  CelRuleSet rules() {
    return rules;
  }

  /** The answer to creating {@code manifest}: empty when it would be accepted. */
  List<String> create(JsonNode manifest) {
    return update(null, manifest);
  }

  /** The answer to replacing {@code old} with {@code manifest}; {@code old} null for a create. */
  List<String> update(JsonNode old, JsonNode manifest) {
    List<String> violations = new ArrayList<>();
    String apiVersion = LotteryRound.GROUP + "/" + LotteryRound.VERSION;
    if (!apiVersion.equals(manifest.path("apiVersion").asText())
        || !"LotteryRound".equals(manifest.path("kind").asText())) {
      violations.add("not a " + apiVersion + " LotteryRound");
      return violations;
    }
    JsonNode object = resourceBody(manifest);
    violations.addAll(StructuralValidator.violations(object, crd.schema(), ""));
    if (violations.isEmpty()) {
      JsonNode oldObject = old == null ? null : resourceBody(old);
      rules.evaluate(object, oldObject).stream()
          .filter(verdict -> !verdict.passed())
          .map(RuleVerdict::violation)
          .forEach(violations::add);
    }
    return violations;
  }

  /**
   * The part of a manifest the CRD's schema covers (spec and status; the API server checks
   * apiVersion, kind and metadata itself), with the schema's defaults applied.
   */
  JsonNode resourceBody(JsonNode manifest) {
    ObjectNode body = GeneratedCrd.YAML.createObjectNode();
    for (String part : new String[] {"spec", "status"}) {
      if (manifest.has(part)) {
        body.set(part, manifest.get(part));
      }
    }
    return StructuralValidator.withDefaults(body, crd.schema());
  }
}

package io.enclavelottery.crd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every CEL rule of a CRD, compiled the way the API server compiles them when the CRD is created
 * ({@code self}, and {@code oldSelf} for transition rules, typed from the schema; the standard
 * macros such as {@code has()}; the strings library), and evaluated the way it evaluates them on a
 * create or an update.
 */
final class CelRuleSet {

  private final List<CelRule> rules;
  private final Map<CelRule, CelRuntime.Program> programs = new LinkedHashMap<>();

  /**
   * @throws IllegalStateException naming the rule when one does not compile to a boolean
   */
  CelRuleSet(JsonNode rootSchema) {
    rules = collect(rootSchema, "", new ArrayList<>());
    SchemaCelTypes types = new SchemaCelTypes(rootSchema);
    for (CelRule rule : rules) {
      programs.put(rule, compile(rule, types));
    }
  }

  List<CelRule> rules() {
    return rules;
  }

  private static List<CelRule> collect(JsonNode schema, String path, List<CelRule> into) {
    for (JsonNode entry : schema.path("x-kubernetes-validations")) {
      into.add(
          new CelRule(
              path,
              entry.path("rule").asText(),
              entry.path("message").asText(),
              entry.path("fieldPath").asText(""),
              entry.path("reason").asText(""),
              schema));
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      collect(property.getValue(), StructuralValidator.fieldPath(path, property.getKey()), into);
    }
    if (schema.path("additionalProperties").isObject()) {
      collect(schema.get("additionalProperties"), path + "[*]", into);
    }
    if (schema.has("items")) {
      collect(schema.get("items"), path + "[*]", into);
    }
    return into;
  }

  private static CelRuntime.Program compile(CelRule rule, SchemaCelTypes types) {
    CelType self = types.typeAt(rule.path());
    Cel cel =
        CelFactory.standardCelBuilder()
            // the API server's CEL: partial regex matches, no mixing of int and double
            .setOptions(
                CelOptions.current()
                    .enableRegexPartialMatch(true)
                    .enableHeterogeneousNumericComparisons(false)
                    .build())
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .setTypeProvider(types)
            .addCompilerLibraries(CelExtensions.strings())
            .addRuntimeLibraries(CelExtensions.strings())
            .addVar("self", self)
            .addVar("oldSelf", self)
            .setResultType(SimpleType.BOOL)
            .build();
    try {
      return cel.createProgram(cel.compile(rule.rule()).getAst());
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalStateException(
          "rule at " + rule.path() + " does not compile: " + rule.rule() + "\n" + e.getMessage(),
          e);
    }
  }

  /**
   * What every rule says about an object being created ({@code old} null) or updated. A rule runs
   * once for each value at its path; a transition rule only on an update where the old object has a
   * value there too, as in the API server.
   */
  List<RuleVerdict> evaluate(JsonNode object, JsonNode old) {
    List<RuleVerdict> verdicts = new ArrayList<>();
    for (CelRule rule : rules) {
      List<JsonNode> values = valuesAt(object, rule.path());
      if (rule.isTransitionRule()) {
        if (rule.path().contains("[*]")) {
          throw new IllegalStateException(
              "transition rules inside lists or maps are not supported here: " + rule.path());
        }
        List<JsonNode> oldValues = old == null ? List.of() : valuesAt(old, rule.path());
        if (!values.isEmpty() && !oldValues.isEmpty()) {
          verdicts.add(run(rule, values.get(0), oldValues.get(0)));
        }
      } else {
        values.forEach(value -> verdicts.add(run(rule, value, value)));
      }
    }
    return verdicts;
  }

  private RuleVerdict run(CelRule rule, JsonNode self, JsonNode oldSelf) {
    try {
      Object result =
          programs
              .get(rule)
              .eval(
                  Map.of(
                      "self", CelValues.of(self, rule.schema()),
                      "oldSelf", CelValues.of(oldSelf, rule.schema())));
      boolean passed = Boolean.TRUE.equals(result);
      return new RuleVerdict(rule, passed, rule.message());
    } catch (CelEvaluationException e) {
      return new RuleVerdict(rule, false, "rule could not be evaluated: " + e.getMessage());
    }
  }

  private static List<JsonNode> valuesAt(JsonNode root, String path) {
    List<JsonNode> current = List.of(root);
    for (String segment : path.isEmpty() ? new String[0] : path.split("\\.")) {
      boolean spread = segment.endsWith("[*]");
      String field = spread ? segment.substring(0, segment.length() - 3) : segment;
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : current) {
        JsonNode child = node.get(field);
        if (child == null) {
          continue;
        }
        if (spread) {
          child.forEach(next::add);
        } else {
          next.add(child);
        }
      }
      current = next;
    }
    return current;
  }
}

package io.enclavelottery.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every CEL rule in the generated CRD, compiled with {@code dev.cel} against types derived from the
 * schema and evaluated on specs that should pass and specs that should fail; and a check that no
 * rule goes without both.
 */
class CelRulesTest {

  private static final GeneratedCrd CRD = GeneratedCrd.load();
  private static final AdmissionCheck API_SERVER = new AdmissionCheck(CRD);
  private static final JsonNode MINIMAL = Manifests.parse(Manifests.exampleText(Manifests.MINIMAL));

  private static final String PCR = "a1".repeat(48);
  private static final String ENCLAVE =
      "{image: ghcr.io/example/lottery-signer:0.1.0, expectedPcrs: {pcr0: " + PCR + "}}";

  /**
   * One spec (or one change of spec) and what the rules should say about it.
   *
   * @param name what the case shows
   * @param oldPatch for an update, the merge patch that makes the old spec from the minimal
   *     example; null for a create
   * @param patch the merge patch (YAML) that makes the spec from the minimal example's
   * @param failingRule a fragment of the one rule's message expected to fail; null if all hold
   */
  record RuleCase(String name, String oldPatch, String patch, String failingRule) {

    static RuleCase create(String name, String patch, String failingRule) {
      return new RuleCase(name, null, patch, failingRule);
    }

    static RuleCase update(String name, String oldPatch, String patch, String failingRule) {
      return new RuleCase(name, oldPatch, patch, failingRule);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<RuleCase> cases() {
    List<RuleCase> cases = new ArrayList<>();
    String belowMinimum = "rounds.minBet must be between";
    cases.add(RuleCase.create("local signer with its key", "{}", null));
    cases.add(
        RuleCase.create(
            "local signer without a key",
            "{signer: {keySecretRef: null}}",
            "signer.type local needs signer.keySecretRef"));
    cases.add(
        RuleCase.create(
            "enclave signer that generates its key",
            "{signer: {type: enclave, keySecretRef: null, enclave: " + ENCLAVE + "}}",
            null));
    cases.add(
        RuleCase.create(
            "enclave signer with a key to inject",
            "{signer: {type: enclave, enclave: " + ENCLAVE + "}}",
            null));
    cases.add(
        RuleCase.create(
            "enclave signer without its enclave",
            "{signer: {type: enclave, keySecretRef: null}}",
            "signer.type enclave needs signer.enclave"));
    cases.add(
        RuleCase.create(
            "enclave section beside a local signer",
            "{signer: {enclave: " + ENCLAVE + "}}",
            "signer.enclave is used only with signer.type enclave"));
    cases.add(
        RuleCase.create(
            "debug-mode PCR0",
            "{signer: {type: enclave, enclave: {image: i, expectedPcrs: {pcr0: '"
                + "0".repeat(96)
                + "'}}}}",
            "debug-mode enclave"));
    cases.add(
        RuleCase.create(
            "PCR0 that starts with zeros",
            "{signer: {type: enclave, enclave: {image: i, expectedPcrs: {pcr0: '"
                + "00".repeat(8)
                + PCR.substring(16)
                + "'}}}}",
            null));
    cases.add(RuleCase.create("no minBet: the contract's is kept", "{rounds: {}}", null));
    for (String accepted :
        List.of(
            "0.000000001",
            "0.0000000010",
            "0.000000001000000001",
            "0.01",
            "1",
            "12.5",
            "99.999999999999999999",
            "100",
            "100.000000000000000000")) {
      cases.add(
          RuleCase.create("minBet " + accepted, "{rounds: {minBet: '" + accepted + "'}}", null));
    }
    for (String refused :
        List.of(
            "0",
            "0.0",
            "0.000000000",
            "0.0000000009",
            "0.000000000999999999",
            "100.000000000000000001",
            "100.5",
            "101",
            "999")) {
      cases.add(
          RuleCase.create(
              "minBet " + refused, "{rounds: {minBet: '" + refused + "'}}", belowMinimum));
    }
    cases.add(
        RuleCase.create(
            "Ingress with its host",
            "{frontend: {ingress: {enabled: true, host: lottery.example.com}}}",
            null));
    cases.add(
        RuleCase.create(
            "Ingress without a host",
            "{frontend: {ingress: {enabled: true}}}",
            "frontend.ingress.enabled needs frontend.ingress.host"));
    cases.add(
        RuleCase.create(
            "Ingress disabled, no host needed", "{frontend: {ingress: {enabled: false}}}", null));
    cases.add(
        RuleCase.create(
            "Ingress to a disabled frontend",
            "{frontend: {enabled: false, ingress: {enabled: true, host: lottery.example.com}}}",
            "frontend.ingress.enabled needs frontend.enabled"));
    cases.add(
        RuleCase.create(
            "disabled frontend with its Ingress disabled too",
            "{frontend: {enabled: false, ingress: {host: lottery.example.com}}}",
            null));
    cases.add(
        RuleCase.update(
            "node URL changes, chain id stays",
            "{}",
            "{chain: {rpcUrl: 'https://rpc.example.com'}}",
            null));
    cases.add(
        RuleCase.update(
            "chain id changes", "{}", "{chain: {chainId: 1}}", "chain.chainId cannot change"));
    cases.add(
        RuleCase.update(
            "contract address changes letter case only",
            "{}",
            "{contract: {address: '0x5fbdb2315678afecb367f032d93f642f64180aa3'}}",
            null));
    cases.add(
        RuleCase.update(
            "contract address changes",
            "{}",
            "{contract: {address: '0x0b23fbc822a59714154a0170c6c1fd24eb8963d9'}}",
            "contract.address cannot change"));
    cases.add(
        RuleCase.create(
            "a create never runs the rules that compare with the old object",
            "{chain: {chainId: 1}, contract: {address: '0x0b23fbc822a59714154a0170c6c1fd24eb8963d9'}}",
            null));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void ruleVerdict(RuleCase ruleCase) {
    List<RuleVerdict> verdicts = verdicts(ruleCase);

    List<String> failed =
        verdicts.stream().filter(v -> !v.passed()).map(RuleVerdict::violation).toList();
    if (ruleCase.failingRule() == null) {
      assertThat(failed).isEmpty();
    } else {
      assertThat(failed).singleElement().asString().contains(ruleCase.failingRule());
    }
  }

  @Test
  void everyRuleIsSeenToHoldAndToFail() {
    Map<String, Set<Boolean>> outcomes = new LinkedHashMap<>();
    API_SERVER.rules().rules().forEach(rule -> outcomes.put(key(rule), new HashSet<>()));
    cases().forEach(c -> verdicts(c).forEach(v -> outcomes.get(key(v.rule())).add(v.passed())));

    List<String> lacking =
        outcomes.entrySet().stream()
            .filter(entry -> entry.getValue().size() < 2)
            .map(entry -> entry.getKey() + " (seen to hold: " + entry.getValue() + ")")
            .toList();
    assertThat(outcomes).isNotEmpty();
    assertThat(lacking)
        .as("rules that no case shows both holding and failing: add cases to cases()")
        .isEmpty();
  }

  @Test
  void everyRuleBlamesAFieldOfTheSchemaWithAReasonTheApiServerKnows() {
    for (CelRule rule : API_SERVER.rules().rules()) {
      JsonNode blamed = rule.schema();
      if (!rule.fieldPath().isEmpty()) {
        for (String field : rule.fieldPath().substring(1).split("\\.")) {
          blamed = blamed.path("properties").path(field);
        }
      }
      assertThat(blamed.isMissingNode()).as("field path of %s", rule.blamedPath()).isFalse();
      assertThat(rule.reason())
          .as("reason of the rule on %s", rule.blamedPath())
          .satisfiesAnyOf(
              reason -> assertThat(reason).isEmpty(),
              reason -> assertThat(CelRule.REASONS).contains(reason));
    }
  }

  @Test
  void rulesAreCheckedAgainstTheSchemaTypes() {
    ObjectNode schema = CRD.schema().deepCopy();
    ArrayNode signerRules =
        (ArrayNode) schema.at("/properties/spec/properties/signer/x-kubernetes-validations");
    signerRules.addObject().put("rule", "self.tpye == 'local'").put("message", "misspelt");

    assertThatThrownBy(() -> new CelRuleSet(schema))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("undefined field 'tpye'");
  }

  @Test
  void valuesAreTypedByTheSchemaNotByHowYamlWroteThem() {
    JsonNode schema =
        Manifests.parse(
            """
            type: object
            properties:
              spec:
                type: object
                properties:
                  ratio: {type: number}
                  count: {type: integer}
                x-kubernetes-validations:
                  - {rule: "self.ratio == 2.0 && self.count == 3", message: typed}
            """);

    List<RuleVerdict> verdicts =
        new CelRuleSet(schema).evaluate(Manifests.parse("{spec: {ratio: 2, count: 3}}"), null);

    assertThat(verdicts).singleElement().satisfies(v -> assertThat(v.passed()).isTrue());
  }

  private static List<RuleVerdict> verdicts(RuleCase ruleCase) {
    JsonNode manifest = withSpecPatch(ruleCase.patch());
    JsonNode old = ruleCase.oldPatch() == null ? null : withSpecPatch(ruleCase.oldPatch());
    JsonNode body = API_SERVER.resourceBody(manifest);
    assertThat(
            StructuralValidator.violations(
                body, CRD.schema(), "" /* the rules alone decide each case */))
        .as("%s: the spec passes the structural schema", ruleCase.name())
        .isEmpty();
    return API_SERVER.rules().evaluate(body, old == null ? null : API_SERVER.resourceBody(old));
  }

  private static JsonNode withSpecPatch(String specPatch) {
    ObjectNode patch = GeneratedCrd.YAML.createObjectNode();
    patch.set("spec", Manifests.parse(specPatch));
    return MergePatch.apply(MINIMAL, patch);
  }

  private static String key(CelRule rule) {
    return rule.path() + ": " + rule.rule();
  }
}

package io.enclavelottery.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The test-side stand-in for the API server's schema checks, on the keywords the CRD's manifests in
 * {@code rejected/} do not reach (the CRD uses them on fields no bad manifest targets).
 */
class StructuralValidatorTest {

  private static final JsonNode SCHEMA =
      Manifests.parse(
          """
          type: object
          properties:
            name: {type: string, minLength: 2, maxLength: 4, default: abc}
            tags:
              type: array
              maxItems: 2
              items:
                type: object
                properties:
                  key: {type: string}
                  weight: {type: integer, default: 1}
            labels: {type: object, additionalProperties: {type: string}}
            ratio: {type: number, maximum: 1, exclusiveMaximum: true}
          """);

  @Test
  void defaultsFillAbsentFieldsAlsoInsideListItems() {
    JsonNode value = Manifests.parse("{tags: [{key: a}, {key: b, weight: 5}]}");

    assertThat(StructuralValidator.withDefaults(value, SCHEMA))
        .isEqualTo(
            Manifests.parse("{name: abc, tags: [{key: a, weight: 1}, {key: b, weight: 5}]}"));
    assertThat(value.has("name")).as("the input is left as it was").isFalse();
  }

  @Test
  void reportsLengthsItemCountsMapValuesAndExclusiveBounds() {
    JsonNode value =
        Manifests.parse(
            "{name: abcde, tags: [{key: a}, {key: b}, {key: c}], labels: {app: 7}, ratio: 1}");

    assertThat(StructuralValidator.violations(value, SCHEMA, "spec"))
        .containsExactly(
            "spec.name: Too long: may not be more than 4 bytes",
            "spec.tags: Too many: 3: must have at most 2 items",
            "spec.labels.app: Invalid value: 7: must be of type string",
            "spec.ratio: Invalid value: 1: should be less than 1");
    assertThat(StructuralValidator.violations(Manifests.parse("{name: a}"), SCHEMA, "spec"))
        .containsExactly("spec.name: Invalid value: \"a\": should be at least 2 chars long");
  }

  @Test
  void refusesASchemaKeywordItDoesNotImplement() {
    JsonNode schema =
        Manifests.parse("{type: object, properties: {at: {type: string, format: date-time}}}");

    assertThatThrownBy(() -> StructuralValidator.violations(Manifests.parse("{}"), schema, "spec"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spec.at uses format");
  }
}

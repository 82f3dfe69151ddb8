/**
 * The {@code LotteryRound} custom resource (group {@code enclave-lottery.io}, version {@code
 * v1alpha1}): one lottery contract whose rounds the controller runs, round after round.
 *
 * <p>The model is the source of the CRD: fabric8's crd-generator turns it into {@code
 * lotteryrounds.enclave-lottery.io-v1.yml} in the build. Each field is documented once, in its
 * {@code @JsonPropertyDescription}, because that (not Javadoc) is what the generator copies into
 * the schema and so into {@code kubectl explain}; validation sits beside it as fabric8 annotations
 * ({@code @Pattern}, {@code @Min}, {@code @Max}, {@code @Default}, {@code @Required}) and CEL rules
 * ({@code @ValidationRule}) for checks that span fields.
 *
 * <p>Values are immutable records. Each ignores fields it does not know, so a controller still
 * reads resources that a newer version of the CRD has added fields to (during an upgrade, say).
 * Optional settings the schema defaults are defaulted again in each record's constructor, so a
 * resource read from an API server that did not apply the schema (a test's mock server) behaves the
 * same; {@code CrdSchemaTest} checks that both agree.
 */
package io.enclavelottery.crd;

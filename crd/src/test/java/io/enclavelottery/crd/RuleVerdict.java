package io.enclavelottery.crd;

/**
 * What one CEL rule said about one value.
 *
 * @param rule the rule
 * @param passed whether it held (an evaluation error counts as not holding, as in the API server)
 * @param detail the rule's message, or the evaluation error
 */
record RuleVerdict(CelRule rule, boolean passed, String detail) {

  /** The answer the API server would give for it. */
  String violation() {
    return rule.violation(detail);
  }
}

package org.qingshan.server.support;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables a whole test class when what it needs outside the JVM is missing, so that the run
 * reports its tests as skipped (an abort in {@code @BeforeAll} is reported as no test at all).
 * Where the switch makes the environment required, the class runs and its {@code @BeforeAll} fails
 * with the message ({@link TestEnvironment#requireOrSkip}).
 */
abstract class EnvironmentCondition implements ExecutionCondition {
  private final String name;

  EnvironmentCondition(String name) {
    this.name = name;
  }

  /** What is missing, if anything. */
  abstract Optional<String> missing();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isPresent()) {
      return ConditionEvaluationResult.enabled("checked for the class");
    }
    Optional<String> missing = missing();
    if (missing.isEmpty() || TestEnvironment.required(name)) {
      return ConditionEvaluationResult.enabled(name + " checked");
    }
    String message =
        missing.get()
            + " — skipped; run with -Dqingshan.test."
            + name
            + "=required to make it mandatory";
    System.out.println("SKIPPED: " + message);
    return ConditionEvaluationResult.disabled(message);
  }
}

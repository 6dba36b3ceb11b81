package org.qingshan.server.evaluation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** 年度总结 / 中期评估 / 总结评估. */
public enum EvaluationKind {
  ANNUAL,
  MIDTERM,
  FINAL;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<EvaluationKind> ofCode(String code) {
    return Arrays.stream(values())
        .filter(
            k -> code != null && (k.code().equals(code.strip()) || k.name().equals(code.strip())))
        .findFirst();
  }
}

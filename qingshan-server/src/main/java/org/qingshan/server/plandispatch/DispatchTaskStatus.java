package org.qingshan.server.plandispatch;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A task's state as its lead department reports it: 未启动 / 推进中 / 已完成 / 滞后. */
public enum DispatchTaskStatus {
  NOT_STARTED,
  IN_PROGRESS,
  DONE,
  BEHIND;

  /** The code the JSON API uses: not-started, in-progress, done, behind. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The status of an API code or a form's constant name; empty when it is neither. */
  public static Optional<DispatchTaskStatus> ofCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.strip();
    return Arrays.stream(values())
        .filter(s -> s.code().equals(c) || s.name().equals(c))
        .findFirst();
  }
}

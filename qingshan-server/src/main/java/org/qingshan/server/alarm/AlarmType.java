package org.qingshan.server.alarm;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of alarm, with the names the JSON API uses. */
public enum AlarmType {
  EXCEEDANCE("exceedance"),
  CONTINUOUS_EXCEEDANCE("continuous-exceedance"),
  FLAG("flag"),
  OFFLINE("offline"),
  CONSTANT("constant"),
  ZERO("zero"),
  NEGATIVE("negative"),
  OUT_OF_RANGE("out-of-range"),
  JUMP("jump"),
  MISSING_FACTOR("missing-factor"),
  TREATMENT_NOT_RUNNING("treatment-not-running"),
  TREATMENT_LOW_LOAD("treatment-low-load"),
  PRODUCTION_DURING_CURTAILMENT("production-during-curtailment"),
  PERMIT_TOTAL("permit-total");

  private final String apiName;

  AlarmType(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  public static Optional<AlarmType> fromApiName(String name) {
    return Arrays.stream(values()).filter(t -> t.apiName.equals(name)).findFirst();
  }
}

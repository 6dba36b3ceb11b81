package org.qingshan.standards.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every limit of GB 3838—2002 表1 (copied here from reference/standards.md §4.1), the value on it
 * and values just either side. Limits are inclusive; DO is a minimum.
 */
class WaterClassBoundaryTest {
  private static final Map<String, String> RIVER =
      Map.ofEntries(
          Map.entry("DO", "7.5 6 5 3 2"),
          Map.entry("CODMn", "2 4 6 10 15"),
          Map.entry("COD", "15 15 20 30 40"),
          Map.entry("BOD5", "3 3 4 6 10"),
          Map.entry("NH3N", "0.15 0.5 1.0 1.5 2.0"),
          Map.entry("TP", "0.02 0.1 0.2 0.3 0.4"),
          Map.entry("TN", "0.2 0.5 1.0 1.5 2.0"),
          Map.entry("Cu", "0.01 1.0 1.0 1.0 1.0"),
          Map.entry("Zn", "0.05 1.0 1.0 2.0 2.0"),
          Map.entry("F", "1.0 1.0 1.0 1.5 1.5"),
          Map.entry("Se", "0.01 0.01 0.01 0.02 0.02"),
          Map.entry("As", "0.05 0.05 0.05 0.1 0.1"),
          Map.entry("Hg", "0.00005 0.00005 0.0001 0.001 0.001"),
          Map.entry("Cd", "0.001 0.005 0.005 0.005 0.01"),
          Map.entry("Cr6", "0.01 0.05 0.05 0.05 0.1"),
          Map.entry("Pb", "0.01 0.01 0.05 0.05 0.1"),
          Map.entry("CN", "0.005 0.05 0.2 0.2 0.2"),
          Map.entry("phenol", "0.002 0.002 0.005 0.01 0.1"),
          Map.entry("oil", "0.05 0.05 0.05 0.5 1.0"),
          Map.entry("LAS", "0.2 0.2 0.2 0.3 0.3"),
          Map.entry("S", "0.05 0.1 0.2 0.5 1.0"),
          Map.entry("fecal_coliform", "200 2000 10000 20000 40000"));
  private static final String LAKE_TP = "0.01 0.025 0.05 0.1 0.2";
  private static final String[] CLASSES = {"I", "II", "III", "IV", "V", "劣V"};
  private static final BigDecimal TINY = new BigDecimal("0.000001");

  static Stream<Arguments> limits() {
    List<Arguments> args = new ArrayList<>();
    RIVER.forEach((code, limits) -> add(args, code, limits, WaterBodyType.RIVER));
    add(args, "TP", LAKE_TP, WaterBodyType.LAKE);
    return args.stream();
  }

  private static void add(List<Arguments> args, String code, String limits, WaterBodyType body) {
    for (String l : limits.split(" ")) {
      BigDecimal limit = new BigDecimal(l);
      for (BigDecimal v : List.of(limit.subtract(TINY), limit, limit.add(TINY))) {
        args.add(Arguments.of(code, body, v, limits));
      }
    }
  }

  /** Best class whose limit is met, else 劣V. */
  private static String expected(String code, BigDecimal v, String limits) {
    String[] l = limits.split(" ");
    for (int i = 0; i < l.length; i++) {
      int cmp = v.compareTo(new BigDecimal(l[i]));
      if (code.equals("DO") ? cmp >= 0 : cmp <= 0) {
        return CLASSES[i];
      }
    }
    return "劣V";
  }

  @ParameterizedTest(name = "{0} ({1}) = {2}")
  @MethodSource("limits")
  void classOnAndAroundEveryLimit(String code, WaterBodyType body, BigDecimal v, String limits) {
    WaterItem item = WaterItem.fromCode(code).orElseThrow();
    assertThat(item.classify(v, body).code()).isEqualTo(expected(code, v, limits));
  }

  @Test
  void sharedLimitsGiveTheBestClass() {
    assertThat(WaterItem.COD.classify(new BigDecimal("15"), WaterBodyType.RIVER))
        .isEqualTo(WaterClass.I);
    assertThat(WaterItem.NH3N.classify(new BigDecimal("1.0"), WaterBodyType.RIVER))
        .isEqualTo(WaterClass.III);
    assertThat(WaterItem.TP.classify(new BigDecimal("0.05"), WaterBodyType.LAKE))
        .isEqualTo(WaterClass.III);
    assertThat(WaterItem.TP.classify(new BigDecimal("0.05"), WaterBodyType.RIVER))
        .isEqualTo(WaterClass.II);
  }

  @ParameterizedTest(name = "pH {0}")
  @ValueSource(strings = {"6", "6.0", "7.4", "9", "9.00"})
  void phInsideSixToNineIsClassOne(String ph) {
    assertThat(WaterItem.PH.classify(new BigDecimal(ph), WaterBodyType.RIVER))
        .isEqualTo(WaterClass.I);
  }

  @ParameterizedTest(name = "pH {0}")
  @ValueSource(strings = {"5.99", "9.01", "0", "12"})
  void phOutsideSixToNineIsWorseThanV(String ph) {
    assertThat(WaterItem.PH.classify(new BigDecimal(ph), WaterBodyType.LAKE))
        .isEqualTo(WaterClass.WORSE_THAN_V);
  }
}

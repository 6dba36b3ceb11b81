package org.qingshan.hj212.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Values read a word at a time equal {@link Double#parseDouble} of their text, whatever the number
 * of digits around the dot and wherever the value ends.
 */
class NumberScanTest {

  private static String decimal(Random r) {
    StringBuilder s = new StringBuilder();
    if (r.nextInt(4) == 0) {
      s.append('-');
    }
    int before = r.nextInt(12);
    for (int i = 0; i < before; i++) {
      s.append((char) ('0' + r.nextInt(10)));
    }
    if (before == 0 || r.nextBoolean()) {
      s.append('.');
      int after = (before == 0 ? 1 : 0) + r.nextInt(12);
      for (int i = 0; i < after; i++) {
        s.append((char) ('0' + r.nextInt(10)));
      }
    }
    return s.toString();
  }

  @Test
  void plainDecimalsAreExact() {
    Random r = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      String a = decimal(r);
      String b = decimal(r);
      // the last value ends the text: no bytes after it to read a word from
      String text = "w01018-Rtd=" + a + ",w01018-Flag=N;a21026-Avg=" + b;
      FactorReading w = DataArea.parse(text).orElseThrow().reading("w01018").orElseThrow();
      FactorReading x = DataArea.parse(text).orElseThrow().reading("a21026").orElseThrow();
      assertThat(w.value(Suffix.RTD).getAsDouble()).as(a).isEqualTo(Double.parseDouble(a));
      assertThat(x.value(Suffix.AVG).getAsDouble()).as(b).isEqualTo(Double.parseDouble(b));
    }
  }

  @Test
  void shortValuesAreExact() {
    // every length up to the word, every place of the dot, either sign, either separator
    Random r = new Random(11);
    for (int len = 1; len <= 9; len++) {
      for (int dot = -1; dot < len; dot++) {
        for (int k = 0; k < 200; k++) {
          StringBuilder v = new StringBuilder(r.nextBoolean() ? "-" : "");
          for (int i = 0; i < len; i++) {
            v.append(i == dot ? '.' : (char) ('0' + r.nextInt(10)));
          }
          String value = v.toString();
          if (value.equals(".") || value.equals("-.") || value.equals("-")) {
            continue;
          }
          char sep = r.nextBoolean() ? ';' : ',';
          String text = "w01018-Rtd=" + value + sep + "w01018-Flag=N;a21026-Rtd=1";
          FactorReading w = DataArea.parse(text).orElseThrow().reading("w01018").orElseThrow();
          assertThat(w.value(Suffix.RTD).getAsDouble())
              .as(value)
              .isEqualTo(Double.parseDouble(value));
        }
      }
    }
  }

  @Test
  void shortValuesThatAreNotNumbersAreRefused() {
    for (String v : new String[] {".", "-", "-.", "1.2.3", "1-2", "12a", "1 2", "--1", "1..2"}) {
      assertThat(DataArea.parse("w01018-Rtd=" + v + ";w01018-Flag=N;a21026-Rtd=1")).as(v).isEmpty();
    }
  }

  @Test
  void digitsPastTheAreaAreNotRead() {
    byte[] b = "w01018-Rtd=12.5;99999999999999999".getBytes(StandardCharsets.UTF_8);
    DataArea area = CpParser.parse(b, 0, 15).area().orElseThrow();
    assertThat(area.reading("w01018").orElseThrow().value(Suffix.RTD).getAsDouble())
        .isEqualTo(12.5);
    DataArea cut = CpParser.parse(b, 0, 13).area().orElseThrow();
    assertThat(cut.reading("w01018").orElseThrow().value(Suffix.RTD).getAsDouble()).isEqualTo(12);
  }

  @Test
  void whatIsNotAPlainDecimalIsLeftToTheGeneralParser() {
    assertThat(rtd("1.5e3")).isEqualTo(1500);
    assertThat(rtd("+2.25")).isEqualTo(2.25);
    assertThat(rtd("123456789012.125")).isEqualTo(123456789012.125);
    assertThat(DataArea.parse("w01018-Rtd=1.2.3")).isEmpty();
    assertThat(DataArea.parse("w01018-Rtd=--1")).isEmpty();
    assertThat(DataArea.parse("w01018-Rtd=")).isEmpty();
  }

  private static double rtd(String value) {
    return DataArea.parse("w01018-Rtd=" + value + ";w01018-Flag=N")
        .orElseThrow()
        .reading("w01018")
        .orElseThrow()
        .value(Suffix.RTD)
        .getAsDouble();
  }
}

package org.qingshan.standards.aqi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.standards.regime.AqiStandard;
import org.qingshan.standards.testsupport.SharedReference;

/** The code's breakpoint table must be the one printed in reference/standards.md §1.1. */
class BreakpointTableReferenceTest {

  @Test
  void everyColumnOfBothVersionsMatchesTheReferenceTable() {
    List<List<String>> rows = SharedReference.tableAfter("### 1.1 IAQI breakpoint table");
    assertThat(rows).hasSize(8);
    // Columns of the reference table after the IAQI column, with the version they belong to.
    Object[][] columns = {
      {AqiIndicator.SO2_24H, null},
      {AqiIndicator.SO2_1H, null},
      {AqiIndicator.NO2_24H, null},
      {AqiIndicator.NO2_1H, null},
      {AqiIndicator.PM10_24H, AqiStandard.HJ633_2012},
      {AqiIndicator.PM10_24H, AqiStandard.HJ633_2026},
      {AqiIndicator.CO_24H, null},
      {AqiIndicator.CO_1H, null},
      {AqiIndicator.O3_1H, null},
      {AqiIndicator.O3_8H, null},
      {AqiIndicator.PM25_24H, AqiStandard.HJ633_2012},
      {AqiIndicator.PM25_24H, AqiStandard.HJ633_2026},
    };
    int checked = 0;
    for (int col = 0; col < columns.length; col++) {
      List<BigDecimal> expected = new ArrayList<>();
      for (List<String> row : rows) {
        String cell = row.get(col + 1);
        if (!cell.startsWith("—")) {
          expected.add(new BigDecimal(cell));
        }
      }
      AqiIndicator indicator = (AqiIndicator) columns[col][0];
      for (AqiStandard standard : AqiStandard.values()) {
        if (columns[col][1] != null && columns[col][1] != standard) {
          continue;
        }
        assertThat(BreakpointTable.concentrations(standard, indicator))
            .as("%s %s", standard, indicator)
            .usingElementComparator(BigDecimal::compareTo)
            .containsExactlyElementsOf(expected);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(20);
    for (int r = 0; r < rows.size(); r++) {
      assertThat(BreakpointTable.iaqiLevel(r)).isEqualTo(Integer.parseInt(rows.get(r).get(0)));
    }
  }
}

package org.qingshan.standards.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingshan.standards.testsupport.SharedReference;

/** WaterItem limits must equal GB 3838—2002 表1 as printed in reference/standards.md §4.1. */
class WaterItemReferenceTest {
  private static final Map<String, WaterItem> ROW_TO_ITEM =
      Map.ofEntries(
          Map.entry("溶解氧", WaterItem.DO),
          Map.entry("高锰酸盐指数", WaterItem.CODMN),
          Map.entry("化学需氧量", WaterItem.COD),
          Map.entry("五日生化需氧量", WaterItem.BOD5),
          Map.entry("氨氮", WaterItem.NH3N),
          Map.entry("总氮", WaterItem.TN),
          Map.entry("铜", WaterItem.CU),
          Map.entry("锌", WaterItem.ZN),
          Map.entry("氟化物", WaterItem.F),
          Map.entry("硒", WaterItem.SE),
          Map.entry("砷", WaterItem.AS),
          Map.entry("汞", WaterItem.HG),
          Map.entry("镉", WaterItem.CD),
          Map.entry("铬（六价）", WaterItem.CR6),
          Map.entry("铅", WaterItem.PB),
          Map.entry("氰化物", WaterItem.CN),
          Map.entry("挥发酚", WaterItem.PHENOL),
          Map.entry("石油类", WaterItem.OIL),
          Map.entry("阴离子表面活性剂", WaterItem.LAS),
          Map.entry("硫化物", WaterItem.S),
          Map.entry("粪大肠菌群", WaterItem.FECAL_COLIFORM));

  @Test
  void limitsMatchTheReferenceTable() {
    List<List<String>> rows = SharedReference.tableAfter("### 4.1 GB 3838—2002 表1");
    int checked = 0;
    for (List<String> row : rows) {
      String name = row.get(1);
      WaterBodyType body = WaterBodyType.RIVER;
      WaterItem item = null;
      if (name.startsWith("总磷")) {
        item = WaterItem.TP;
        body = name.contains("湖") ? WaterBodyType.LAKE : WaterBodyType.RIVER;
      } else {
        for (Map.Entry<String, WaterItem> e : ROW_TO_ITEM.entrySet()) {
          if (name.startsWith(e.getKey())) {
            item = e.getValue();
          }
        }
      }
      if (item == null) {
        continue; // 水温, pH: not a per-class numeric row
      }
      for (WaterClass c :
          List.of(WaterClass.I, WaterClass.II, WaterClass.III, WaterClass.IV, WaterClass.V)) {
        String cell = row.get(2 + c.ordinal()).split(" ")[0];
        assertThat(item.limit(c, body))
            .as("%s %s %s", item, body, c)
            .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(cell));
      }
      checked++;
    }
    assertThat(checked).isEqualTo(23);
  }
}

package org.qingshan.plan.placeholder;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceholderFinderTest {

  @Test
  void classifiesByContextNotByLength() {
    assertThat(PlaceholderFinder.find("牵头单位：XXX", 1, false))
        .extracting(Placeholder::kind)
        .containsExactly(PlaceholderKind.UNIT);
    assertThat(PlaceholderFinder.find("城市生活垃圾无害化处理率达到XXX%，实施XXX两侧植绿工程，新增XX万亩。", 2, false))
        .extracting(p -> p.kind() + ":" + p.text())
        .containsExactly("NUMBER:XXX%", "NAME:XXX", "NUMBER:XX");
    assertThat(PlaceholderFinder.find("建设美丽XX，加强XX山保护，系数大于或等于XX。", 3, false))
        .extracting(Placeholder::kind)
        .containsExactly(PlaceholderKind.NAME, PlaceholderKind.NAME, PlaceholderKind.NUMBER);
    assertThat(PlaceholderFinder.find("NOx、VOCs、LDAR 治理", 4, false)).isEmpty();
  }
}

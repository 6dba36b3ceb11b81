package org.qingshan.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qingshan.server.support.DemoServerTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Factor names: the code tables, and electricity meters' d codes read by their parts. */
@DemoServerTest
class FactorNamesTest {
  @Autowired FactorNames names;

  @Test
  void codesOfTheTablesByName() {
    assertThat(names.label("a21026")).isEqualTo("二氧化硫 (a21026)");
    assertThat(names.label("x99999")).isEqualTo("x99999");
  }

  @Test
  void electricityCodesByFacilityAndParameter() {
    assertThat(names.label("d20401")).isEqualTo("生产设施1 电流（A） (d20401)");
    assertThat(names.label("d30102")).isEqualTo("治理设施2 A相电压（V） (d30102)");
    assertThat(names.label("d20912")).isEqualTo("生产设施12 参数 09 (d20912)");
  }
}

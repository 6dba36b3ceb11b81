package org.qingshan.server.department;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DepartmentNamesTest {
  @Test
  void widthSpacesAndTrailingListMarksDoNotMakeADifferentName() {
    assertThat(DepartmentNames.normalize(" 县 应急管理局 ")).isEqualTo("县应急管理局");
    assertThat(DepartmentNames.normalize("县应急管理局等")).isEqualTo("县应急管理局");
    assertThat(DepartmentNames.normalize("县应急管理局、")).isEqualTo("县应急管理局");
    assertThat(DepartmentNames.normalize("市生态环境局冠县分局（牵头）")).isEqualTo("市生态环境局冠县分局(牵头)");
    assertThat(DepartmentNames.normalize("\u3000区住建局")).isEqualTo("区住建局");
  }

  @Test
  void differentNamesStayDifferent() {
    assertThat(DepartmentNames.normalize("县应急局")).isNotEqualTo(DepartmentNames.normalize("县应急管理局"));
  }
}

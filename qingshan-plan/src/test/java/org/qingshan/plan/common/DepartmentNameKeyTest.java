package org.qingshan.plan.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DepartmentNameKeyTest {

  @Test
  void theCountyOfAPlanComesFromItsTitle() {
    assertThat(DepartmentNameKey.countyOf("聊城市冠县“十四五”生态环境保护规划")).hasValue("冠县");
    assertThat(DepartmentNameKey.countyOf("聊城市东昌府区“十四五”生态环境保护规划")).hasValue("东昌府区");
    assertThat(DepartmentNameKey.countyOf("榕湾区生态环境保护“十四五”规划")).hasValue("榕湾区");
  }

  @Test
  void countyPrefixAndShortFormsDoNotMakeAnotherDepartment() {
    Optional<String> county = Optional.of("冠县");
    String key = DepartmentNameKey.of("冠县住房和城乡建设局", county);
    assertThat(DepartmentNameKey.of("县住房和城乡建设局", county)).isEqualTo(key);
    assertThat(DepartmentNameKey.of("住房和城乡建设局", county)).isEqualTo(key);
    assertThat(DepartmentNameKey.of("县住房城乡建设局", county)).isEqualTo(key);
    assertThat(DepartmentNameKey.of("县住建局", county)).isEqualTo(key);
    assertThat(DepartmentNameKey.of("区住房城乡建设局", Optional.of("东昌府区")))
        .isEqualTo(DepartmentNameKey.of("区住房和城乡建设局", Optional.of("东昌府区")));
    assertThat(DepartmentNameKey.of("县市场监管局", county))
        .isEqualTo(DepartmentNameKey.of("冠县市场监督管理局", county));
    // A city body's county branch is not the county's bureau.
    assertThat(DepartmentNameKey.of("聊城市生态环境局冠县分局", county))
        .isNotEqualTo(DepartmentNameKey.of("县生态环境局", county));
  }

  @Test
  void aDirectoryOverAliasesMatchesExactlyThenByKeyAndNeverGuessesBetweenTwo() {
    DepartmentDirectory directory =
        DepartmentDirectory.ofAliases(
            Map.of(
                "县住建局", "7",
                "县财政局", "8",
                "县城管局", "9",
                "县城市管理局", "10"),
            String::strip,
            Optional.of("冠县"));
    assertThat(directory.resolve("冠县住房和城乡建设局")).hasValue("7");
    assertThat(directory.resolve("住房城乡建设局")).hasValue("7");
    assertThat(directory.resolve("冠县财政局")).hasValue("8");
    // Two departments share the key 城市管理局: only the exact spellings resolve.
    assertThat(directory.resolve("县城管局")).hasValue("9");
    assertThat(directory.resolve("冠县城市管理局")).isEmpty();
    assertThat(directory.resolve("县水利局")).isEmpty();
  }
}

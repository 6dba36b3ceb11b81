package org.qingshan.plan.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qingshan.plan.Plan;
import org.qingshan.plan.PlanImporter;
import org.qingshan.plan.SharedPlans;
import org.qingshan.plan.task.Task;

/**
 * Targets a higher level sets (完成市下达任务): sentences quoted from the shared plans (Dongchangfu,
 * Guanxian, the template county) become targets marked {@code assigned}, with or without a date;
 * sentences that merely name a higher level, or an order the bureau issues, do not.
 */
class AssignedTargetTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Dongchangfu l.429, 475, 513, 515, 385, 507
        "2025年年底前,大型规模化养殖场氨排放总量下降完成省市下达的任务目标。|大型规模化养殖场氨排放总量下降|2025-12-31",
        "2025年年底前,全区农村生活污水治理完成省、市下达的任务目标。|农村生活污水治理|2025-12-31",
        "2025年年底前,达到省市下达的公共机构单位建筑面积能耗、人均综合能耗下降目标。|公共机构单位建筑面积能耗、人均综合能耗下降目标|2025-12-31",
        "严控煤炭消费增长,非石化能源消耗比重及煤炭消耗量完成上级下达的目标任务。|非石化能源消耗比重及煤炭消耗量|",
        "制定实施二氧化碳排放达峰行动方案,分解落实市下达的达峰目标任务,明确重点行业二氧化碳排放达峰目标。|达峰目标|",
        // Guanxian l.423 (full-width commas)
        "分解落实市下达的达峰目标任务，明确重点行业二氧化碳排放达峰目标，强化各领域各层级的贯彻落实。|达峰目标|",
        // the template county l.52, 64, 136: the region and the city (区、市)
        "2020年年底前全面完成区、市下达的散乱污企业治理任务。|散乱污企业治理任务|2020-12-31",
        "实施VOCs排放总量控制，完成区、市下达减排任务。|减排任务|",
        "2020年底，全县农村自来水、卫生厕所普及率、垃圾和生活污水处理率完成区、市下达的指标任务。|农村自来水、卫生厕所普及率、垃圾和生活污水处理率|2020-12-31",
        // the indicator table's words (Guanxian l.201)
        "农村生活污水治理率完成市下达任务。|农村生活污水治理率|",
      })
  void aTargetSetByAHigherLevelIsAssigned(String sentence, String metric, String deadline) {
    assertThat(TargetExtractor.extract(sentence))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.assigned()).isTrue();
              assertThat(t.metric()).hasValue(metric);
              assertThat(t.value()).isEmpty();
              assertThat(t.comparator()).isEmpty();
              assertThat(t.deadline())
                  .isEqualTo(Optional.ofNullable(deadline).map(LocalDate::parse));
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // an order the bureau issues (the demo county's report on its diesel trucks)
        "尚余15辆国三营运柴油货车未淘汰，已逐车约谈车主并下达限期淘汰通知。",
        // a higher level named, no target set by it (Dongchangfu l.499, l.663; Guanxian l.477)
        "根据省市级要求,配合上级部门调查国控考核点位周边地下水环境质量状况并排查污染成因。",
        "按照“属地为主、就近协同、资源共享、上级支援”原则,完善应急预警监测响应。",
        "按照上级生态环境部门要求及时更新重点环境风险源、敏感目标、环境应急能力及环境应急预案等基础数据库。",
        // the county dividing its own targets among its towns
        "做好目标分解和定期评估工作。",
        "将年度目标任务按年度分解下达到各乡镇。",
        "县政府向各乡镇下达年度目标任务。",
      })
  void namingAHigherLevelOrIssuingAnOrderIsNoAssignedTarget(String sentence) {
    assertThat(TargetExtractor.extract(sentence)).noneMatch(DatedTarget::assigned);
  }

  @Test
  void aTargetLeftToTheCityOrSplitByItIsAssigned() {
    // the note under both indicator tables (Guanxian l.219, Dongchangfu l.339)
    assertThat(TargetExtractor.extract("③具体目标最终以市分解任务为准。"))
        .singleElement()
        .satisfies(t -> assertThat(t.assigned()).isTrue());
    assertThat(TargetExtractor.extract("PM2.5浓度目标以上级下达为准。"))
        .singleElement()
        .satisfies(t -> assertThat(t.metric()).hasValue("PM2.5浓度目标"));
    assertThat(TargetExtractor.extract("受污染耕地安全利用率按照上级要求分解下达的目标执行。"))
        .singleElement()
        .satisfies(t -> assertThat(t.assigned()).isTrue());
  }

  @Test
  void aSentenceWithAnAssignedTaskAndAStatedShareIsTwoTargets() {
    // Dongchangfu l.371: the city's quota for 国四 trucks, and 30 % of 国六 trucks by the same date
    List<DatedTarget> targets =
        TargetExtractor.extract("2025年年底前,完成聊城市下达的国四排放标准营运柴油货车淘汰任务,国六排放标准重型货车占比达到30%以上。");
    assertThat(targets).hasSize(2);
    DatedTarget city = targets.get(0);
    assertThat(city.assigned()).isTrue();
    assertThat(city.text()).isEqualTo("2025年年底前,完成聊城市下达的国四排放标准营运柴油货车淘汰任务");
    assertThat(city.metric()).hasValue("国四排放标准营运柴油货车淘汰任务");
    assertThat(city.value()).isEmpty();
    assertThat(city.deadline()).hasValue(LocalDate.of(2025, 12, 31));
    DatedTarget share = targets.get(1);
    assertThat(share.assigned()).isFalse();
    assertThat(share.metric()).hasValue("国六排放标准重型货车占比");
    assertThat(share.value()).hasValue(new BigDecimal("30"));
    assertThat(share.comparator()).hasValue("≥");
    assertThat(share.deadline()).hasValue(LocalDate.of(2025, 12, 31));
  }

  @Test
  void targetsTheTextStatesAreNotAssigned() {
    assertThat(TargetExtractor.extract("2025年底前，城区机扫率达95%以上。每季度向社会公开治理进展情况。"))
        .hasSize(2)
        .noneMatch(DatedTarget::assigned);
  }

  @Test
  void theSharedPlansAssignedTargetsAreFoundInTheirTasks() throws Exception {
    assertThat(assignedByLine("dongchangfu-2021-2025.txt"))
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    371, "国四排放标准营运柴油货车淘汰任务",
                    385, "非石化能源消耗比重及煤炭消耗量",
                    429, "大型规模化养殖场氨排放总量下降",
                    475, "农村生活污水治理",
                    507, "达峰目标",
                    513, "营运车辆单位运输周转量二氧化碳排放下降",
                    515, "公共机构单位建筑面积能耗、人均综合能耗下降目标")));
    assertThat(assignedByLine("guanxian-2021-2025.txt"))
        .containsExactlyEntriesOf(Map.of(423, "达峰目标"));
    assertThat(assignedByLine("template-county-2018-2020.txt"))
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    52, "散乱污企业治理任务",
                    64, "减排任务",
                    136, "农村自来水、卫生厕所普及率、垃圾和生活污水处理率")));
  }

  /** The assigned targets of a shared plan's tasks: the task's line and what is assigned. */
  private static Map<Integer, String> assignedByLine(String fileName) throws Exception {
    Plan plan = new PlanImporter().importFile(SharedPlans.plan(fileName));
    Map<Integer, String> found = new TreeMap<>();
    for (Task t : plan.tasks()) {
      for (DatedTarget g : t.targets()) {
        if (g.assigned()) {
          assertThat(found.put(t.line(), g.metric().orElse(g.text())))
              .as("one assigned target in the task of line %d", t.line())
              .isNull();
        }
      }
    }
    return found;
  }
}

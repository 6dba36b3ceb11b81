package org.qingshan.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingshan.plan.common.PlanPeriod;
import org.qingshan.plan.indicator.IndicatorTarget;
import org.qingshan.plan.indicator.TargetKind;
import org.qingshan.plan.task.Task;

/**
 * A plan in styles the shared plans do not use: 第一章/第一节 headings, markers written before the text
 * they govern, a one-cell-per-line indicator table with look-alike characters, web chrome.
 */
class OtherCountyStylesTest {

  static final String PLAN =
      """
      无障碍阅读 返回首页
      某某县人民政府关于印发某某县生态环境保护规划的通知
      某政发〔2022〕7号
      某某县人民政府
      2022年3月1日
      某某县生态环境保护规划（2021—2025年）

      目  录
      第一章  发展基础\t1
      第二章  总体要求\t3
      第三章  深入打好污染防治攻坚战\t5

      第一章  发展基础
      “十三五”期间，全县生态环境质量持续改善，完成上级下达的各项任务。
      第二章  总体要求
      第一节  主要目标
      到2025年，生态环境质量稳中向好。
      某某县生态环境保护主要指标
      指标
      2020年
      2025年
      属性
      （一）环境质量
      细颗粒物（PM2.5）浓度（µg/m3）
      35
      32
      约束性
      地表水达到或好于III类水体比例（%）
      80
      85.5%
      约束性
      劣Ｖ类水体比例（%）
      —
      全面消除
      约束性
      （二）污染减排
      化学需氧量重点工程减排量（万吨）
      —
      [0.25]
      约束性
      化肥施用量（万吨）
      4.8
      较2020年减少6%
      预期性
      森林覆盖率（%）
      20
      完成上级下达目标任务
      约束性
      注：①[]内为五年累计值。
      第三章  深入打好污染防治攻坚战
      第一节  强化工业污染治理
      （牵头单位：县生态环境分局；配合单位：县工业和信息化局）深化工业炉窑治理。2023年底前，完成燃煤工业炉窑清洁能源替代。
      (县交通运输局、县公安局按职责分工负责)加强柴油货车管控。每季度开展一次路检路查，到2025年，国四及以下柴油货车淘汰率达到90%以上。
      第二节  加强面源污染管控
      （县住房和城乡建设局牵头，县城市管理局参与）严格施工扬尘管控。2024年6月底前，城区道路机扫率达95%以上。
      推进秸秆综合利用，力争秸秆综合利用率稳定在92%左右。
      第四章  保障措施
      第一节  加强调度评估
      （县生态环境保护委员会）建立年度调度机制，每年向县政府报告规划实施情况。
      扫码使用手机浏览本页内容
      政策咨询
      """;

  @Test
  void readsChapterStyleWithMarkersBeforeTheirText() throws Exception {
    Plan plan = new PlanImporter().importBytes("other.txt", PLAN.getBytes(StandardCharsets.UTF_8));

    assertThat(plan.title()).isEqualTo("某某县生态环境保护规划（2021—2025年）");
    assertThat(plan.issuer()).hasValue("某某县人民政府");
    assertThat(plan.documentNumber()).hasValue("某政发〔2022〕7号");
    assertThat(plan.date()).hasValue(LocalDate.of(2022, 3, 1));
    assertThat(plan.period()).hasValue(new PlanPeriod(2021, 2025));
    assertThat(plan.sections())
        .extracting(s -> s.number().orElse(""))
        .containsExactly("第一章", "第二章", "第三章", "第四章");
    assertThat(plan.sections().get(0).taskCount()).isZero();
    assertThat(plan.sections().get(1).taskCount()).isZero();

    List<Task> tasks = plan.tasks();
    assertThat(tasks).hasSize(5);
    Task kilns = tasks.get(0);
    // The run-in title is the title; the text does not repeat it.
    assertThat(kilns.text()).startsWith("2023年底前");
    assertThat(kilns.title()).hasValue("深化工业炉窑治理");
    assertThat(kilns.lead()).containsExactly("县生态环境分局");
    assertThat(kilns.support()).containsExactly("县工业和信息化局");
    assertThat(kilns.targets())
        .singleElement()
        .satisfies(t -> assertThat(t.deadline()).hasValue(LocalDate.of(2023, 12, 31)));

    Task trucks = tasks.get(1);
    assertThat(trucks.title()).hasValue("加强柴油货车管控");
    assertThat(trucks.text()).startsWith("每季度");
    assertThat(trucks.responsible()).containsExactly("县交通运输局", "县公安局");
    assertThat(trucks.targets()).anySatisfy(t -> assertThat(t.recurring()).hasValue("每季度"));
    assertThat(trucks.targets())
        .anySatisfy(
            t -> {
              assertThat(t.deadline()).hasValue(LocalDate.of(2025, 12, 31));
              assertThat(t.value()).hasValue(new BigDecimal("90"));
              assertThat(t.unit()).hasValue("%");
              assertThat(t.comparator()).hasValue("≥");
              assertThat(t.metric()).hasValue("国四及以下柴油货车淘汰率");
            });

    Task dust = tasks.get(2);
    assertThat(dust.lead()).containsExactly("县住房和城乡建设局");
    assertThat(dust.support()).containsExactly("县城市管理局");
    assertThat(dust.targets())
        .singleElement()
        .satisfies(t -> assertThat(t.deadline()).hasValue(LocalDate.of(2024, 6, 30)));

    Task straw = tasks.get(3);
    assertThat(straw.unassigned()).isTrue();
    assertThat(straw.targets())
        .singleElement()
        .satisfies(t -> assertThat(t.comparator()).hasValue("力争≈"));
    assertThat(plan.warnings()).anySatisfy(w -> assertThat(w.line()).isEqualTo(straw.line()));

    assertThat(tasks.get(4).responsible()).containsExactly("县生态环境保护委员会");
    assertThat(plan.warnings()).noneMatch(w -> w.message().contains("扫码"));
  }

  @Test
  void readsAOneCellPerLineIndicatorTable() throws Exception {
    Plan plan = new PlanImporter().importBytes("other.txt", PLAN.getBytes(StandardCharsets.UTF_8));
    List<IndicatorTarget> rows = plan.indicators();
    assertThat(plan.indicatorTableMissing()).isFalse();
    assertThat(rows)
        .extracting(IndicatorTarget::name)
        .containsExactly(
            "细颗粒物（PM2.5）浓度", "地表水达到或好于III类水体比例", "劣Ｖ类水体比例", "化学需氧量重点工程减排量", "化肥施用量", "森林覆盖率");
    assertThat(rows)
        .extracting(r -> r.unit().orElse(null))
        .containsExactly("µg/m3", "%", "%", "万吨", "万吨", "%");
    assertThat(rows)
        .extracting(IndicatorTarget::targetKind)
        .containsExactly(
            TargetKind.NUMERIC_LOWER_BETTER,
            TargetKind.NUMERIC_HIGHER_BETTER,
            TargetKind.QUALITATIVE,
            TargetKind.CUMULATIVE,
            TargetKind.RELATIVE,
            TargetKind.ASSIGNED);
    assertThat(rows.get(0).category()).hasValue("环境质量");
    assertThat(rows.get(3).category()).hasValue("污染减排");
    assertThat(rows.get(1).target().flatMap(v -> v.number())).hasValue(new BigDecimal("85.5"));
    assertThat(rows.get(1).target().flatMap(v -> v.year())).hasValue(2025);
    assertThat(rows.get(1).baseline().flatMap(v -> v.year())).hasValue(2020);
    // Table rows look like headings and items; none of them became a section or a task.
    assertThat(plan.tasks()).noneMatch(t -> t.text().contains("约束性"));
  }

  @Test
  void gb18030AndUtf8WithBomReadTheSameAsUtf8() throws Exception {
    Plan utf8 = new PlanImporter().importBytes("a.txt", PLAN.getBytes(StandardCharsets.UTF_8));
    Plan gbk = new PlanImporter().importBytes("b.txt", PLAN.getBytes(Charset.forName("GB18030")));
    byte[] body = PLAN.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[body.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bom, 3, body.length);
    Plan withBom = new PlanImporter().importBytes("c.txt", bom);
    assertThat(gbk).isEqualTo(utf8);
    assertThat(withBom).isEqualTo(utf8);
    assertThat(withBom.title()).startsWith("某某县");
  }

  static final String SECTION_BODY_PLAN =
      """
      某区生态环境保护“十四五”规划
      第一章  总体要求
      坚持生态优先，绿色发展。
      第二章  重点任务
      第一节  深化大气污染防治
      全面落实大气污染防治各项要求，持续改善空气质量。
      严格工业企业排放监管，推进超低排放改造。（主办单位：区生态环境分局；协办单位：区工业和信息化局）
      加强移动源污染防治，定期开展路检路查。（区交通运输局、区公安分局按各自职责负责）
      （三）加强组织领导（责任单位：区委组织部）
      第二节  强化水污染防治
      1.系统推进水环境治理。
      （1）实施截污纳管工程。（牵头单位：区住房和城乡建设局）
      （2）开展入河排污口排查。（牵头单位：区生态环境分局；配合单位：区水利局）
      【打印本页】【关闭窗口】
      """;

  @Test
  void readsBodyParagraphTasksSubItemsAndHeadingsWithMarkers() throws Exception {
    Plan plan =
        new PlanImporter()
            .importBytes("district.txt", SECTION_BODY_PLAN.getBytes(StandardCharsets.UTF_8));
    List<Task> tasks = plan.tasks();
    assertThat(tasks)
        .extracting(t -> t.text().substring(0, 6))
        .containsExactly("严格工业企业", "加强移动源污", "加强组织领导", "实施截污纳管", "开展入河排污");
    // The opening sentence of the section introduces the tasks below it: neither task nor warning.
    assertThat(plan.warnings()).noneMatch(w -> w.line() == 6);
    assertThat(tasks.get(0).lead()).containsExactly("区生态环境分局");
    assertThat(tasks.get(0).support()).containsExactly("区工业和信息化局");
    assertThat(tasks.get(1).responsible()).containsExactly("区交通运输局", "区公安分局");
    assertThat(tasks.get(2).responsible()).containsExactly("区委组织部");
    assertThat(tasks.get(3).lead()).containsExactly("区住房和城乡建设局");
    assertThat(tasks.get(4).support()).containsExactly("区水利局");
    assertThat(plan.warnings()).noneMatch(w -> w.message().contains("系统推进水环境治理"));
    assertThat(plan.tasks()).noneMatch(t -> t.text().contains("打印"));
  }

  static final String PARTS_PLAN =
      """
      某市生态环境保护规划（2021—2035年）
      第一部分  规划基础
      全市生态环境持续改善。
      第二部分  规划目标与指标
      规划指标表
      类别
      指标
      2020年
      2025年
      属性

      环境质量
      1.地表水达到或好于Ⅲ类水体比例（%）
      66.7%（2个省控断面、4个市控断面）
      80
      约束性

      2.城市黑臭水体比例（%）
      0
      0

      第三部分  主要任务
      （以下各项任务均需各镇（街道）落实，不再一一列出）
      1）强化饮用水水源保护。开展水源地规范化建设。（责任单位：市生态环境局、市水利局）
      2）推进城镇污水治理。完成管网改造。（市住房和城乡建设局牵头，市水务集团配合）
      """;

  @Test
  void readsPartsStyleRowsSeparatedByBlankLinesAndAStandaloneRule() throws Exception {
    Plan plan =
        new PlanImporter().importBytes("city.txt", PARTS_PLAN.getBytes(StandardCharsets.UTF_8));
    assertThat(plan.period()).hasValue(new PlanPeriod(2021, 2035));
    assertThat(plan.sections())
        .extracting(s -> s.number().orElse(""))
        .containsExactly("第一部分", "第二部分", "第三部分");
    List<IndicatorTarget> rows = plan.indicators();
    assertThat(rows)
        .extracting(IndicatorTarget::name)
        .containsExactly("地表水达到或好于Ⅲ类水体比例", "城市黑臭水体比例");
    assertThat(rows).allSatisfy(r -> assertThat(r.category()).hasValue("环境质量"));
    assertThat(rows.get(0).baseline().flatMap(v -> v.number())).hasValue(new BigDecimal("66.7"));
    assertThat(rows.get(1).attribute()).isEmpty();
    assertThat(plan.warnings()).anySatisfy(w -> assertThat(w.message()).contains("单元格"));
    assertThat(plan.standingRules())
        .singleElement()
        .satisfies(r -> assertThat(r.units()).containsExactly("各镇（街道）"));
    assertThat(plan.tasks()).hasSize(2);
    assertThat(plan.tasks().get(0).responsible()).containsExactly("市生态环境局", "市水利局");
    assertThat(plan.tasks().get(1).lead()).containsExactly("市住房和城乡建设局");
    assertThat(plan.tasks().get(1).support()).containsExactly("市水务集团");
  }

  @Test
  void aStandingRuleWrittenAsASentenceIsNotATask() throws Exception {
    String plan =
        """
        某县生态环境保护规划（2021—2025年）
        一、发展基础
        生态环境持续改善。
        二、主要任务
        以下各项任务均需各乡镇人民政府落实，不再一一列出。
        （一）加强大气治理。推进工业炉窑治理。（牵头单位：县生态环境分局）
        （二）加强水污染治理。推进污水管网建设。（责任单位：县住房和城乡建设局）
        """;
    Plan imported =
        new PlanImporter().importBytes("rule.txt", plan.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.tasks()).hasSize(2);
    assertThat(imported.standingRules())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.units()).containsExactly("各乡镇人民政府");
              assertThat(r.line()).isEqualTo(5);
            });
    assertThat(imported.warnings()).noneMatch(w -> w.line() == 5);
  }

  @Test
  void aBareUnitEndingAnUnmarkedParagraphGovernsTheTask() throws Exception {
    String plan =
        """
        某县生态环境保护规划（2021—2025年）
        一、发展基础
        生态环境持续改善。
        二、主要任务
        1.加强施工扬尘管控。全面推行绿色施工（县住房和城乡建设局、县城市管理局）
        2.严查渣土车。严肃查处渣土车不冲洗问题（县城市管理局）。加强道路保洁。
        牵头单位：县交通运输局
        """;
    List<Task> tasks =
        new PlanImporter().importBytes("bare.txt", plan.getBytes(StandardCharsets.UTF_8)).tasks();
    assertThat(tasks).hasSize(2);
    assertThat(tasks.get(0).responsible()).containsExactly("县住房和城乡建设局", "县城市管理局");
    assertThat(tasks.get(1).lead()).containsExactly("县交通运输局");
    assertThat(tasks.get(1).responsible()).isEmpty();
  }

  @Test
  void aMarkerOnItsOwnLineOpensTheNextParagraphInBeforeStylePlans() throws Exception {
    String plan =
        """
        某县生态环境保护规划（2021—2025年）
        一、发展基础
        生态环境持续改善。
        二、主要任务
        （一）交通污染防治
        （县交通运输局、县公安局按职责分工负责）推进老旧车辆淘汰，加快更新新能源车辆。
        （县发展和改革局牵头，县财政局配合）
        完善绿色交通政策，落实运输结构调整补贴资金。
        """;
    List<Task> tasks =
        new PlanImporter().importBytes("before.txt", plan.getBytes(StandardCharsets.UTF_8)).tasks();
    assertThat(tasks).hasSize(2);
    assertThat(tasks.get(0).responsible()).containsExactly("县交通运输局", "县公安局");
    assertThat(tasks.get(1).text()).startsWith("完善绿色交通政策");
    assertThat(tasks.get(1).lead()).containsExactly("县发展和改革局");
    assertThat(tasks.get(1).support()).containsExactly("县财政局");
  }
}

package org.qingshan.plan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qingshan.plan.TestWordBomb;
import org.qingshan.plan.common.DepartmentDirectory;

/** The command line contract: JSON fields, exit codes, clear errors, never a stack trace. */
class PlanImportCommandTest {

  private static final String PLAN =
      """
      青山县“十四五”生态环境保护规划
      一、发展基础
      全县生态环境质量持续改善。
      二、主要任务
      （一）大气污染防治
      1.推进工业炉窑治理。2025年底前，燃煤炉窑淘汰率达到100%。（牵头单位：青山县生态环境分局；配合单位：青山县工业和信息化局、青山县住建局按职责分工负责）
      2.加强秸秆禁烧。建立网格化监管机制。
      """;

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(DepartmentDirectory directory, String... args) {
    return PlanImportCommand.run(
        List.of(args),
        new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        directory);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsTheJsonContract() throws Exception {
    Path file = dir.resolve("plan.txt");
    Files.writeString(file, PLAN);
    DepartmentDirectory directory =
        name -> name.equals("青山县生态环境分局") ? Optional.of("dept-eco") : Optional.empty();

    assertThat(run(directory, file.toString(), "--json")).isZero();
    JsonNode plan = new ObjectMapper().readTree(stdout());

    assertThat(fields(plan))
        .containsExactly(
            "title",
            "issuer",
            "documentNumber",
            "date",
            "period",
            "indicators",
            "indicatorTableMissing",
            "sections",
            "standingRules",
            "keyProjects",
            "placeholders",
            "warnings");
    assertThat(plan.get("title").asText()).isEqualTo("青山县“十四五”生态环境保护规划");
    assertThat(plan.get("issuer").isNull()).isTrue();
    assertThat(plan.get("period").get("from").asInt()).isEqualTo(2021);
    JsonNode chapter = plan.get("sections").get(1);
    assertThat(fields(chapter)).containsExactly("number", "heading", "line", "sections", "tasks");
    JsonNode task = chapter.get("sections").get(0).get("tasks").get(0);
    assertThat(fields(task))
        .containsExactly(
            "title",
            "text",
            "line",
            "lead",
            "support",
            "responsible",
            "departments",
            "targets",
            "unitsInherited",
            "subtasks");
    assertThat(task.get("line").asInt()).isEqualTo(6);
    assertThat(task.get("lead").get(0).asText()).isEqualTo("青山县生态环境分局");
    JsonNode lead = task.get("departments").get(0);
    assertThat(lead.get("role").asText()).isEqualTo("lead");
    assertThat(lead.get("departmentId").asText()).isEqualTo("dept-eco");
    JsonNode helper = task.get("departments").get(1);
    assertThat(helper.get("role").asText()).isEqualTo("support");
    assertThat(helper.get("departmentId").isNull()).isTrue();
    JsonNode target = task.get("targets").get(0);
    assertThat(fields(target))
        .containsExactly("text", "metric", "value", "unit", "comparator", "deadline", "recurring");
    assertThat(target.get("deadline").asText()).isEqualTo("2025-12-31");
    assertThat(target.get("value").asInt()).isEqualTo(100);
    JsonNode warnings = plan.get("warnings");
    assertThat(warnings.toString()).contains("青山县住建局").contains("没有责任单位标注");
    assertThat(warnings.toString()).doesNotContain("需人工确认：青山县生态环境分局");
    assertThat(stderr()).isEmpty();
  }

  @Test
  void printsAReadableSummaryWithoutJson() throws Exception {
    Path file = dir.resolve("plan.txt");
    Files.writeString(file, PLAN);
    assertThat(run(DepartmentDirectory.none(), file.toString())).isZero();
    assertThat(stdout()).contains("任务 2 项").contains("二 主要任务").contains("第 7 行");
  }

  @Test
  void usageErrorsExitTwoWithTheUsage() {
    assertThat(run(DepartmentDirectory.none())).isEqualTo(2);
    assertThat(stderr()).contains("缺少要导入的文件").contains("用法");
    err.reset();
    assertThat(run(DepartmentDirectory.none(), "a.txt", "--xml")).isEqualTo(2);
    assertThat(stderr()).contains("未知选项");
  }

  /**
   * Each usage error is one line naming the problem, then the usage; exit 2 (DESIGN.md contract).
   */
  @Test
  void eachUsageErrorIsOneLineThenTheUsage() {
    Map<List<String>, String> cases = new LinkedHashMap<>();
    cases.put(List.of(), "错误：缺少要导入的文件");
    cases.put(List.of("--json"), "错误：缺少要导入的文件");
    cases.put(List.of("a.txt", "--xml"), "错误：未知选项：--xml");
    cases.put(List.of("-x", "a.txt"), "错误：未知选项：-x");
    cases.put(List.of("a.txt", "--jsonx"), "错误：未知选项：--jsonx");
    cases.put(List.of("a.txt", "--json=yes"), "错误：未知选项：--json=yes");
    cases.put(List.of("a.txt", "--json=true"), "错误：未知选项：--json=true");
    cases.put(List.of("--help=no"), "错误：未知选项：--help=no");
    cases.put(List.of("-"), "错误：未知选项：-");
    cases.put(List.of("--", "a.txt"), "错误：未知选项：--");
    cases.put(List.of("a.txt", "-"), "错误：未知选项：-");
    cases.put(List.of("a.txt", "b.txt", "-"), "错误：只能导入一个文件，多余的参数：b.txt");
    cases.put(List.of("a.txt", "b.txt"), "错误：只能导入一个文件，多余的参数：b.txt");
    cases.put(List.of("a\u0000.txt"), "错误：文件路径无效：a\u0000.txt");
    cases.forEach(
        (args, firstLine) -> {
          out.reset();
          err.reset();
          assertThat(run(DepartmentDirectory.none(), args.toArray(String[]::new)))
              .as("%s", args)
              .isEqualTo(2);
          assertThat(stderr())
              .as("%s", args)
              .isEqualTo(firstLine + "\n" + PlanImportCommand.USAGE + "\n");
          assertThat(stdout()).isEmpty();
        });
  }

  @Test
  void helpPrintsTheUsageAndExitsZero() {
    assertThat(run(DepartmentDirectory.none(), "--help")).isZero();
    assertThat(stdout()).isEqualTo(PlanImportCommand.USAGE + "\n");
    out.reset();
    assertThat(run(DepartmentDirectory.none(), "-h")).isZero();
    assertThat(stdout()).startsWith("用法: qingshan plan import FILE [--json]");
    assertThat(stderr()).isEmpty();
  }

  @Test
  void theFlagMayComeBeforeTheFileOrTwice() throws Exception {
    Path file = dir.resolve("plan.txt");
    Files.writeString(file, PLAN);
    assertThat(run(DepartmentDirectory.none(), "--json", file.toString(), "--json")).isZero();
    assertThat(stdout()).startsWith("{");
  }

  @Test
  void brokenFilesExitOneWithAClearReasonAndNoStackTrace() throws Exception {
    Path missing = dir.resolve("missing.docx");
    Path brokenDocx = dir.resolve("broken.docx");
    Files.write(brokenDocx, new byte[] {'P', 'K', 3, 4, 0, 1, 2, 3, 4, 5});
    Path brokenPdf = dir.resolve("broken.pdf");
    Files.writeString(brokenPdf, "%PDF-1.7\nnot really a pdf");
    Path empty = dir.resolve("empty.txt");
    Files.write(empty, new byte[0]);
    Path binary = dir.resolve("image.txt");
    Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
    Path noPlan = dir.resolve("note.txt");
    Files.writeString(noPlan, "\n\n");
    List<String> reasons = new ArrayList<>();
    for (Path file : List.of(missing, brokenDocx, brokenPdf, empty, binary, noPlan)) {
      err.reset();
      out.reset();
      assertThat(run(DepartmentDirectory.none(), file.toString(), "--json"))
          .as(file.toString())
          .isEqualTo(1);
      assertThat(stdout()).as("nothing half-imported for %s", file).isEmpty();
      assertThat(stderr()).startsWith("错误：").doesNotContain("\tat ").doesNotContain("Exception");
      reasons.add(stderr().strip());
    }
    assertThat(reasons.get(0)).contains("不存在");
    assertThat(reasons.get(1)).contains("Word");
    assertThat(reasons.get(2)).contains("PDF");
    assertThat(reasons.get(3)).contains("为空");
    assertThat(reasons.get(4)).contains("不是文本文件");
  }

  @Test
  void anExpandingWordFileExitsOneWithTheLimitNamed() throws Exception {
    Path bomb = dir.resolve("bomb.docx");
    Files.write(bomb, TestWordBomb.write(95L * 1024 * 1024));
    assertThat(run(DepartmentDirectory.none(), bomb.toString(), "--json")).isEqualTo(1);
    assertThat(stdout()).isEmpty();
    assertThat(stderr().strip())
        .startsWith("错误：Word 文档解压后过大")
        .contains("压缩炸弹")
        .doesNotContain("Exception");
  }

  @Test
  void writesUtf8WhateverThePlatformCharset() throws Exception {
    Path file = dir.resolve("plan.txt");
    Files.writeString(file, PLAN);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream ascii = new PrintStream(bytes, true, StandardCharsets.US_ASCII);
    int exit =
        PlanImportCommand.run(
            List.of(file.toString(), "--json"),
            new ByteArrayInputStream(new byte[0]),
            ascii,
            ascii);
    assertThat(exit).isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("青山县“十四五”生态环境保护规划");
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

package org.qingshan.hj212.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.SharedData;

class Hj212CheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int code, List<JsonNode> lines, String err) {}

  private static Run run(List<String> args, InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Hj212CheckCommand.run(
            args,
            in,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    List<JsonNode> lines = new ArrayList<>();
    for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!l.isEmpty()) {
        lines.add(JSON.readTree(l));
      }
    }
    return new Run(code, lines, err.toString(StandardCharsets.UTF_8));
  }

  private static Run run(String input) throws IOException {
    return run(List.of(), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void examplesGetTheirVerdicts() throws IOException {
    List<String> verdicts = new ArrayList<>();
    StringBuilder input = new StringBuilder();
    for (String line :
        Files.readAllLines(SharedData.require("hj212/examples.txt"), StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      int tab = line.indexOf('\t');
      verdicts.add(line.substring(0, tab));
      input.append(line.substring(tab + 1)).append("\r\n");
    }
    Run r = run(input.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.lines())
        .extracting(
            j ->
                j.get("verdict").asText()
                    + (j.get("reason").isNull() ? "" : ":" + j.get("reason").asText()))
        .containsExactlyElementsOf(verdicts);
  }

  @Test
  void jsonLineCarriesThePacketsFields() throws IOException {
    Run r =
        run(
            "##0139ST=32;CN=2011;PW=123456;MN=LD130133000015;CP=&&DataTime=20160824003817000;"
                + "B01-Rtd=36.91;011-Rtd=231.0,011-Flag=N;060-Rtd=1.803,060-Flag=N&&4980\n");
    assertThat(r.code()).isZero();
    JsonNode j = r.lines().get(0);
    assertThat(j.get("verdict").asText()).isEqualTo("valid");
    assertThat(j.get("reason").isNull()).isTrue();
    assertThat(j.get("cn").asText()).isEqualTo("2011");
    assertThat(j.get("st").asText()).isEqualTo("32");
    assertThat(j.get("mn").asText()).isEqualTo("LD130133000015");
    assertThat(j.get("qn").isNull()).isTrue();
    assertThat(j.get("dataTime").asText()).isEqualTo("2016-08-24T00:38:17");
    assertThat(j.get("values").asInt()).isEqualTo(3);
  }

  @Test
  void packetsWithNothingBetweenThem() throws IOException {
    String a =
        "##0073ST=32;CN=8013;PW=123456;MN=ZG130182201205;Flag=0;CP=&&HeartbeatTime=120&&0500";
    Run r = run(a + a + "\n" + a);
    assertThat(r.lines()).hasSize(3).allMatch(j -> j.get("verdict").asText().equals("valid"));
  }

  @Test
  void usageErrors() throws IOException {
    Run r = run(List.of("--bogus"), new ByteArrayInputStream(new byte[0]));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown argument").contains("usage:");
    assertThat(run(List.of("--max-length", "x"), new ByteArrayInputStream(new byte[0])).code())
        .isEqualTo(2);
    assertThat(run(List.of("--crc"), new ByteArrayInputStream(new byte[0])).code()).isEqualTo(2);
  }

  @Test
  void unreadableInputIsExitOneWithoutStackTrace() throws IOException {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk gone");
          }
        };
    Run r = run(List.of(), broken);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("disk gone").doesNotContain("at org.");
  }

  // ---- the corpus property, checked by an implementation independent of the codec
  // ----------------

  private static boolean lengthAndCrcCheckOut(String line) {
    return Hj212CheckCommandTestSupport.lengthAndCrcCheckOut(line);
  }

  private static String mnOf(String line) {
    Matcher m = Pattern.compile("[;,]MN=([^;,]*)").matcher(line);
    return m.find() ? m.group(1) : "";
  }

  @Test
  void onTheCorpusExactlyThePacketsWhoseLengthAndCrcCheckOutAreValid() throws IOException {
    Path dir = SharedData.require("hj212/corpus");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".h212")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      List<String> expectedValidMns = new ArrayList<>();
      int badLines = 0;
      for (String line : new String(bytes, StandardCharsets.ISO_8859_1).split("\r?\n")) {
        if (line.isEmpty()) {
          continue;
        }
        if (lengthAndCrcCheckOut(line)) {
          expectedValidMns.add(mnOf(line));
        } else {
          badLines++;
        }
      }
      Run r = run(List.of(), new ByteArrayInputStream(bytes));
      List<String> validMns =
          r.lines().stream()
              .filter(j -> j.get("verdict").asText().equals("valid"))
              .map(j -> j.get("mn").asText())
              .toList();
      long invalid =
          r.lines().stream().filter(j -> j.get("verdict").asText().equals("invalid")).count();
      assertThat(validMns).as(f.toString()).containsExactlyElementsOf(expectedValidMns);
      assertThat(invalid).as(f.toString()).isGreaterThanOrEqualTo(badLines);
      assertThat(r.code()).isEqualTo(badLines > 0 ? 1 : 0);
    }
  }
}

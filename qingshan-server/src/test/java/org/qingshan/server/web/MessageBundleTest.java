package org.qingshan.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.CrcDialect;
import org.qingshan.hj212.gateway.AuthResult;
import org.qingshan.hj212.packet.DataFlag;
import org.qingshan.hj212.packet.ProtocolVersion;
import org.qingshan.server.audit.AuditAction;
import org.qingshan.server.department.DepartmentKind;
import org.qingshan.server.monitoring.CommandKind;
import org.qingshan.server.monitoring.CommandStatus;
import org.qingshan.server.monitoring.ObservationKind;
import org.qingshan.server.registry.DeviceKind;
import org.qingshan.server.user.Role;
import org.qingshan.standards.aqi.AqiIndicator;

/** Every text the UI shows comes from the bundle: a key used anywhere and missing there fails. */
class MessageBundleTest {
  private static final Path MAIN = Path.of("src/main");
  private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.\\-]*)");
  private static final List<Pattern> JAVA_KEYS =
      List.of(
          Pattern.compile("UserFacingException\\(\\s*\"([^\"]+)\""),
          Pattern.compile("addFlashAttribute\\(\\s*\"notice\",\\s*\"([^\"]+)\""),
          Pattern.compile("new Item\\(\\s*\"([^\"]+)\""),
          Pattern.compile("message = \"\\{([^}]+)\\}\""),
          Pattern.compile("messages\\.get\\(\\s*\"([^\"]+)\""));
  private static final Pattern ALL_CALL = Pattern.compile("messages\\.all\\(([^;]*?)\\)\\s*[,;)]");
  // Keys chosen in an expression (a ternary, say) inside a call that shows a bundle text.
  private static final Pattern KEY_STATEMENT =
      Pattern.compile(
          "(?:messages\\.(?:get|label)\\(|addFlashAttribute\\(\\s*\"notice\",|UserFacingException\\()"
              + "([^;]*);");
  private static final Pattern KEY_LITERAL =
      Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
  private static final Pattern LITERAL = Pattern.compile("\"([^\"]+)\"");

  @Test
  void everyKeyUsedInTemplatesAndCodeIsInTheBundle() throws IOException {
    Properties bundle = bundle();
    Set<String> used = new TreeSet<>();
    for (Path file : files(MAIN.resolve("resources/templates"), ".html")) {
      collect(TEMPLATE_KEY, Files.readString(file), used);
    }
    for (Path file : files(MAIN.resolve("java"), ".java")) {
      String source = Files.readString(file);
      JAVA_KEYS.forEach(p -> collect(p, source, used));
      Matcher statement = KEY_STATEMENT.matcher(source);
      while (statement.find()) {
        collect(KEY_LITERAL, statement.group(1), used);
      }
      Matcher all = ALL_CALL.matcher(source);
      while (all.find()) {
        collect(LITERAL, all.group(1), used);
      }
    }
    for (Enum<?>[] values :
        List.<Enum<?>[]>of(
            Role.values(),
            DepartmentKind.values(),
            AuditAction.values(),
            DeviceKind.values(),
            AuthResult.values(),
            ProtocolVersion.values(),
            CrcDialect.values(),
            ObservationKind.values(),
            CommandKind.values(),
            CommandStatus.values(),
            DataFlag.values(),
            AqiIndicator.values())) {
      for (Enum<?> v : values) {
        used.add(v.getDeclaringClass().getSimpleName() + "." + v.name());
      }
    }
    Stream.of("400", "403", "404", "500").forEach(s -> used.add("error.status." + s));
    // Keys completed by preprocessing (#{raw.cn.__${c}__}) stand for the values the code offers.
    used.removeIf(k -> k.endsWith("__"));
    org.qingshan.server.monitoring.RawText.VIEWER_CNS.forEach(c -> used.add("raw.cn." + c));

    assertThat(used).as("keys found in the sources").hasSizeGreaterThan(100);
    List<String> missing = new ArrayList<>();
    used.stream().filter(k -> !bundle.containsKey(k)).forEach(missing::add);
    assertThat(missing).as("keys missing from messages.properties").isEmpty();
  }

  @Test
  void bundleTextsAreChinese() throws IOException {
    Properties bundle = bundle();
    assertThat(bundle.getProperty("nav.home")).isEqualTo("首页");
    long withHan =
        bundle.values().stream()
            .map(Object::toString)
            .filter(
                v ->
                    v.codePoints()
                        .anyMatch(
                            c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
            .count();
    assertThat(withHan).isGreaterThan(bundle.size() * 9L / 10);
  }

  private static Properties bundle() throws IOException {
    Properties p = new Properties();
    try (Reader r =
        Files.newBufferedReader(
            MAIN.resolve("resources/messages.properties"), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  private static void collect(Pattern pattern, String text, Set<String> into) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      into.add(m.group(1));
    }
  }

  private static List<Path> files(Path root, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(suffix)).toList();
    }
  }
}

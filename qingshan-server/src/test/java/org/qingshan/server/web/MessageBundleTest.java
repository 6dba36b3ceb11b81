package org.qingshan.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.gateway.SecurityEvent;
import org.qingshan.server.ingest.RawText;

/** Every text the UI shows comes from the bundle: a key used anywhere and missing there fails. */
class MessageBundleTest {
  private static final Path MAIN = Path.of("src/main");
  private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.\\-]*)");
  private static final List<Pattern> JAVA_KEYS =
      List.of(
          Pattern.compile("UserFacingException\\(\\s*\"([^\"]+)\""),
          Pattern.compile("addFlashAttribute\\(\\s*\"notice\",\\s*\"([^\"]+)\""),
          Pattern.compile("new MenuEntry\\(\\s*\"([^\"]+)\""),
          Pattern.compile("Tile\\.(?:of|linked)\\(\\s*\"([^\"]+)\""),
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
    labelledEnums(bundle).forEach(used::add);
    Stream.of("400", "403", "404", "500").forEach(s -> used.add("error.status." + s));
    // Keys completed by preprocessing (#{raw.cn.__${c}__}) stand for the values the code offers.
    used.removeIf(k -> k.endsWith("__"));
    RawText.VIEWER_CNS.forEach(c -> used.add("raw.cn." + c));
    // keys a template builds from an enum under another prefix (the device page's refusals, alerts)
    for (Enum<?> reason : enumConstants("org.qingshan.server.ingest.PacketScreen$Reason")) {
      used.add("ingest.refused." + reason.name());
    }
    for (SecurityEvent.Kind kind : SecurityEvent.Kind.values()) {
      used.add("gateway.alert.kind." + kind.name());
    }

    assertThat(used).as("keys found in the sources").hasSizeGreaterThan(100);
    List<String> missing = new ArrayList<>();
    used.stream().filter(k -> !bundle.containsKey(k)).forEach(missing::add);
    assertThat(missing).as("keys missing from the bundles").isEmpty();
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

  /** A key defined in two bundles would show one of them by chance. */
  @Test
  void noKeyIsDefinedInTwoBundles() throws IOException {
    Map<String, Path> seen = new HashMap<>();
    List<String> twice = new ArrayList<>();
    for (Path file : bundleFiles()) {
      for (String key : load(file).stringPropertyNames()) {
        Path first = seen.putIfAbsent(key, file);
        if (first != null) {
          twice.add(key + " in " + first.getFileName() + " and " + file.getFileName());
        }
      }
      // within one file the later line silently wins
      Set<String> inFile = new HashSet<>();
      for (String line : Files.readAllLines(file)) {
        int eq = line.indexOf('=');
        if (!line.isBlank() && !line.startsWith("#") && eq > 0) {
          String key = line.substring(0, eq).trim();
          if (!inFile.add(key)) {
            twice.add(key + " twice in " + file.getFileName());
          }
        }
      }
    }
    assertThat(twice).isEmpty();
  }

  /**
   * Every constant of an enum the bundles label (a key {@code Enum.CONSTANT} exists for one of its
   * constants): a constant added later without a label fails here, and no list of enums is kept.
   */
  private static Set<String> labelledEnums(Properties bundle) {
    Set<String> keys = new TreeSet<>();
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.qingshan");
    for (JavaClass c : classes) {
      if (!c.isEnum()) {
        continue;
      }
      List<String> constants =
          c.getEnumConstants().stream().map(k -> c.getSimpleName() + "." + k.name()).toList();
      if (constants.stream().anyMatch(bundle::containsKey)) {
        keys.addAll(constants);
      }
    }
    return keys;
  }

  private static Enum<?>[] enumConstants(String className) {
    try {
      return (Enum<?>[]) Class.forName(className).getEnumConstants();
    } catch (ClassNotFoundException e) {
      throw new AssertionError(className + " is gone: update this test", e);
    }
  }

  private static Properties bundle() throws IOException {
    Properties all = new Properties();
    for (Path file : bundleFiles()) {
      all.putAll(load(file));
    }
    return all;
  }

  private static List<Path> bundleFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(MAIN.resolve("resources/messages.properties"));
    files.add(MAIN.resolve("resources/factors.properties"));
    files.addAll(files(MAIN.resolve("resources/i18n"), ".properties"));
    return files;
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
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

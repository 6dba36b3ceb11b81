package org.qingshan.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The texts of the UI: the shared bundle ({@code messages}), the HJ 212 factor names ({@code
 * factors}) and one bundle per feature under {@code i18n/}, found on the class path. A new feature
 * brings its own {@code i18n/<feature>.properties}; no shared list names it.
 */
@Component("messageSource")
public class FeatureBundles extends ResourceBundleMessageSource {
  static final String FEATURE_BUNDLES = "classpath*:i18n/*.properties";
  private static final Pattern LOCALE_VARIANT = Pattern.compile("_[a-z]{2}(_[A-Z]{2})?$");

  private final List<String> basenames;

  FeatureBundles() {
    List<String> names = new ArrayList<>(List.of("messages", "factors"));
    names.addAll(featureBundles());
    this.basenames = List.copyOf(names);
    setBasenames(basenames.toArray(String[]::new));
    setDefaultEncoding("UTF-8");
    setFallbackToSystemLocale(false);
  }

  /** Every key of every bundle that starts with the prefix, sorted. */
  public Set<String> keysStartingWith(String prefix) {
    Set<String> keys = new TreeSet<>();
    for (String basename : basenames) {
      ResourceBundle bundle = getResourceBundle(basename, Locale.ROOT);
      if (bundle != null) {
        bundle.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(keys::add);
      }
    }
    return Collections.unmodifiableSet(keys);
  }

  private static List<String> featureBundles() {
    try {
      Resource[] found = new PathMatchingResourcePatternResolver().getResources(FEATURE_BUNDLES);
      return Arrays.stream(found)
          .map(Resource::getFilename)
          .filter(name -> name != null)
          .map(name -> name.substring(0, name.length() - ".properties".length()))
          // device_zh_CN and the like are locales of a bundle, not bundles; air_quality is one
          .filter(name -> !LOCALE_VARIANT.matcher(name).find())
          .map(name -> "i18n/" + name)
          .distinct()
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the feature bundles", e);
    }
  }
}

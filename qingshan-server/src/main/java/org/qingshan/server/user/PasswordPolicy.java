package org.qingshan.server.user;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.qingshan.server.web.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;

/**
 * What a password must be, by the bureau's rules (length, kinds of characters, configuration under
 * {@code qingshan.password}), never one of the commonly guessed ones, and how the system issues
 * one.
 */
@Component("passwordPolicy")
public class PasswordPolicy {
  /** bcrypt reads no more than 72 bytes; a longer password is refused, not silently cut. */
  public static final int MAX_BYTES = 72;

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int minLength;
  private final int classesRequired;
  private final Set<String> common;

  @Autowired
  PasswordPolicy(PasswordSettings settings) {
    this(settings.minLength(), settings.classesRequired(), load(settings.commonList()));
  }

  PasswordPolicy(int minLength, int classesRequired, Set<String> common) {
    if (classesRequired < 1 || classesRequired > 4) {
      throw new IllegalArgumentException(
          "qingshan.password.classes-required must be 1 to 4, not " + classesRequired);
    }
    this.minLength = minLength;
    this.classesRequired = classesRequired;
    this.common = Set.copyOf(common);
  }

  public int minLength() {
    return minLength;
  }

  public int classesRequired() {
    return classesRequired;
  }

  /** Throws a user-facing error unless {@code password} meets the rules for {@code username}. */
  public void check(String password, String username) {
    if (password == null || password.codePointCount(0, password.length()) < minLength) {
      throw new UserFacingException("password.error.too-short", minLength);
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new UserFacingException("password.error.too-long", MAX_BYTES);
    }
    if (classes(password) < classesRequired) {
      throw new UserFacingException("password.error.classes", classesRequired);
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    if (name.length() >= 3 && lower.contains(name)) {
      throw new UserFacingException("password.error.contains-username");
    }
    if (common.contains(lower)) {
      throw new UserFacingException("password.error.common");
    }
  }

  /** Of lower-case letters, capitals, digits and anything else (symbols, 汉字), how many kinds. */
  static int classes(String password) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (int i = 0; i < password.length(); i++) {
      char c = password.charAt(i);
      if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else {
        other = true;
      }
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }

  /** Sixteen random characters and one of each kind, so it meets any configured rule. */
  public static String generate() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.append("K7q-").toString();
  }

  private static Set<String> load(String location) {
    try (InputStream in = new DefaultResourceLoader().getResource(location).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::trim)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .map(l -> l.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException("qingshan.password.common-list: cannot read " + location, e);
    }
  }
}

package org.qingshan.server.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters of the code set 0-9 A-H J-N P-R T-U W-Y, the last a check
 * character over the first seventeen (weights 3^i mod 31, check = 31 - sum mod 31).
 */
public record CreditCode(String value) {
  private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  public CreditCode {
    if (!isValid(value)) {
      throw new IllegalArgumentException("not a valid credit code");
    }
  }

  /** The code typed by a user, upper-cased and trimmed, when it is well formed. */
  public static Optional<CreditCode> parse(String text) {
    String normal = text.trim().toUpperCase(Locale.ROOT);
    return isValid(normal) ? Optional.of(new CreditCode(normal)) : Optional.empty();
  }

  static boolean isValid(String code) {
    if (code.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = CHARSET.indexOf(code.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += v * WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return code.charAt(17) == CHARSET.charAt(check);
  }

  /** The check character that completes seventeen characters, for tests and demo data. */
  public static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
    }
    return CHARSET.charAt((31 - sum % 31) % 31);
  }

  @Override
  public String toString() {
    return value;
  }
}

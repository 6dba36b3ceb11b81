package org.qingshan.plan.document;

/**
 * Character folding for recognition, never for output. {@link #width} maps one character to one
 * character (so offsets found in the folded text are valid in the original); {@link #meaning} also
 * merges look-alike spellings (Ш/III → Ⅲ, V → Ⅴ, µ → μ, m3 → m³) for comparisons.
 */
public final class Fold {

  private Fold() {}

  public static String width(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = width(chars[i]);
    }
    return new String(chars);
  }

  /**
   * {@link #width(String)} as a view that folds each character when it is read: a pattern anchored
   * at the start of a long paragraph reads a few characters, not the paragraph.
   */
  public static CharSequence widthView(CharSequence text) {
    return new CharSequence() {
      @Override
      public int length() {
        return text.length();
      }

      @Override
      public char charAt(int index) {
        return width(text.charAt(index));
      }

      @Override
      public CharSequence subSequence(int start, int end) {
        return width(text.subSequence(start, end).toString());
      }

      @Override
      public String toString() {
        return width(text.toString());
      }
    };
  }

  public static char width(char c) {
    if (c >= '\uFF01' && c <= '\uFF5E') {
      return (char) (c - 0xFEE0);
    }
    return switch (c) {
      case '\u3000', '\u00A0', '\u2002', '\u2003', '\u2009' -> ' ';
      case '\u00B5' -> '\u03BC';
      case '\u0428', '\u0448' -> '\u2162';
      default -> c;
    };
  }

  public static String meaning(String text) {
    String folded = width(text).replace(" ", "").replace("\t", "");
    folded = folded.replace("_{", "").replace("}", "").replace("₂", "2").replace("₃", "3");
    folded = folded.replace("₁₀", "10").replace("ₓ", "x").replace("NO_x", "NOx");
    folded = folded.replace("III", "Ⅲ").replace("IV类", "Ⅳ类").replace("V类", "Ⅴ类");
    folded = folded.replace("m3", "m³").replace("ug/", "μg/").replace("五类", "Ⅴ类");
    return folded;
  }
}

package org.qingshan.plan.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

  @Test
  void stripsWordBookmarksButNotBracketedValues() {
    assertThat(TextCleaner.clean("[bookmark: _Toc12345]一、总体要求")).isEqualTo("一、总体要求");
    assertThat(TextCleaner.clean("[bookmark: _Hlk99]\u2002\u2002累计值[4.08]")).isEqualTo("累计值[4.08]");
  }

  @Test
  void foldsLookAlikesOnlyForRecognition() {
    assertThat(Fold.width("（一）牵头单位：")).isEqualTo("(一)牵头单位:");
    assertThat(Fold.meaning("地表水达到或好于III类")).isEqualTo(Fold.meaning("地表水达到或好于Ⅲ类"));
    assertThat(Fold.meaning("µg/m3")).isEqualTo(Fold.meaning("μg/m ³"));
    assertThat(Fold.meaning("劣V类")).isEqualTo(Fold.meaning("劣Ⅴ类"));
  }
}

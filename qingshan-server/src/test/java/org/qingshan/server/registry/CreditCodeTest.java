package org.qingshan.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodeTest {
  @Test
  void acceptsPublishedCodesAndRefusesAChangedCheckCharacter() {
    // The example of GB 32100 and codes of listed companies, one typed in lower case.
    assertThat(CreditCode.parse("91350100M000100Y43")).isPresent();
    assertThat(CreditCode.parse("91440300708461136T")).isPresent();
    assertThat(CreditCode.parse(" 91110000100003495y")).isPresent();
    assertThat(CreditCode.parse("91350100M000100Y44")).isEmpty();
  }

  @Test
  void refusesWrongLengthAndLettersOutsideTheCodeSet() {
    assertThat(CreditCode.parse("91350100M000100Y4")).isEmpty();
    assertThat(CreditCode.parse("I1350100M000100Y43")).isEmpty();
    assertThat(CreditCode.parse("91350100M000100Y433")).isEmpty();
  }

  @Test
  void completesSeventeenCharactersWithTheirCheckCharacter() {
    String first = "91371082MA3C4N5P7";
    String code = first + CreditCode.checkCharacter(first);
    assertThat(CreditCode.parse(code)).isPresent();
  }
}

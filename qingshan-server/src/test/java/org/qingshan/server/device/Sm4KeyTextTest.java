package org.qingshan.server.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qingshan.server.web.UserFacingException;

class Sm4KeyTextTest {
  @Test
  void thirtyTwoHexDigitsAreSixteenBytes() {
    assertThat(Sm4KeyText.parse(" 0123456789abcdef FEDCBA9876543210 ")).hasSize(16);
  }

  @Test
  void otherInputIsRefusedWithAReasonThatDoesNotRepeatIt() {
    for (String bad :
        new String[] {"", "0123", "0123456789abcdeffedcba987654321g", "0".repeat(34)}) {
      assertThatThrownBy(() -> Sm4KeyText.parse(bad))
          .isInstanceOfSatisfying(
              UserFacingException.class,
              e -> {
                assertThat(e.messageKey()).isEqualTo("device.sm4.invalid");
                assertThat(e.arguments()).isEmpty();
              });
    }
  }

  @Test
  void theStandardsTestKeyAndOtherPatternsAreRefused() {
    for (String weak : new String[] {"30".repeat(16), "0102".repeat(8), "deadbeef".repeat(4)}) {
      assertThatThrownBy(() -> Sm4KeyText.parse(weak))
          .isInstanceOfSatisfying(
              UserFacingException.class,
              e -> assertThat(e.messageKey()).isEqualTo("device.sm4.weak"));
    }
  }
}

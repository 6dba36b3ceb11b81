package org.qingshan.server.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qingshan.hj212.codec.Sm4Key;
import org.qingshan.hj212.command.Commands;
import org.qingshan.hj212.command.QnGenerator;
import org.qingshan.hj212.packet.ProtocolVersion;
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

  @Test
  void aNewKeyIsTakenAsSixteenCharactersOrTheirHexAndOnlyIfCn1014CanCarryIt() {
    assertThat(Sm4KeyText.parseSendable("k9#Vt2!pQx7@Lm4Z"))
        .isEqualTo("k9#Vt2!pQx7@Lm4Z".getBytes(StandardCharsets.US_ASCII));
    assertThat(Sm4KeyText.parseSendable("6B39235674322170517837404C6D345A"))
        .isEqualTo("k9#Vt2!pQx7@Lm4Z".getBytes(StandardCharsets.US_ASCII));
    // random bytes (0xC0 …) or a separator cannot go out as NewSK
    for (String unsendable :
        new String[] {"C0FFEE15600DD00DAB1E5EED7A1E4B0B", "6B39235674322170517837404C6D343B"}) {
      assertThatThrownBy(() -> Sm4KeyText.parseSendable(unsendable))
          .isInstanceOfSatisfying(
              UserFacingException.class,
              e -> assertThat(e.messageKey()).isEqualTo("device.sm4.not-sendable"));
    }
    for (String weak : new String[] {"0000000000000000", "abababababababab", "30".repeat(16)}) {
      assertThatThrownBy(() -> Sm4KeyText.parseSendable(weak))
          .isInstanceOfSatisfying(
              UserFacingException.class,
              e -> assertThat(e.messageKey()).isEqualTo("device.sm4.weak"));
    }
    assertThatThrownBy(() -> Sm4KeyText.parseSendable("k9#Vt2 pQx7@Lm4Z"))
        .isInstanceOfSatisfying(
            UserFacingException.class,
            e -> assertThat(e.messageKey()).isEqualTo("device.sm4.invalid"));
  }

  @Test
  void thePlatformsNewKeysCanBeSentAndAreNeitherPatternedNorRepeated() {
    NewSm4Keys keys = new NewSm4Keys();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      byte[] k = keys.next();
      assertThat(Commands.sendableAsNewSk(k)).isTrue();
      assertThat(Sm4KeyText.patterned(k)).isFalse();
      assertThat(seen.add(new String(k, StandardCharsets.US_ASCII))).isTrue();
      Commands.to(
              new Commands.Device("MN", "PW", "31", ProtocolVersion.HJ_212_2025),
              QnGenerator.systemDefault())
          .changeSm4Key(Sm4Key.of(k), LocalDateTime.of(2026, 3, 1, 8, 0));
    }
    // every character of the alphabet is used: the keys are not drawn from a narrower set
    Set<Integer> chars = new HashSet<>();
    seen.forEach(k -> k.chars().forEach(chars::add));
    assertThat(chars).hasSize(90);
  }
}

package org.qingshan.server.user;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.qingshan.server.web.UserFacingException;

class PasswordPolicyTest {
  @Test
  void theCommonListShippedRefusesWhatGuessersTryFirst() {
    PasswordPolicy p =
        new PasswordPolicy(new PasswordSettings(8, 2, "classpath:common-passwords.txt"));
    for (String weak :
        new String[] {
          "password1", "woaini1314", "qwerty123", "123456789", "admin123", "P@ssw0rd"
        }) {
      assertThatThrownBy(() -> p.check(weak, "someone"))
          .as(weak)
          .isInstanceOf(UserFacingException.class);
    }
    assertThatCode(() -> p.check("Lanshui-2026", "someone")).doesNotThrowAnyException();
  }

  @Test
  void theBureausRulesAreConfiguration() {
    PasswordPolicy strict =
        new PasswordPolicy(new PasswordSettings(12, 3, "classpath:common-passwords.txt"));
    assertThatThrownBy(() -> strict.check("lanshui-26", "x"))
        .hasMessage("password.error.too-short");
    assertThatThrownBy(() -> strict.check("lanshui-hills", "x"))
        .hasMessage("password.error.classes");
    assertThatCode(() -> strict.check("Lanshui-hills", "x")).doesNotThrowAnyException();
    // Chinese characters count as the fourth kind.
    assertThatCode(() -> strict.check("青山绿水lanshui26", "x")).doesNotThrowAnyException();
  }

  @Test
  void anIssuedPasswordMeetsTheStrictestRules() {
    PasswordPolicy strictest =
        new PasswordPolicy(new PasswordSettings(20, 4, "classpath:common-passwords.txt"));
    assertThatCode(() -> strictest.check(PasswordPolicy.generate(), "admin"))
        .doesNotThrowAnyException();
  }
}

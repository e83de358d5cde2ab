package id.go.kapuaskab.lupapassphrase.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTest {

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"admin", "demo", "Camunda", "password", "Admin-2026", "adminadminadmin",
      "alllowercaseletters", "Correct horse Battery staple", "NOSYMBOLS2026abc"})
  void refusesMissingDefaultShortOrPlainPasswords(String password) {
    assertThat(PasswordRules.weaknesses(AdminAccount.describe("admin"), password)).isNotEmpty();
  }

  @Test
  void refusesPasswordsThatContainTheUsersData() {
    assertThat(PasswordRules.weaknesses(AdminAccount.describe("persandian"), "Persandian-Kapuas-1"))
        .contains("it contains the user name, or the user's first name, last name or e-mail");
    assertThat(PasswordRules.weaknesses(AdminAccount.describe("admin"), "Administrator-2026!")).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Kapuas-Sandi-2026", "x7#Lq9!vR2@m", "Correct horse Battery staple 9"})
  void acceptsLongMixedPasswords(String password) {
    assertThat(PasswordRules.weaknesses(AdminAccount.describe("admin"), password)).isEmpty();
  }
}

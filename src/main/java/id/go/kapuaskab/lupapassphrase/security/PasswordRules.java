package id.go.kapuaskab.lupapassphrase.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Why a password is not good enough for the production administrator; empty when it is. */
public final class PasswordRules {

  public static final int MIN_LENGTH = 12;
  private static final Set<String> DEFAULTS = Set.of("admin", "administrator", "demo", "camunda", "password",
      "changeit", "changeme", "secret", "123456789012", "qwertyuiop12", "passw0rd", "persandian", "kapuas");

  private PasswordRules() {
  }

  public static List<String> weaknesses(String username, String password) {
    List<String> weaknesses = new ArrayList<>();
    if (password == null || password.isBlank()) {
      weaknesses.add("no password is set");
      return weaknesses;
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (DEFAULTS.contains(lower) || lower.equals(username == null ? "" : username.toLowerCase(Locale.ROOT))) {
      weaknesses.add("it is a default or well-known password, or the user name");
    }
    if (password.length() < MIN_LENGTH) {
      weaknesses.add("it is shorter than " + MIN_LENGTH + " characters");
    }
    int kinds = (int) ((password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
        + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
        + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
        + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0));
    if (kinds < 3) {
      weaknesses.add("it mixes fewer than three of: lower case, upper case, digits, symbols");
    }
    return weaknesses;
  }
}

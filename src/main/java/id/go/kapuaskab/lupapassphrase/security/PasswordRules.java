package id.go.kapuaskab.lupapassphrase.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyLengthRuleImpl;

/**
 * Why a password is not good enough for the production administrator; empty when it is. On top of
 * the engine's own password policy (which production enforces for every user): no well-known
 * password, and a longer minimum, checked before the engine starts so the refusal says why.
 */
final class PasswordRules {

  public static final int MIN_LENGTH = 12;
  private static final Set<String> DEFAULTS = Set.of("admin", "administrator", "demo", "camunda", "password",
      "changeit", "changeme", "secret", "passw0rd", "persandian", "kapuas");
  private static final Map<String, String> ENGINE_RULES = Map.of(
      "PASSWORD_POLICY_USER_DATA", "it contains the user name, or the user's first name, last name or e-mail",
      "PASSWORD_POLICY_LOWERCASE", "it has no lower-case letter",
      "PASSWORD_POLICY_UPPERCASE", "it has no upper-case letter",
      "PASSWORD_POLICY_DIGIT", "it has no digit",
      "PASSWORD_POLICY_SPECIAL", "it has no symbol");

  private PasswordRules() {
  }

  public static List<String> weaknesses(User user, String password) {
    List<String> weaknesses = new ArrayList<>();
    if (password == null || password.isBlank()) {
      weaknesses.add("no password is set");
      return weaknesses;
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (DEFAULTS.contains(lower) || lower.equals(user.getId().toLowerCase(Locale.ROOT))) {
      weaknesses.add("it is a default or well-known password, or the user name");
    }
    if (password.length() < MIN_LENGTH) {
      weaknesses.add("it is shorter than " + MIN_LENGTH + " characters");
    }
    for (PasswordPolicyRule rule : new DefaultPasswordPolicyImpl().getRules()) {
      if (!(rule instanceof PasswordPolicyLengthRuleImpl) && !rule.execute(password, user)) {
        weaknesses.add(ENGINE_RULES.getOrDefault(rule.getPlaceholder(), "it breaks " + rule.getPlaceholder()));
      }
    }
    return weaknesses;
  }
}

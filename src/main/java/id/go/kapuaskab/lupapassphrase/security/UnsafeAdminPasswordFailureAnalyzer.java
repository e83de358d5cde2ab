package id.go.kapuaskab.lupapassphrase.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says plainly at start-up why production refused to start and what to set. */
public class UnsafeAdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeAdminPasswordException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, UnsafeAdminPasswordException cause) {
    return new FailureAnalysis(
        "The administrator password is not safe: " + String.join("; ", cause.weaknesses()) + ".",
        "Set LUPAPASSPHRASE_ADMIN_PASSWORD (and optionally LUPAPASSPHRASE_ADMIN_USERNAME) to a password of at least "
            + PasswordRules.MIN_LENGTH + " characters mixing three of: lower case, upper case, digits, symbols. "
            + "For a local demo, run with the 'local' profile instead (./mvnw spring-boot:run).",
        cause);
  }
}

package id.go.kapuaskab.lupapassphrase.security;

import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * The identity service as callers reach it: a logged-in user checks only their own password (changing
 * it asks for the current one). Checking anyone else's, as REST's {@code /identity/verify} would, is a
 * way to guess passwords past the login's limits, so it is the administrator's. Logins themselves run
 * with nobody logged in and are not touched.
 */
class GuardedIdentityService extends IdentityServiceImpl {

  @Override
  public boolean checkPassword(String userId, String password) {
    Caller.subjectToRules(this).ifPresent(caller -> {
      if (!caller.userId().equals(userId)) {
        throw new RefusedCallException(RefusedCallException.FORBIDDEN,
            "Hanya kata sandi Anda sendiri yang dapat diperiksa.");
      }
    });
    return super.checkPassword(userId, password);
  }
}

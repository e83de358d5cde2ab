package id.go.kapuaskab.lupapassphrase.security;

import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who is calling the engine, for the rules of what a caller may send. Only a call by a logged-in user
 * who is not an administrator is checked: the REST API and the webapps always log their user in, an
 * administrator may repair anything, and a call with nobody logged in is the server's own code (the
 * engine checks no authorization then either). A call made from inside a running command (a listener
 * reading a task) is the server's too: only the outermost call is the caller's.
 */
record Caller(String userId) {

  static Optional<Caller> subjectToRules(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null || Context.getCommandContext() != null
        || (authentication.getGroupIds() != null && authentication.getGroupIds().contains(Roles.ADMIN_GROUP))) {
      return Optional.empty();
    }
    return Optional.of(new Caller(authentication.getUserId()));
  }

  /**
   * Who completes the user task that is ending, for the rules built into user tasks (which run inside
   * the completion, so {@link #subjectToRules} cannot tell): empty when the process itself ends the task, the
   * server's own code completes it, or an administrator does.
   */
  static Optional<Caller> completing(IdentityService identity, DelegateExecution execution) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (execution.isCanceled() || authentication == null || authentication.getUserId() == null
        || isAdministrator(identity)) {
      return Optional.empty();
    }
    return Optional.of(new Caller(authentication.getUserId()));
  }

  static boolean isAdministrator(IdentityService identity) {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication != null && authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(Roles.ADMIN_GROUP);
  }
}

package id.go.kapuaskab.lupapassphrase.support;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;

/** Acting as a user in the Java API the way the REST API does: with the user's groups. */
public final class Users {

  private Users() {
  }

  /** Does the action as the user, and is nobody again afterwards. */
  public static <T> T as(ProcessEngine engine, String userId, Supplier<T> action) {
    authenticate(engine, userId);
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  public static void as(ProcessEngine engine, String userId, Runnable action) {
    as(engine, userId, () -> {
      action.run();
      return null;
    });
  }

  public static void authenticate(ProcessEngine engine, String userId) {
    // the groups are read with nobody authenticated: another user may not read this user's memberships
    engine.getIdentityService().clearAuthentication();
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(userId, groups);
  }
}

package id.go.kapuaskab.lupapassphrase.security;

import static id.go.kapuaskab.lupapassphrase.process.Groups.VERIFIERS;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's default authorizations, with one change: a verifier task gets no authorization of its
 * own for the verifier group, which holds READ_TASK and TASK_WORK on the whole process instead (Roles).
 * With one row per task, the engine's task query joins every task with every such row, and on
 * PostgreSQL a verifier's queue of 10,000 requests took seconds a page. (The applicant's grant on her
 * own request is {@link OwnRequestGrant}.)
 */
public class VerifierTaskAuthorizations extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    return VERIFIERS.equals(groupId) ? null : super.newTaskGroupIdentityLink(task, groupId, type);
  }
}

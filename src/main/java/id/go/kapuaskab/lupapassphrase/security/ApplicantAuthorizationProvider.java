package id.go.kapuaskab.lupapassphrase.security;

import static id.go.kapuaskab.lupapassphrase.process.Groups.VERIFIERS;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's default authorizations, with two changes: whoever opens a request may read that
 * request (its variables), and no other (applicants have no READ on process instances otherwise);
 * and a verifier task gets no authorization of its own for the verifier group, which holds READ_TASK
 * and TASK_WORK on the whole process instead (Roles). With one row per task, the engine's task query
 * joins every task with every such row, and on PostgreSQL a verifier's queue of 10,000 requests took
 * seconds a page.
 */
public class ApplicantAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
    return VERIFIERS.equals(groupId) ? null : super.newTaskGroupIdentityLink(task, groupId, type);
  }

  @Override
  public AuthorizationEntity[] newProcessInstance(ProcessInstance processInstance) {
    Authentication user = Context.getProcessEngineConfiguration().getIdentityService().getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      return null;
    }
    return new AuthorizationEntity[] {
        createGrantAuthorization(user.getUserId(), null, PROCESS_INSTANCE, processInstance.getId(), READ)};
  }
}

package id.go.kapuaskab.lupapassphrase.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Whoever opens a request may read that request (its variables), and no other: applicants hold no READ
 * on process instances otherwise. The grant is made as the request starts, on the request itself, and the
 * engine deletes it with the request when it ends. (Not in the authorization provider's newProcessInstance:
 * the engine asks it for every execution it makes, a task's scope included, before it knows which is the
 * request, and deletes only the request's grants; three grants a request stayed behind for good.)
 */
final class OwnRequestGrant extends AbstractBpmnParseListener implements ExecutionListener {

  private final IdentityService identity;

  OwnRequestGrant(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, this);
  }

  @Override
  public void notify(DelegateExecution execution) {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getUserId() == null || !execution.getId().equals(execution.getProcessInstanceId())) {
      return;
    }
    AuthorizationEntity grant = new AuthorizationEntity(AUTH_TYPE_GRANT);
    grant.setUserId(user.getUserId());
    grant.setResource(PROCESS_INSTANCE);
    grant.setResourceId(execution.getProcessInstanceId());
    grant.addPermission(READ);
    // the server's grant, as the engine's own default grants are made: the applicant may create none herself
    CommandContext command = Context.getCommandContext();
    command.runWithoutAuthorization(() -> {
      command.getAuthorizationManager().insert(grant);
      return null;
    });
  }
}

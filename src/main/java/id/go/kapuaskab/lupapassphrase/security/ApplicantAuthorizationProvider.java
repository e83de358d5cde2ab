package id.go.kapuaskab.lupapassphrase.security;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The engine's default authorizations, plus one: whoever opens a request may read that request
 * (its variables), and no other. Applicants have no READ on process instances otherwise.
 */
public class ApplicantAuthorizationProvider extends DefaultAuthorizationProvider {

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

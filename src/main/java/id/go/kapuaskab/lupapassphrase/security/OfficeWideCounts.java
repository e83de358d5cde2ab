package id.go.kapuaskab.lupapassphrase.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Office-wide counts are for whoever may read every request they count. The engine's process-definition
 * statistics count the running instances, failed jobs and incidents of each definition the caller may
 * READ, checking nothing on the instances themselves (its activity and deployment statistics do), and
 * Cockpit's own statistics query does the same: an applicant, who reads the definition to open a
 * request, would learn how many requests the office has. Such a count is refused with 403 unless the
 * caller holds READ_INSTANCE on every definition they may read, or READ on every process instance;
 * an administrator and the server's own code are not checked ({@link Caller}).
 */
public class OfficeWideCounts extends AbstractProcessEnginePlugin {

  private static final String REFUSED = "Statistik seluruh permohonan hanya untuk pengguna yang boleh membaca setiap "
      + "permohonan yang dihitungnya.";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new StatisticsGuard(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** Refuses, with 403, office-wide counts to the engine's current caller if they may not read every request. */
  public static void check(ProcessEngine engine) {
    check(engine.getIdentityService(), engine.getRepositoryService(), engine.getAuthorizationService());
  }

  private static void check(IdentityService identity, RepositoryService repository, AuthorizationService authorizations) {
    if (Caller.subjectToRules(identity).isEmpty()) {
      return;
    }
    Authentication caller = identity.getCurrentAuthentication();
    boolean readsEveryInstance = authorizations.isUserAuthorized(caller.getUserId(), caller.getGroupIds(), READ,
        PROCESS_INSTANCE, ANY)
        || repository.createProcessDefinitionQuery().unlimitedList().stream().map(ProcessDefinition::getKey).distinct()
            .allMatch(key -> authorizations.isUserAuthorized(caller.getUserId(), caller.getGroupIds(), READ_INSTANCE,
                PROCESS_DEFINITION, key));
    if (!readsEveryInstance) {
      throw new RefusedCallException(RefusedCallException.FORBIDDEN, REFUSED);
    }
  }

  /** The engine's process-definition statistics, wherever they are asked for: REST (both doors) or Java. */
  private static final class StatisticsGuard extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    StatisticsGuard(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof ProcessDefinitionStatisticsQueryImpl) {
        check(configuration.getIdentityService(), configuration.getRepositoryService(),
            configuration.getAuthorizationService());
      }
      return next.execute(command);
    }
  }
}

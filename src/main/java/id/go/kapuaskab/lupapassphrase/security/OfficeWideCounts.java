package id.go.kapuaskab.lupapassphrase.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionStatisticsEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Office-wide counts are for whoever may read every request they count. The engine's process-definition
 * statistics count the running instances, failed jobs and incidents of each definition the caller may
 * READ, checking nothing on the instances themselves (its activity and deployment statistics do), and
 * Cockpit's own statistics query does the same: an applicant, who reads the definition to open a
 * request, would learn how many requests the office has. So the counts answer:
 * <ul>
 *   <li>in full, to a caller with READ_INSTANCE on every definition they may read, or READ on every
 *       process instance; an administrator and the server's own code are not checked ({@link Caller});</li>
 *   <li>with zeros, to a caller who may read no request at all and starts none (the process owner, who
 *       opens Cockpit for its deployments): the counts of the requests they may read, which are none.
 *       Zero is that count, not a guess, and Cockpit's pages open for them without an error;</li>
 *   <li>with 403 to anyone else (an applicant, who reads the requests they open): their share is not
 *       what these statistics count, and a total would tell them the office's.</li>
 * </ul>
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

  /** What the office's counts show a caller. */
  public enum Shown {
    /** the counts as they are: the caller may read every request counted */
    EVERY_REQUEST,
    /** zeros: the caller may read no request, and of those none is running, failing or stuck */
    NO_REQUEST
  }

  /** What the office's counts show the engine's current caller; 403 for one who reads some requests only. */
  public static Shown shownTo(ProcessEngine engine) {
    return shownTo((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
  }

  private static Shown shownTo(ProcessEngineConfigurationImpl configuration) {
    IdentityService identity = configuration.getIdentityService();
    if (Caller.subjectToRules(identity).isEmpty()) {
      return Shown.EVERY_REQUEST;
    }
    Authentication caller = identity.getCurrentAuthentication();
    List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    AuthorizationService authorizations = configuration.getAuthorizationService();
    Set<String> keys = configuration.getRepositoryService().createProcessDefinitionQuery().unlimitedList().stream()
        .map(ProcessDefinition::getKey).collect(Collectors.toSet());
    if (authorizations.isUserAuthorized(caller.getUserId(), caller.getGroupIds(), READ, PROCESS_INSTANCE, ANY)
        || keys.stream().allMatch(key -> isAuthorized(authorizations, caller, READ_INSTANCE, key))) {
      return Shown.EVERY_REQUEST;
    }
    boolean readsOrStartsSome = keys.stream().anyMatch(key -> isAuthorized(authorizations, caller, READ_INSTANCE, key)
        || isAuthorized(authorizations, caller, CREATE_INSTANCE, key)) || holdsReadOnARequest(configuration, caller, groups);
    if (readsOrStartsSome) {
      throw new RefusedCallException(RefusedCallException.FORBIDDEN, REFUSED);
    }
    return Shown.NO_REQUEST;
  }

  private static boolean isAuthorized(AuthorizationService authorizations, Authentication caller,
      Permission permission, String key) {
    return authorizations.isUserAuthorized(caller.getUserId(), caller.getGroupIds(), permission, PROCESS_DEFINITION, key);
  }

  /**
   * Whether a grant lets the caller read one request or more (as the one who opened it does). The grants are
   * read as the server, since the caller's own authorizations would hide them from the caller. A revoked grant
   * still counts: refusing is the safe side.
   */
  private static boolean holdsReadOnARequest(ProcessEngineConfigurationImpl configuration, Authentication caller,
      List<String> groups) {
    IdentityService identity = configuration.getIdentityService();
    AuthorizationService authorizations = configuration.getAuthorizationService();
    identity.clearAuthentication();
    try {
      return authorizations.createAuthorizationQuery().resourceType(PROCESS_INSTANCE).userIdIn(caller.getUserId(), ANY)
          .hasPermission(READ).count() > 0
          || !groups.isEmpty() && authorizations.createAuthorizationQuery().resourceType(PROCESS_INSTANCE)
              .groupIdIn(groups.toArray(String[]::new)).hasPermission(READ).count() > 0;
    } finally {
      identity.setAuthentication(caller);
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
      if (!(command instanceof ProcessDefinitionStatisticsQueryImpl) || shownTo(configuration) == Shown.EVERY_REQUEST) {
        return next.execute(command);
      }
      T result = next.execute(command);
      if (result instanceof List<?> statistics) {
        statistics.forEach(StatisticsGuard::zero);
      } else {
        zero(result);
      }
      return result;
    }

    private static void zero(Object statistics) {
      if (statistics instanceof ProcessDefinitionStatisticsEntity definition) {
        definition.setInstances(0);
        definition.setFailedJobs(0);
        definition.setIncidentStatistics(new ArrayList<>());
      }
    }
  }
}

package id.go.kapuaskab.lupapassphrase.security;

import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.AbstractNativeQuery;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Only the process moves the process: a logged-in user who is not an administrator may read what the
 * engine's authorizations let them read, and change only what the SOP has people do — open a request,
 * claim and complete a task, change their own account. Every other command (modifying or deleting an
 * instance, starting it elsewhere than at its start event, signals, messages, job retries and due
 * dates, variable changes, comments, attachments, task properties, metrics and schema log) is refused
 * with 403 before it runs (RefusedCallException), whatever the engine's grants would allow. The arguments of the allowed
 * changes are checked by the guarded services (GuardedTaskService, GuardedFormService,
 * GuardedRuntimeService).
 */
class CallerCommands extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(CallerCommands.class);

  /** The changes the SOP has its people make. */
  static final Set<String> ALLOWED_CHANGES = Set.of(
      "StartProcessInstanceCmd", "SubmitStartFormCmd", // open a request, at its start event only
      "CompleteTaskCmd", "SubmitTaskFormCmd", "ClaimTaskCmd",
      "AssignTaskCmd", // Tasklist's "unclaim": GuardedTaskService lets only the assignee give the task back
      "SaveUserCmd"); // one's own profile and password (the engine grants a user only their own)

  /** Reads that serve only an administrator: the engine's internals and usage figures. */
  static final Set<String> ADMINISTRATOR_READS = Set.of(
      "MetricsQueryImpl", "SchemaLogQueryImpl", "GetTelemetryDataCmd", "IsTelemetryEnabledCmd",
      "GetUniqueTaskWorkerCountCmd", "GetTableCountCmd", "GetTableMetaDataCmd", "GetTableNameCmd",
      "TablePageQueryImpl", "GetPropertiesCmd", "GetLicenseKeyCmd", "GetProcessApplicationForDeploymentCmd");

  /** A job run on request (REST's "execute job"), and the listeners that record its outcome on the job. */
  private static final Set<String> JOB_RUNS = Set.of("ExecuteJobsCmd", "FailedJobListener", "SuccessfulJobListener");

  /** Names of the engine's commands that only read. */
  private static final Set<String> READ_PREFIXES = Set.of("Get", "Is", "Find", "Check", "Determine",
      "ExecuteFilter", "AuthorizationCheck");

  private final IdentityService identity;

  CallerCommands(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Caller.checked(identity).ifPresent(caller -> {
      if (!allowed(command)) {
        LOG.info("Refused {} for user {}: only an administrator may do that", command.getClass().getSimpleName(),
            caller.userId());
        throw refusal(command);
      }
    });
    return next.execute(command);
  }

  /**
   * A RefusedCallException (403 through our mapper, whatever the REST resource catches); for running a
   * job, the engine's AuthorizationException, the one exception the job resource does not turn into a 500.
   */
  private static RuntimeException refusal(Command<?> command) {
    String message = "Hanya administrator yang boleh melakukan ini (" + command.getClass().getSimpleName()
        + "). Permohonan hanya bergerak melalui langkah-langkah SOP.";
    return JOB_RUNS.contains(command.getClass().getSimpleName()) ? new AuthorizationException(message)
        : new RefusedCallException(RefusedCallException.FORBIDDEN, message);
  }

  static boolean allowed(Command<?> command) {
    Class<?> type = command.getClass();
    String name = type.getSimpleName();
    if (!type.getName().startsWith("org.camunda.bpm.engine.")) {
      // the webapps' own queries (Cockpit's views) and the read-only SOP history
      return true;
    }
    if (ADMINISTRATOR_READS.contains(name) || command instanceof AbstractNativeQuery<?, ?>) {
      return false;
    }
    return command instanceof AbstractQuery<?, ?> || name.endsWith("ReportImpl") || ALLOWED_CHANGES.contains(name)
        || READ_PREFIXES.stream().anyMatch(prefix -> name.startsWith(prefix) && !name.contains("$"))
        || (name.startsWith("Create") && name.endsWith("QueryCmd"));
  }
}

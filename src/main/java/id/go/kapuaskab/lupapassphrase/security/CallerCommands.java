package id.go.kapuaskab.lupapassphrase.security;

import id.go.kapuaskab.lupapassphrase.process.Groups;
import id.go.kapuaskab.lupapassphrase.security.EngineCommands.Kind;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Only the process moves the process. A logged-in user who is not an administrator may run only the
 * engine commands that engine-commands.txt lists as reads or as the SOP's changes (open a request,
 * claim and complete a task, their own account), and the process owner deployments too; every other command is refused with 403 before it
 * runs, whatever the engine's grants would allow. Three more rules:
 * <ul>
 *   <li>a query carrying an expression, at any depth ({@link QueryExpressions}), is refused with 400:
 *       what a caller sends is data, never code;</li>
 *   <li>a caller's read changes nothing: while it runs, a command nested in it (from an expression of
 *       a saved filter, a plugin, a listener) must be a read too, or it is refused;</li>
 *   <li>the arguments of the allowed changes are checked by the guarded services
 *       (GuardedTaskService, GuardedFormService, GuardedRuntimeService, GuardedIdentityService).</li>
 * </ul>
 * The SOP's own listeners and delegates run nested inside a caller's completion, a change, and keep
 * doing their work.
 */
class CallerCommands extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(CallerCommands.class);

  /**
   * Running a job (REST's "execute job") and the listeners that record its outcome on the job: refused
   * with the exception the job resource answers with 403, not 500.
   */
  private static final Set<String> JOB_RUNS = Set.of("org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd",
      "org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener",
      "org.camunda.bpm.engine.impl.jobexecutor.SuccessfulJobListener");

  /** Whether the outermost command on this thread is a caller's read. */
  private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

  private final IdentityService identity;
  private final EngineCommands commands;

  CallerCommands(IdentityService identity, EngineCommands commands) {
    this.identity = identity;
    this.commands = commands;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Boolean.TRUE.equals(READING.get())) {
      return nestedInRead(command);
    }
    var caller = Caller.subjectToRules(identity);
    if (caller.isEmpty()) {
      return next.execute(command);
    }
    Kind kind = commands.kindOf(command.getClass());
    if (kind == Kind.DEPLOYMENT) {
      if (!isProcessOwner()) {
        LOG.info("Refused {} for user {}: only the process owner deploys", command.getClass().getSimpleName(),
            caller.get().userId());
        throw new RefusedCallException(RefusedCallException.FORBIDDEN,
            "Hanya pemilik proses yang boleh memasang diagram dan formulir SOP.");
      }
      // what the deployment holds is checked as it is deployed, for every sender (deployment/SopDeployments)
      return next.execute(command);
    }
    if (kind == Kind.ADMINISTRATOR) {
      LOG.info("Refused {} for user {}: only an administrator may do that", command.getClass().getSimpleName(),
          caller.get().userId());
      throw refusal(command);
    }
    QueryExpressions.find(command).ifPresent(method -> {
      LOG.info("Refused {} for user {}: an expression in the query ({})", command.getClass().getSimpleName(),
          caller.get().userId(), method);
      throw new RefusedCallException(RefusedCallException.BAD_REQUEST, "Kueri tidak boleh memuat ekspresi (" + method
          + "): nilai yang dikirim adalah data, bukan kode.");
    });
    if (kind != Kind.READ) {
      return next.execute(command);
    }
    READING.set(Boolean.TRUE);
    try {
      return next.execute(command);
    } catch (RuntimeException e) {
      // a change refused inside the read reaches the caller as itself, not wrapped by the expression that ran it
      throw refusedWithin(e);
    } finally {
      READING.remove();
    }
  }

  private boolean isProcessOwner() {
    var authentication = identity.getCurrentAuthentication();
    return authentication.getGroupIds() != null && authentication.getGroupIds().contains(Groups.PROCESS_OWNERS);
  }

  private <T> T nestedInRead(Command<T> command) {
    if (commands.kindOf(command.getClass()) != Kind.READ) {
      LOG.warn("Refused {} inside a caller's read: a read changes nothing", command.getClass().getName());
      throw new RefusedCallException(RefusedCallException.FORBIDDEN, "Membaca data tidak boleh mengubah apa pun ("
          + command.getClass().getSimpleName() + ").");
    }
    return next.execute(command);
  }

  private static RuntimeException refusedWithin(RuntimeException thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof RefusedCallException refused) {
        return refused;
      }
    }
    return thrown;
  }

  /**
   * A RefusedCallException (403 through our mapper, whatever the REST resource catches); for running a
   * job, the engine's AuthorizationException, the one exception the job resource does not turn into a 500.
   */
  private static RuntimeException refusal(Command<?> command) {
    String message = "Hanya administrator yang boleh melakukan ini (" + command.getClass().getSimpleName()
        + "). Permohonan hanya bergerak melalui langkah-langkah SOP.";
    return JOB_RUNS.contains(command.getClass().getName()) ? new AuthorizationException(message)
        : new RefusedCallException(RefusedCallException.FORBIDDEN, message);
  }
}

package id.go.kapuaskab.lupapassphrase.jobs;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * A job that lost an optimistic-locking race runs again at once. Another transaction changed the
 * same request first (a user's completion, a timer, a job on another node; across nodes the engine
 * does not keep a request's jobs apart): nothing failed, the job only has to read again. The engine
 * retries such a job at once where no retry cycle is set, but the AMS tasks' cycle (R3/PT5M) would
 * make it wait the whole five minutes. Real faults keep their cycle. Unordered, it runs after the
 * starter's own configuration (order 0), which sets the engine's default.
 */
public class ConflictRetriedAtOnce extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory((jobId, exception) -> exception instanceof OptimisticLockingException
        ? new RetryAtOnce(jobId, exception) : new DefaultJobRetryCmd(jobId, exception));
  }

  /** The engine's strategy without a retry cycle: unlocked, due as before, retries kept (a conflict counts none). */
  static final class RetryAtOnce extends DefaultJobRetryCmd {

    RetryAtOnce(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      executeStandardStrategy(commandContext);
      return null;
    }
  }
}

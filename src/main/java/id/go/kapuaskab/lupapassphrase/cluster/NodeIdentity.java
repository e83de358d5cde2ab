package id.go.kapuaskab.lupapassphrase.cluster;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The node's name, the same across its restarts: the engine locks the jobs it acquires in that name
 * and writes it into the job log (Cockpit, {@code /engine-rest/history/job-log}: hostname), so one can
 * see which node ran what. A node that died holding locks finds them in its name when it starts again
 * and releases them before its job executor starts, so its jobs run at once instead of after the lock
 * time. Another node cannot tell a dead node's locks from a slow one's, so it waits for the lock to
 * expire ({@code camunda.bpm.job-execution.lock-time-in-millis}); hence each node needs a name of its own.
 */
public class NodeIdentity extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(NodeIdentity.class);

  private final String name;
  private JdbcTemplate jdbc;
  private String jobTable;
  private JobExecutor jobExecutor;

  public NodeIdentity(NodeName name) {
    this.name = name.value();
  }

  public NodeIdentity(NodeSettings settings, int port) {
    this(NodeName.of(settings, port));
  }

  public String name() {
    return name;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHostname(name);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    jobExecutor = configuration.getJobExecutor();
    jobExecutor.setLockOwner(name);
    jdbc = new JdbcTemplate(configuration.getDataSource());
    jobTable = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    // the revision goes up as the engine's own updates do, so an acquisition that read the job before fails
    int released = jdbc.update("UPDATE " + jobTable + " SET LOCK_OWNER_ = NULL, LOCK_EXP_TIME_ = NULL, REV_ = REV_ + 1"
        + " WHERE LOCK_OWNER_ = ?", name);
    if (released == 0) {
      LOG.info("Node '{}'", name);
      return;
    }
    LOG.warn("Node '{}' did not stop cleanly last time: released the {} job locks it held then, so those jobs run now",
        name, released);
    if (jobExecutor.isActive()) {
      jobExecutor.getAcquireJobsRunnable().jobWasAdded();
    }
  }
}

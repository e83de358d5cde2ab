package id.go.kapuaskab.lupapassphrase.support;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Real engines with job executors of their own on one shared database, as the nodes of a cluster
 * are: H2 in memory, or a fresh PostgreSQL database on the PostgreSQL run ({@link TestDatabase}).
 * Each node is named, and the name is written into the job log, so a test sees which node ran a job.
 */
public final class EngineNodes implements AutoCloseable {

  private final String url;
  private final String username;
  private final String password;
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  public EngineNodes(String purpose) {
    if (TestDatabase.POSTGRESQL) {
      PostgreSql.Database database = PostgreSql.createDatabase(purpose);
      url = database.url();
      username = database.username();
      password = database.password();
    } else {
      url = "jdbc:h2:mem:" + purpose + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
      username = "sa";
      password = "";
    }
  }

  /**
   * A node whose job executor polls the job table at the given interval (when it runs jobs at all),
   * with the given plugins; closed with the others.
   */
  public ProcessEngine start(String name, Duration poll, boolean runsJobs, List<ProcessEnginePlugin> plugins) {
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setWaitTimeInMillis((int) poll.toMillis());
    jobExecutor.setMaxWait(poll.toMillis());
    return start(name, jobExecutor, runsJobs, plugins);
  }

  /** A node with the given job executor, which it starts when it runs jobs at all; closed with the others. */
  public ProcessEngine start(String name, JobExecutor jobExecutor, boolean runsJobs, List<ProcessEnginePlugin> plugins) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(name + "-" + UUID.randomUUID());
    configuration.setHostname(name);
    configuration.setJdbcUrl(url);
    configuration.setJdbcUsername(username);
    configuration.setJdbcPassword(password);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setMetricsEnabled(false);
    configuration.setJobExecutor(jobExecutor);
    // started once the engine is built and its plugins have run, as the application's starter starts it (on its
    // process application's start); an engine that starts it itself does so before its plugins' last step
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(new ArrayList<>(plugins));
    ProcessEngine engine = configuration.buildProcessEngine();
    if (runsJobs) {
      jobExecutor.start();
    }
    plugins.stream().filter(AutoCloseable.class::isInstance).map(AutoCloseable.class::cast).forEach(opened::push);
    opened.push(engine::close);
    return engine;
  }

  /** The shared database, for what no engine API shows (such as the locks on the job table). */
  public JdbcTemplate jdbc() {
    SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
    dataSource.setDriverClass(url.startsWith("jdbc:h2:") ? org.h2.Driver.class : org.postgresql.Driver.class);
    dataSource.setUrl(url);
    dataSource.setUsername(username);
    dataSource.setPassword(password);
    return new JdbcTemplate(dataSource);
  }

  /** Stops every node started so far, the last first, as a restart or a crash of all of them would. */
  @Override
  public void close() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
  }
}

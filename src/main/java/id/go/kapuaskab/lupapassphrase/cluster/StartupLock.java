package id.go.kapuaskab.lupapassphrase.cluster;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Nodes that start at the same time set the engine up one after the other. What the plugins do once
 * the engine is built (deploy the process, create groups, authorizations, filters and users, set the
 * retention) looks first and then writes; two nodes doing it at once would both write, and one would
 * fail on a duplicate or leave a filter twice. So all of it runs in one transaction that first locks
 * the engine's start-up row (ACT_GE_PROPERTY 'startup.lock', the lock the engine takes for its own
 * start-up work): {@link Take} comes before every other plugin, {@link Release} after all of them.
 * On a single node it costs one row lock.
 */
@Component
public class StartupLock {

  private final PlatformTransactionManager transactions;
  private TransactionStatus held;

  public StartupLock(PlatformTransactionManager transactions) {
    this.transactions = transactions;
  }

  private synchronized void take(ProcessEngine engine) {
    held = transactions.getTransaction(new DefaultTransactionDefinition());
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          context.getPropertyManager().acquireExclusiveLockForStartup();
          return null;
        });
  }

  private synchronized void release() {
    if (held != null) {
      transactions.commit(held);
      held = null;
    }
  }

  /** Opens the set-up transaction and waits for the start-up row. */
  @Component
  @Order(Ordered.HIGHEST_PRECEDENCE)
  static class Take extends AbstractProcessEnginePlugin {

    private final StartupLock lock;

    Take(StartupLock lock) {
      this.lock = lock;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
      lock.take(engine);
    }
  }

  /** Commits the set-up, which lets the next node's start go on. */
  @Component
  @Order(Ordered.LOWEST_PRECEDENCE)
  static class Release extends AbstractProcessEnginePlugin {

    private final StartupLock lock;

    Release(StartupLock lock) {
      this.lock = lock;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
      lock.release();
    }
  }
}

package id.go.kapuaskab.lupapassphrase.cluster;

import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Nodes that start at the same time set the engine up one after the other. What the plugins do once
 * the engine is built (deploy the process, create groups, authorizations, filters and users, set the
 * retention) looks first and then writes; two nodes doing it at once would both write, and one would
 * fail on a duplicate or leave a filter twice. So all of it runs in one transaction that first locks
 * the engine's start-up row (ACT_GE_PROPERTY 'startup.lock', the lock the engine takes for its own
 * start-up work), taken before every other plugin and released after all of them.
 * On a single node it costs one row lock.
 */
@Configuration(proxyBeanMethods = false)
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

  /** Before every other plugin: opens the set-up transaction and waits for the start-up row. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ProcessEnginePlugin startupLockTaken() {
    return afterBuild(this::take);
  }

  /** After every other plugin: commits the set-up, which lets the next node's start go on. */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  ProcessEnginePlugin startupLockReleased() {
    return afterBuild(engine -> release());
  }

  private static ProcessEnginePlugin afterBuild(Consumer<ProcessEngine> step) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        step.accept(engine);
      }
    };
  }
}

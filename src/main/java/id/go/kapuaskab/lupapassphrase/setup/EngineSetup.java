package id.go.kapuaskab.lupapassphrase.setup;

import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.util.ClassUtils;

/**
 * Runs the set-up steps once the engine is built, in the order of their phases ({@link SetupStep.Phase}
 * says which needs which), all in one transaction that first locks the engine's start-up row
 * (ACT_GE_PROPERTY 'startup.lock', the lock the engine takes for its own start-up work). Each step
 * looks first and then writes; nodes that start at the same time therefore set the database up one
 * after the other instead of both writing a filter or a group. On a single node it costs one row lock.
 */
public class EngineSetup extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineSetup.class);

  private final List<SetupStep> steps;
  private final PlatformTransactionManager transactions;

  public EngineSetup(List<SetupStep> steps, PlatformTransactionManager transactions) {
    this.steps = steps.stream().sorted(Comparator.comparing(EngineSetup::phaseOf)).toList();
    this.transactions = transactions;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    TransactionStatus setup = transactions.getTransaction(new DefaultTransactionDefinition());
    try {
      ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
          .execute(context -> {
            context.getPropertyManager().acquireExclusiveLockForStartup();
            return null;
          });
      for (SetupStep step : steps) {
        LOG.debug("Set-up {}: {}", phaseOf(step), step.getClass().getSimpleName());
        step.apply(engine);
      }
    } catch (RuntimeException e) {
      transactions.rollback(setup);
      throw e;
    }
    transactions.commit(setup);
  }

  private static SetupStep.Phase phaseOf(SetupStep step) {
    SetupPhase phase = AnnotationUtils.findAnnotation(ClassUtils.getUserClass(step), SetupPhase.class);
    if (phase == null) {
      throw new IllegalStateException(step.getClass().getName() + " is a set-up step without @SetupPhase");
    }
    return phase.value();
  }
}

package id.go.kapuaskab.lupapassphrase.jobs;

import java.util.Date;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

/**
 * The engine's job manager, telling of every timer it schedules once the transaction that created
 * it has committed (an uncommitted timer may never exist).
 */
class WakingJobManager extends JobManager {

  private final Consumer<Date> scheduled;

  WakingJobManager(Consumer<Date> scheduled) {
    this.scheduled = scheduled;
  }

  @Override
  public void schedule(TimerEntity timer) {
    super.schedule(timer);
    tellAfterCommit(timer.getDuedate());
  }

  @Override
  public void reschedule(JobEntity job, Date newDuedate) {
    super.reschedule(job, newDuedate);
    tellAfterCommit(newDuedate);
  }

  private void tellAfterCommit(Date duedate) {
    if (duedate != null) {
      Context.getCommandContext().getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, context -> scheduled.accept(duedate));
    }
  }

  /** Opens this job manager in place of the engine's own for every command. */
  static final class Factory implements SessionFactory {

    private final Consumer<Date> scheduled;

    Factory(Consumer<Date> scheduled) {
      this.scheduled = scheduled;
    }

    @Override
    public Class<?> getSessionType() {
      return JobManager.class;
    }

    @Override
    public Session openSession() {
      return new WakingJobManager(scheduled);
    }
  }
}

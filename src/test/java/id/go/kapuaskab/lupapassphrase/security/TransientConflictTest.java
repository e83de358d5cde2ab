package id.go.kapuaskab.lupapassphrase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/**
 * A completion that collides with the job executor on the same request (the breach notice running
 * at that moment) was rolled back whole: it is made again, and answers 409 only if it keeps colliding.
 */
class TransientConflictTest {

  @Test
  void aCollisionIsTriedAgainUntilItGoesThrough() {
    AtomicInteger tries = new AtomicInteger();

    String result = GuardedTaskService.whileTaskExists("task-1", () -> {
      if (tries.incrementAndGet() == 1) {
        throw new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE ExecutionEntity' failed");
      }
      if (tries.get() == 2) {
        throw new ProcessEngineException("ENGINE-03077 Cannot resolve parent with id 'x' of execution 'y'");
      }
      return "completed";
    });

    assertThat(result).isEqualTo("completed");
    assertThat(tries).hasValue(3);
  }

  @Test
  void aCollisionThatKeepsComingAnswers409AndOtherFailuresPassThrough() {
    AtomicInteger tries = new AtomicInteger();
    assertThatThrownBy(() -> GuardedTaskService.whileTaskExists("task-1", () -> {
      tries.incrementAndGet();
      throw new OptimisticLockingException("ENGINE-03005");
    })).isInstanceOfSatisfying(RefusedCallException.class, refused -> assertThat(refused.status()).isEqualTo(409));
    assertThat(tries).hasValue(GuardedTaskService.CONFLICT_ATTEMPTS);

    assertThatThrownBy(() -> GuardedTaskService.whileTaskExists("task-1", () -> {
      throw new ProcessEngineException("ENGINE-09005 something else");
    })).isExactlyInstanceOf(ProcessEngineException.class);
  }
}

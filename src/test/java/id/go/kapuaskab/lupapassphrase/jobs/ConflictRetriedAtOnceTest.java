package id.go.kapuaskab.lupapassphrase.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kapuaskab.lupapassphrase.support.EngineNodes;
import id.go.kapuaskab.lupapassphrase.support.TestDatabase;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A job with the AMS tasks' retry cycle that loses an optimistic-locking race is run again at once;
 * one that fails for real waits its interval, as before.
 */
@Tag(TestDatabase.TAG)
@ExtendWith(TestDatabase.class)
class ConflictRetriedAtOnceTest {

  private static final Map<String, String> FIRST_FAILURE = new ConcurrentHashMap<>();

  /** Fails the first time it runs for a request, the way the map says for its business key; then succeeds. */
  public static class FailsOnce implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      String kind = FIRST_FAILURE.remove(execution.getProcessBusinessKey());
      if (kind != null) {
        throw kind.equals("conflict") ? new OptimisticLockingException("updated by another transaction concurrently")
            : new IllegalStateException("AMS fault");
      }
    }
  }

  private final EngineNodes nodes = new EngineNodes("conflict_retry");

  @AfterEach
  void stopNodes() throws Exception {
    nodes.close();
  }

  @Test
  void aConflictIsRetriedAtOnceAndARealFaultAfterItsInterval() {
    ProcessEngine engine = nodes.start("node-a", Duration.ofSeconds(1), true, List.of(new ConflictRetriedAtOnce()));
    engine.getRepositoryService().createDeployment().addModelInstance("retry.bpmn",
        Bpmn.createExecutableProcess("retryProbe").camundaHistoryTimeToLive(1).startEvent()
            .serviceTask("Task_Ams").camundaClass(FailsOnce.class).camundaAsyncBefore()
            .camundaFailedJobRetryTimeCycle("R3/PT5M").endEvent().done()).deploy();

    String conflicted = start(engine, "conflict");
    String faulted = start(engine, "fault");

    await().atMost(Duration.ofSeconds(20)).until(() -> ended(engine, conflicted));
    Job waiting = engine.getManagementService().createJobQuery().processInstanceId(faulted).singleResult();
    assertThat(waiting.getRetries()).isEqualTo(2);
    assertThat(waiting.getDuedate()).isAfter(new Date(System.currentTimeMillis() + Duration.ofMinutes(4).toMillis()));
    assertThat(ended(engine, faulted)).isFalse();
  }

  /** The failure is known before the start: the job executor may run the job before the start returns. */
  private static String start(ProcessEngine engine, String failure) {
    String request = failure + "-" + UUID.randomUUID();
    FIRST_FAILURE.put(request, failure);
    return engine.getRuntimeService().createProcessInstanceByKey("retryProbe").businessKey(request)
        .startBeforeActivity("Task_Ams").execute().getId();
  }

  private static boolean ended(ProcessEngine engine, String processInstanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .completed().count() == 1;
  }
}

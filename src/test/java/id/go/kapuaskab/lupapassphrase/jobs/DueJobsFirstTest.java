package id.go.kapuaskab.lupapassphrase.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kapuaskab.lupapassphrase.support.EngineNodes;
import id.go.kapuaskab.lupapassphrase.support.TestDatabase;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.jobexecutor.ExecuteJobsRunnable;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A real engine whose job executor has one thread: a job holds it while others queue, so the order
 * in which the queue gives them out is seen. The poll is a minute away; the engine's own hints
 * bring each job in as it is made.
 */
@Tag(TestDatabase.TAG)
@ExtendWith(TestDatabase.class)
class DueJobsFirstTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final List<String> RAN = new CopyOnWriteArrayList<>();
  private static volatile CountDownLatch released;

  private static final BpmnModelInstance HOLDS_THE_THREAD = Bpmn.createExecutableProcess("holdsTheThread")
      .camundaHistoryTimeToLive(1)
      .startEvent()
      .serviceTask("Task_Hold").camundaAsyncBefore().camundaClass(Hold.class)
      .endEvent()
      .done();

  private static final BpmnModelInstance WAITS_FOR_A_THREAD = Bpmn.createExecutableProcess("waitsForAThread")
      .camundaHistoryTimeToLive(1)
      .startEvent()
      .serviceTask("Task_Queued").camundaAsyncBefore().camundaClass(Note.class)
      .endEvent()
      .done();

  private static final BpmnModelInstance DUE_AT_A_MOMENT = Bpmn.createExecutableProcess("dueAtAMoment")
      .camundaHistoryTimeToLive(1)
      .startEvent()
      .intermediateCatchEvent("Timer_Due").timerWithDate("${dueAt}")
      .serviceTask("Task_Due").camundaClass(Note.class)
      .endEvent()
      .done();

  private final EngineNodes nodes = new EngineNodes("due_jobs_first");
  private ThreadPoolTaskExecutor threads;

  @AfterEach
  void stop() throws Exception {
    released.countDown();
    nodes.close();
    threads.shutdown();
  }

  @Test
  void aDueTimerRunsBeforeTheJobsThatWereQueuedAheadOfIt() {
    ProcessEngine node = nodeWithOneThread(10);
    node.getRuntimeService().startProcessInstanceByKey("holdsTheThread", "holder");
    await().atMost(WAIT).until(() -> RAN.contains("holder"));

    for (int queued = 1; queued <= 3; queued++) {
      node.getRuntimeService().startProcessInstanceByKey("waitsForAThread", "queued-" + queued);
      int expected = queued;
      await().atMost(WAIT).until(() -> threads.getQueueSize() == expected);
    }
    node.getRuntimeService().startProcessInstanceByKey("dueAtAMoment", "timer",
        Map.of("dueAt", new Date(System.currentTimeMillis() - 1_000)));
    await().atMost(WAIT).until(() -> threads.getQueueSize() == 4);

    released.countDown();

    await().atMost(WAIT).until(() -> RAN.size() == 5);
    assertThat(RAN).containsExactly("holder", "timer", "queued-1", "queued-2", "queued-3");
  }

  @Test
  void aFullQueueTurnsJobsAwayUntilThereIsRoomAndEveryJobRuns() {
    ProcessEngine node = nodeWithOneThread(1);
    threeJobsForAQueueOfOne(node);

    await().atMost(WAIT).until(() -> RAN.size() == 4);
    assertThat(RAN).startsWith("holder").containsExactlyInAnyOrder("holder", "queued-1", "queued-2", "queued-3");
  }

  @Test
  void batchesTurnedAwayRunThoughTheEndingBatchesWakeUpsAreLost() {
    ProcessEngine node = nodeWithOneThread(1, (settings, threads) -> {
      DueJobsFirst executor = new DueJobsFirst(threads) {
        @Override
        public void jobWasAdded() {
          // the wake-up a batch gives the acquisition as it ends, lost as in the engine's race between the
          // acquisition reading its flag and starting to wait; new jobs' wake-ups and the reminders still come
          if (StackWalker.getInstance().walk(frames -> frames.noneMatch(frame ->
              frame.getClassName().equals(ExecuteJobsRunnable.class.getName())))) {
            super.jobWasAdded();
          }
        }
      };
      executor.setWaitTimeInMillis(settings.getWaitTimeInMillis());
      executor.setMaxWait(settings.getMaxWait());
      return executor;
    });
    threeJobsForAQueueOfOne(node);

    // the acquisition's own poll is a minute away
    await().atMost(WAIT).until(() -> RAN.size() == 4);
    assertThat(RAN).containsExactlyInAnyOrder("holder", "queued-1", "queued-2", "queued-3");
  }

  /**
   * A job holds the one thread while three more are made for a queue of one, so two are turned away; then the
   * held job is let go.
   */
  private void threeJobsForAQueueOfOne(ProcessEngine node) {
    node.getRuntimeService().startProcessInstanceByKey("holdsTheThread", "holder");
    await().atMost(WAIT).until(() -> RAN.contains("holder"));
    for (int queued = 1; queued <= 3; queued++) {
      node.getRuntimeService().startProcessInstanceByKey("waitsForAThread", "queued-" + queued);
    }
    await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> threads.getQueueSize() <= 1);
    released.countDown();
  }

  private ProcessEngine nodeWithOneThread(int queueCapacity) {
    return nodeWithOneThread(queueCapacity, DueJobsFirst::configured);
  }

  private ProcessEngine nodeWithOneThread(int queueCapacity,
      BiFunction<JobExecutionProperty, ThreadPoolTaskExecutor, DueJobsFirst> jobExecutor) {
    RAN.clear();
    released = new CountDownLatch(1);
    JobExecutionProperty settings = new JobExecutionProperty();
    settings.setCorePoolSize(1);
    settings.setMaxPoolSize(1);
    settings.setQueueCapacity(queueCapacity);
    settings.setWaitTimeInMillis(60_000);
    settings.setMaxWait(60_000L);
    threads = DueJobsFirst.threads(settings);
    threads.initialize();
    ProcessEngine node = nodes.start("node-a", jobExecutor.apply(settings, threads), true, List.of());
    for (BpmnModelInstance process : List.of(HOLDS_THE_THREAD, WAITS_FOR_A_THREAD, DUE_AT_A_MOMENT)) {
      node.getRepositoryService().createDeployment().addModelInstance("process.bpmn", process).deploy();
    }
    return node;
  }

  /** Notes that its job ran, then keeps the only thread until the test lets it go. */
  public static class Hold implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) throws InterruptedException {
      RAN.add(execution.getProcessBusinessKey());
      released.await(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  /** Notes that its job ran. */
  public static class Note implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      RAN.add(execution.getProcessBusinessKey());
    }
  }
}

package id.go.kapuaskab.lupapassphrase.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kapuaskab.lupapassphrase.support.EngineNodes;
import id.go.kapuaskab.lupapassphrase.support.TestDatabase;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The wake-up is correct, not merely fast: real engines on one shared database (H2, and PostgreSQL
 * on its run). A node polls the job table when its job executor starts and then once a minute here;
 * the jobs fall due seconds later, so one that runs within the test's wait was run by a wake-up,
 * not found by a poll.
 */
@Tag(TestDatabase.TAG)
@ExtendWith(TestDatabase.class)
class JobExecutorWakeUpTest {

  private static final Duration A_MINUTE = Duration.ofMinutes(1);
  private static final Duration WAIT = Duration.ofSeconds(20);
  /** Later than one watch interval from now: another node has read the job table before it falls due. */
  private static final Duration DUE_ELSEWHERE = JobExecutorWakeUp.WATCH_INTERVAL.plusSeconds(2);

  private static final BpmnModelInstance TIMER_PROCESS = Bpmn.createExecutableProcess("wakeUpProbe")
      .camundaHistoryTimeToLive(1)
      .startEvent()
      .intermediateCatchEvent("Timer_Probe").timerWithDate("${dueAt}")
      .endEvent()
      .done();

  private static final BpmnModelInstance ASYNC_PROCESS = Bpmn.createExecutableProcess("asyncProbe")
      .camundaHistoryTimeToLive(1)
      .startEvent().camundaAsyncAfter()
      .endEvent()
      .done();

  private final EngineNodes nodes = new EngineNodes("wake_up");

  @AfterEach
  void stopNodes() throws Exception {
    nodes.close();
  }

  @Test
  void aTimerFiresAtItsDueTimeThoughTheNextPollIsAMinuteAway() {
    ProcessEngine node = node("node-a", true);

    String request = startTimerDueIn(node, Duration.ofMillis(1500));

    await().atMost(WAIT).until(() -> ended(node, request));
    assertThat(firedBy(node, request)).isEqualTo("node-a");
  }

  @Test
  void aTimerScheduledOnANodeThatRunsNoJobsFiresOnAnotherThoughItsPollIsAMinuteAway() {
    ProcessEngine creator = node("node-a", false);
    ProcessEngine worker = node("node-b", true);

    String request = startTimerDueIn(creator, DUE_ELSEWHERE);

    await().atMost(WAIT).until(() -> ended(worker, request));
    assertThat(firedBy(worker, request)).isEqualTo("node-b");
  }

  @Test
  void aTimerScheduledBeforeARestartFiresAfterItOnTime() throws Exception {
    ProcessEngine before = node("node-a", true);
    String request = startTimerDueIn(before, Duration.ofSeconds(6));
    nodes.close();

    ProcessEngine after = node("node-a-restarted", true);
    assertThat(ended(after, request)).as("not yet due at the restart").isFalse();

    await().atMost(WAIT).until(() -> ended(after, request));
    assertThat(firedBy(after, request)).isEqualTo("node-a-restarted");
  }

  @Test
  void moreTimersDueTogetherThanOneReadHoldsAllFire() {
    ProcessEngine worker = node("node-b", true);
    ProcessEngine creator = node("node-a", false);
    int timers = JobTableWatch.READ_AT_ONCE + 20;
    Date dueAt = new Date(System.currentTimeMillis() + Duration.ofSeconds(15).toMillis());
    for (int i = 0; i < timers; i++) {
      creator.getRuntimeService().startProcessInstanceByKey("wakeUpProbe", Map.of("dueAt", dueAt));
    }

    // the worker's poll comes a minute after its start: what fires them before is the watch
    try {
      await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).until(() -> worker.getHistoryService()
          .createHistoricProcessInstanceQuery().processDefinitionKey("wakeUpProbe").completed().count() == timers);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("Not all " + timers + " timers fired by " + ClockUtil.getCurrentTime()
          + " on the engine's clock; the jobs left, by what the acquisition looks at: " + jobsLeft(), e);
    }
  }

  /** The jobs left, grouped by whether they are due by now (the wall clock), their lock and their retries. */
  private List<Map<String, Object>> jobsLeft() {
    Timestamp now = new Timestamp(System.currentTimeMillis());
    return nodes.jdbc().queryForList("SELECT DUEDATE_ <= ? AS DUE, LOCK_OWNER_, LOCK_EXP_TIME_, RETRIES_,"
        + " COUNT(*) AS JOBS FROM ACT_RU_JOB GROUP BY DUEDATE_ <= ?, LOCK_OWNER_, LOCK_EXP_TIME_, RETRIES_", now, now);
  }

  @Test
  void aJobLockedByANodeThatDiedRunsWhenTheLockExpiresThoughThePollIsAMinuteAway() {
    ProcessEngine dead = node("node-dead", false);
    String request = dead.getRuntimeService().startProcessInstanceByKey("asyncProbe").getId();
    Job job = dead.getManagementService().createJobQuery().processInstanceId(request).singleResult();
    // as the dead node's acquisition left it: locked in its name until a moment a few seconds from now
    nodes.jdbc().update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? WHERE ID_ = ?", "node-dead",
        new Timestamp(System.currentTimeMillis() + 4_000), job.getId());

    ProcessEngine survivor = node("node-b", true);
    assertThat(ended(survivor, request)).as("still locked").isFalse();

    await().atMost(WAIT).until(() -> ended(survivor, request));
    assertThat(firedBy(survivor, request)).isEqualTo("node-b");
  }

  @Test
  void aTimerWhoseJobWasDeletedOrWhoseRequestWasCancelledDoesNotFire() {
    ProcessEngine node = node("node-a", true);
    // due a few seconds out, so the deletion and the cancellation below come first even on a loaded machine
    String jobDeleted = startTimerDueIn(node, Duration.ofSeconds(4));
    String cancelled = startTimerDueIn(node, Duration.ofSeconds(4));
    String later = startTimerDueIn(node, Duration.ofSeconds(5));

    Job job = node.getManagementService().createJobQuery().processInstanceId(jobDeleted).singleResult();
    node.getManagementService().deleteJob(job.getId());
    node.getRuntimeService().deleteProcessInstance(cancelled, "withdrawn");

    await().atMost(WAIT).until(() -> ended(node, later));
    HistoryService history = node.getHistoryService();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(jobDeleted).successLog().count()).isZero();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(jobDeleted).deletionLog().count()).isOne();
    assertThat(node.getRuntimeService().createProcessInstanceQuery().processInstanceId(jobDeleted).count())
        .as("still waiting at its timer").isOne();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(cancelled).successLog().count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(cancelled).singleResult().getState())
        .isEqualTo(HistoricProcessInstance.STATE_INTERNALLY_TERMINATED);
  }

  /** A node that polls once a minute and wakes at due dates; the first one deploys the probes. */
  private ProcessEngine node(String name, boolean runsJobs) {
    ProcessEngine engine = nodes.start(name, A_MINUTE, runsJobs, List.of(new JobExecutorWakeUp()));
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("wakeUpProbe").count() == 0) {
      engine.getRepositoryService().createDeployment()
          .addModelInstance("wakeUpProbe.bpmn", TIMER_PROCESS)
          .addModelInstance("asyncProbe.bpmn", ASYNC_PROCESS).deploy();
    }
    return engine;
  }

  private static String startTimerDueIn(ProcessEngine engine, Duration dueIn) {
    Date dueAt = new Date(System.currentTimeMillis() + dueIn.toMillis());
    return engine.getRuntimeService().startProcessInstanceByKey("wakeUpProbe", Map.of("dueAt", dueAt)).getId();
  }

  private static boolean ended(ProcessEngine engine, String processInstanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .completed().count() == 1;
  }

  private static String firedBy(ProcessEngine engine, String processInstanceId) {
    HistoricJobLog success = engine.getHistoryService().createHistoricJobLogQuery()
        .processInstanceId(processInstanceId).successLog().singleResult();
    return success.getHostname();
  }
}

package id.go.kapuaskab.lupapassphrase.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wake-up is correct, not merely fast: real engines on one shared H2 database. An engine polls
 * the job table when its job executor starts and then once a minute here; the timers fall due
 * seconds after the start, so one that fires within the test's wait was fired by a wake-up, not
 * found by a poll.
 */
class JobExecutorWakeUpTest {

  private static final Duration A_MINUTE = Duration.ofMinutes(1);
  private static final Duration A_SECOND = Duration.ofSeconds(1);
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static final BpmnModelInstance TIMER_PROCESS = Bpmn.createExecutableProcess("wakeUpProbe")
      .camundaHistoryTimeToLive(1)
      .startEvent()
      .intermediateCatchEvent("Timer_Probe").timerWithDate("${dueAt}")
      .endEvent()
      .done();

  private final String database = "jdbc:h2:mem:wake-up-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  @AfterEach
  void closeEngines() throws Exception {
    while (!opened.isEmpty()) {
      opened.pop().close();
    }
  }

  @Test
  void aTimerFiresAtItsDueTimeThoughTheNextPollIsAMinuteAway() {
    ProcessEngine node = node("node-a", A_MINUTE, true);

    String request = startTimerDueIn(node, Duration.ofMillis(1500));

    await().atMost(WAIT).until(() -> ended(node, request));
    assertThat(firedBy(node, request)).isEqualTo("node-a");
  }

  @Test
  void aTimerScheduledOnOneNodeFiresOnAnotherThatPolls() {
    ProcessEngine creator = node("node-a", A_MINUTE, false);
    ProcessEngine worker = node("node-b", A_SECOND, true);

    String request = startTimerDueIn(creator, Duration.ofMillis(1500));

    await().atMost(WAIT).until(() -> ended(worker, request));
    assertThat(firedBy(worker, request)).isEqualTo("node-b");
  }

  @Test
  void aTimerScheduledBeforeARestartFiresAfterItOnTime() throws Exception {
    ProcessEngine before = node("node-a", A_MINUTE, true);
    String request = startTimerDueIn(before, Duration.ofSeconds(6));
    closeAll();

    ProcessEngine after = node("node-a-restarted", A_MINUTE, true);
    assertThat(ended(after, request)).as("not yet due at the restart").isFalse();

    await().atMost(WAIT).until(() -> ended(after, request));
    assertThat(firedBy(after, request)).isEqualTo("node-a-restarted");
  }

  @Test
  void timersBeyondTheFirstOnesReadAfterARestartFireOnTimeToo() throws Exception {
    ProcessEngine before = node("node-a", A_MINUTE, false);
    List<String> requests = new ArrayList<>();
    for (int i = 0; i < JobExecutorWakeUp.READ_AT_ONCE; i++) {
      requests.add(startTimerDueIn(before, Duration.ofSeconds(6)));
    }
    String beyond = startTimerDueIn(before, Duration.ofSeconds(8));
    closeAll();

    ProcessEngine after = node("node-a-restarted", A_MINUTE, true);

    await().atMost(WAIT).until(() -> ended(after, beyond));
    assertThat(requests).allSatisfy(request -> assertThat(ended(after, request)).isTrue());
  }

  @Test
  void aTimerWhoseJobWasDeletedOrWhoseRequestWasCancelledDoesNotFire() {
    ProcessEngine node = node("node-a", A_MINUTE, true);
    String jobDeleted = startTimerDueIn(node, Duration.ofMillis(1500));
    String cancelled = startTimerDueIn(node, Duration.ofMillis(1500));
    String later = startTimerDueIn(node, Duration.ofMillis(2500));

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

  private ProcessEngine node(String name, Duration poll, boolean runsJobs) {
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setWaitTimeInMillis((int) poll.toMillis());
    jobExecutor.setMaxWait(poll.toMillis());
    JobExecutorWakeUp wakeUp = new JobExecutorWakeUp();
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(name + "-" + UUID.randomUUID());
    configuration.setHostname(name);
    configuration.setJdbcUrl(database);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setMetricsEnabled(false);
    configuration.setJobExecutor(jobExecutor);
    configuration.setJobExecutorActivate(runsJobs);
    configuration.setProcessEnginePlugins(List.of(wakeUp));
    ProcessEngine engine = configuration.buildProcessEngine();
    opened.push(wakeUp);
    opened.push(engine::close);
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("wakeUpProbe").count() == 0) {
      engine.getRepositoryService().createDeployment().addModelInstance("wakeUpProbe.bpmn", TIMER_PROCESS).deploy();
    }
    return engine;
  }

  private void closeAll() throws Exception {
    closeEngines();
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

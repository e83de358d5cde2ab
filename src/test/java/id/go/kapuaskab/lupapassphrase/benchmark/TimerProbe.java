package id.go.kapuaskab.lupapassphrase.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * How late timers fire: a process that waits at a timer for a given date and then notes, in the
 * job that fired it, how long after that date it ran. Like the SOP's SLA timers, each falls due
 * more than the job executor's 5 s wait after it was created, so the engine's own hint (for jobs due
 * within the wait) does not apply.
 */
public class TimerProbe implements JavaDelegate {

  static final String PROCESS_KEY = "benchmarkTimerProbe";
  private static final String DUE_AT = "dueAt";
  private static final Map<String, Long> LATENESS_BY_INSTANCE = new ConcurrentHashMap<>();

  static void deploy(ProcessEngine engine) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .intermediateCatchEvent("Timer_Probe").timerWithDate("${" + DUE_AT + "}")
        .serviceTask("Task_NoteLateness").camundaClass(TimerProbe.class)
        .endEvent()
        .done();
    engine.getRepositoryService().createDeployment().name(PROCESS_KEY)
        .addModelInstance(PROCESS_KEY + ".bpmn", model).deploy();
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date dueAt = (Date) execution.getVariable(DUE_AT);
    LATENESS_BY_INSTANCE.put(execution.getProcessInstanceId(), System.currentTimeMillis() - dueAt.getTime());
  }

  /** Starts one probe, whose timer falls due at that moment; its process instance id. */
  static String startWaiting(ProcessEngine engine, Date dueAt) {
    return engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, Map.of(DUE_AT, dueAt)).getId();
  }

  /**
   * Creates the timers one after another, spaced out, each due 6 to 10 s after its creation, and
   * waits until all have fired or the time limit has passed.
   *
   * @return each timer's lateness in milliseconds; a timer that did not fire in time counts as late by the limit
   */
  static List<Double> measure(ProcessEngine engine, int timers, Duration spacing, Duration limit) throws InterruptedException {
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < timers; i++) {
      long dueIn = 6_000 + ThreadLocalRandom.current().nextLong(4_000);
      Date dueAt = new Date(System.currentTimeMillis() + dueIn);
      instances.add(startWaiting(engine, dueAt));
      Thread.sleep(spacing.toMillis());
    }
    long deadline = System.currentTimeMillis() + limit.toMillis();
    while (!LATENESS_BY_INSTANCE.keySet().containsAll(instances) && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    return instances.stream()
        .map(id -> (double) LATENESS_BY_INSTANCE.getOrDefault(id, limit.toMillis()))
        .toList();
  }
}

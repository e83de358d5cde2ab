package id.go.kapuaskab.lupapassphrase.process;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;

/** The four SOP steps that carry a standard time, with the diagram elements that enforce it. */
public enum SopStep {
  SUBMIT_REQUEST(1, "Mengajukan permohonan lupa passphrase",
      ProcessIds.TASK_SUBMIT_REQUEST, ProcessIds.TIMER_SUBMIT_REQUEST_SLA, "SLA_LANGKAH_1"),
  VERIFY_AND_RESET(2, "Verifikator memeriksa surat dan mereset passphrase",
      ProcessIds.TASK_VERIFY_REQUEST, ProcessIds.TIMER_VERIFY_REQUEST_SLA, "SLA_LANGKAH_2"),
  RECEIVE_LINK(3, "Pemohon menerima tautan reset",
      ProcessIds.TASK_CONFIRM_LINK_RECEIVED, ProcessIds.TIMER_CONFIRM_LINK_SLA, "SLA_LANGKAH_3"),
  SET_NEW_PASSPHRASE(4, "Pemohon membuat passphrase baru",
      ProcessIds.TASK_SET_NEW_PASSPHRASE, ProcessIds.TIMER_SET_PASSPHRASE_SLA, "SLA_LANGKAH_4");

  private final int number;
  private final String title;
  private final String taskId;
  private final String timerId;
  private final String escalationCode;

  SopStep(int number, String title, String taskId, String timerId, String escalationCode) {
    this.number = number;
    this.title = title;
    this.taskId = taskId;
    this.timerId = timerId;
    this.escalationCode = escalationCode;
  }

  public int number() {
    return number;
  }

  public String title() {
    return title;
  }

  public String taskId() {
    return taskId;
  }

  public String timerId() {
    return timerId;
  }

  /** The step's standard time as the diagram's timer sets it, where the process owner edits it. */
  public Duration standardTime(BpmnModelInstance diagram) {
    BoundaryEvent timer = diagram.getModelElementById(timerId);
    TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
    return Duration.parse(definition.getTimeDuration().getTextContent().trim());
  }

  public static Optional<SopStep> byEscalationCode(String code) {
    return Arrays.stream(values()).filter(step -> step.escalationCode.equals(code)).findFirst();
  }

  public static Optional<SopStep> byTaskId(String taskId) {
    return Arrays.stream(values()).filter(step -> step.taskId.equals(taskId)).findFirst();
  }

  public static Optional<SopStep> byNumber(int number) {
    return Arrays.stream(values()).filter(step -> step.number == number).findFirst();
  }
}

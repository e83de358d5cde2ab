package id.go.kapuaskab.lupapassphrase.applicant;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.REFUSAL_REASON;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.REJECTION_REASON;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.RELATED_SOP;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFICATION_DECISION;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFIER_NOTE;

import id.go.kapuaskab.lupapassphrase.audit.Outcome;
import id.go.kapuaskab.lupapassphrase.process.ProcessIds;
import id.go.kapuaskab.lupapassphrase.process.SopStep;
import id.go.kapuaskab.lupapassphrase.process.VerificationDecision;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Reads the requests an applicant opened, newest first, and where each stands. Only requests she
 * started are ever read (the history's start user, which the engine sets from the logged-in user), so
 * the caller's identity is the one filter; the engine's own authorization checks are not involved.
 * The letter and the identity numbers are not read.
 */
@Component
class MyRequests {

  /** The newest this many; older ones are in Cockpit's history for the office. */
  static final int MAX_SHOWN = 100;

  /** Which stage each activity means, in the order an open request is judged by (a user task before a breach notice). */
  private static final Map<String, Stage> BY_ACTIVITY = Map.of(
      ProcessIds.TASK_VERIFY_REQUEST, Stage.MENUNGGU_VERIFIKATOR,
      ProcessIds.TASK_RESET_PASSPHRASE, Stage.RESET_DI_AMS,
      ProcessIds.TASK_CONFIRM_LINK_RECEIVED, Stage.TAUTAN_DIKIRIM,
      ProcessIds.TASK_RESEND_RESET_LINK, Stage.TAUTAN_DIKIRIM_ULANG,
      ProcessIds.TASK_SET_NEW_PASSPHRASE, Stage.BUAT_PASSPHRASE,
      ProcessIds.TASK_CHECK_CERTIFICATE_STATUS, Stage.PERIKSA_STATUS,
      ProcessIds.TASK_REVIEW_AMS_REFUSAL, Stage.DITINJAU_VERIFIKATOR,
      ProcessIds.TASK_NOTIFY_APPLICANT_EXPIRED, Stage.KEDALUWARSA,
      ProcessIds.TASK_NOTIFY_APPLICANT_REJECTED, Stage.DITOLAK_AMS);
  private static final String[] DETAILS = {VERIFICATION_DECISION, REJECTION_REASON, REFUSAL_REASON, VERIFIER_NOTE,
      RELATED_SOP};

  private final HistoryService history;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;

  MyRequests(ProcessEngine engine) {
    this.history = engine.getHistoryService();
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.repository = engine.getRepositoryService();
  }

  /** The applicant's requests, newest first, at most {@link #MAX_SHOWN}. */
  List<RequestStatus> of(String userId) {
    return statuses(ownedBy(userId).orderByProcessInstanceStartTime().desc().listPage(0, MAX_SHOWN), userId);
  }

  /** One of her requests by its number; empty when she opened none with that number. */
  Optional<RequestStatus> one(String userId, String number) {
    return statuses(ownedBy(userId).processInstanceBusinessKey(number).list(), userId).stream().findFirst();
  }

  private HistoricProcessInstanceQuery ownedBy(String userId) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).startedBy(userId);
  }

  private List<RequestStatus> statuses(List<HistoricProcessInstance> requests, String userId) {
    if (requests.isEmpty()) {
      return List.of();
    }
    String[] ids = requests.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    Map<String, Map<String, Object>> details = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids).variableNameIn(DETAILS)
        .disableBinaryFetching().disableCustomObjectDeserialization().list().stream()
        .sorted(Comparator.comparing(HistoricVariableInstance::getCreateTime))
        .forEach(variable -> details.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>())
            .put(variable.getName(), variable.getValue()));
    Set<String> running = requests.stream().filter(request -> request.getEndTime() == null)
        .map(HistoricProcessInstance::getId).collect(Collectors.toSet());
    Map<String, List<Task>> openTasks = running.isEmpty() ? Map.of()
        : tasks.createTaskQuery().processInstanceIdIn(running.toArray(String[]::new)).list().stream()
            .collect(Collectors.groupingBy(Task::getProcessInstanceId));
    return requests.stream()
        .map(request -> status(request, details.getOrDefault(request.getId(), Map.of()),
            openTasks.getOrDefault(request.getId(), List.of()), userId))
        .toList();
  }

  private RequestStatus status(HistoricProcessInstance request, Map<String, Object> details, List<Task> open,
      String userId) {
    Instant opened = request.getStartTime().toInstant();
    if (request.getEndTime() != null) {
      Stage stage = switch (Outcome.of(request)) {
        case DITERBITKAN -> Stage.DITERBITKAN;
        case DITOLAK -> Stage.DITOLAK_AMS;
        case KEDALUWARSA -> Stage.KEDALUWARSA;
        case DIBATALKAN -> Stage.DIBATALKAN;
        default -> Stage.DIHENTIKAN;
      };
      return new RequestStatus(request.getBusinessKey(), opened, stage, stage.words(), detail(stage, details),
          stage.turn().words(), null, null, null, false, null, request.getEndTime().toInstant());
    }
    Optional<Task> task = open.stream().findFirst();
    Stage stage = task.map(found -> stageAt(found.getTaskDefinitionKey(), details))
        .orElseGet(() -> stageOfActivities(request.getId()));
    Optional<SopStep> step = task.flatMap(found -> SopStep.byTask(
        repository.getBpmnModelInstance(found.getProcessDefinitionId()), found.getTaskDefinitionKey()));
    Instant due = step.map(found -> dueOf(request.getId(), task.get(), found)).orElse(null);
    String turn = stage.turn().words();
    if (stage.turn() == Stage.Turn.VERIFIKATOR && task.map(Task::getAssignee).isPresent()) {
      turn = "Verifikator (sedang diperiksa)";
    }
    String mine = task.filter(found -> userId.equals(found.getAssignee())).map(Task::getId).orElse(null);
    return new RequestStatus(request.getBusinessKey(), opened, stage, stage.words(), detail(stage, details), turn,
        step.map(found -> "Langkah " + found.number() + ": " + found.title()).orElse(null),
        step.map(SopStep::standardTimeInWords).orElse(null), due,
        due != null && due.isBefore(ClockUtil.getCurrentTime().toInstant()), mine, null);
  }

  private static Stage stageAt(String taskKey, Map<String, Object> details) {
    if (ProcessIds.TASK_SUBMIT_REQUEST.equals(taskKey)) {
      return VerificationDecision.REJECT.name().equals(details.get(VERIFICATION_DECISION))
          ? Stage.DITOLAK_VERIFIKATOR : Stage.MENUNGGU_PENGAJUAN;
    }
    return BY_ACTIVITY.getOrDefault(taskKey, Stage.DIPROSES);
  }

  /** No user task open: an AMS call or a notice is on its way. */
  private Stage stageOfActivities(String requestId) {
    List<String> active = runtime.getActiveActivityIds(requestId);
    return active.stream().map(BY_ACTIVITY::get).filter(stage -> stage != null).findFirst().orElse(Stage.DIPROSES);
  }

  /** The standard-time timer's due date while it waits; after it fired, when the step was due. */
  private Instant dueOf(String requestId, Task task, SopStep step) {
    Job timer = management.createJobQuery().processInstanceId(requestId).activityId(step.timerId()).timers()
        .list().stream().findFirst().orElse(null);
    return timer != null && timer.getDuedate() != null ? timer.getDuedate().toInstant()
        : task.getCreateTime().toInstant().plus(step.standardTime());
  }

  private static String detail(Stage stage, Map<String, Object> details) {
    return switch (stage) {
      case DITOLAK_VERIFIKATOR -> "Alasan: " + details.get(REJECTION_REASON);
      case DITINJAU_VERIFIKATOR -> "Jawaban AMS: " + details.get(REFUSAL_REASON);
      case DITOLAK_AMS -> "Jawaban AMS: " + details.get(REFUSAL_REASON)
          + (details.get(RELATED_SOP) == null ? "" : ". SOP terkait: " + details.get(RELATED_SOP))
          + (details.get(VERIFIER_NOTE) == null ? "" : ". Catatan verifikator: " + details.get(VERIFIER_NOTE));
      default -> null;
    };
  }
}

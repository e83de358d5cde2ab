package id.go.kapuaskab.lupapassphrase.audit;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CHECK_CERTIFICATE_STATUS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_RESEND_RESET_LINK;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_RESET_PASSPHRASE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.AMS_REFUSAL;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.CERTIFICATE_ISSUED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.CERTIFICATE_STATUS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.LINK_RESEND_COUNT;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.REFUSAL_REASON;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.RELATED_SOP;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_DUE_AT;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_FIRED_AT;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_RESPONSIBLE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_TASK;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFIED_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.TaskProperties.AUDIT_DECISION;
import static id.go.kapuaskab.lupapassphrase.process.TaskProperties.AUDIT_NOTE;

import id.go.kapuaskab.lupapassphrase.ams.api.CertificateStatus;
import id.go.kapuaskab.lupapassphrase.audit.RequestRecord.AmsCall;
import id.go.kapuaskab.lupapassphrase.audit.RequestRecord.Change;
import id.go.kapuaskab.lupapassphrase.audit.RequestRecord.Decision;
import id.go.kapuaskab.lupapassphrase.audit.RequestRecord.Incident;
import id.go.kapuaskab.lupapassphrase.audit.RequestRecord.Operation;
import id.go.kapuaskab.lupapassphrase.audit.RequestRecord.Passed;
import id.go.kapuaskab.lupapassphrase.process.SlaBreach;
import id.go.kapuaskab.lupapassphrase.process.TaskProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Reads one request's record from its history: the verifier's decisions and the AMS answers from
 * the variable updates made in each activity, failed AMS attempts from the job log, incidents, and
 * the user operation log. Only the variables the record needs are read out; the letter and the
 * identity numbers are not.
 */
final class RequestRecordReader {

  private static final Set<String> AMS_TASKS = Set.of(TASK_RESET_PASSPHRASE, TASK_RESEND_RESET_LINK,
      TASK_CHECK_CERTIFICATE_STATUS);
  private static final List<String> SLA_VARIABLES = List.of(SLA_TASK, SLA_DUE_AT, SLA_FIRED_AT,
      SLA_RESPONSIBLE);
  /** The operation log marks a completed task with this property; it says nothing more. */
  private static final String COMPLETE_PROPERTY = "delete";

  private final HistoryService history;
  private final RepositoryService repository;

  RequestRecordReader(ProcessEngine engine) {
    this.history = engine.getHistoryService();
    this.repository = engine.getRepositoryService();
  }

  RequestRecord read(RequestRow request, List<StepRun> steps) {
    String id = request.id();
    BpmnModelInstance diagram = repository.getBpmnModelInstance(request.definitionId());
    Set<String> recorded = RecordedVariables.of(diagram);
    List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery().processInstanceId(id)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().unlimitedList();
    List<HistoricVariableUpdate> updates = history.createHistoricDetailQuery().processInstanceId(id).variableUpdates()
        .disableBinaryFetching().disableCustomObjectDeserialization().orderByTime().asc().unlimitedList().stream()
        .map(HistoricVariableUpdate.class::cast)
        .filter(update -> recorded.contains(update.getVariableName()))
        .toList();
    List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery().processInstanceId(id).unlimitedList();
    List<UserOperationLogEntry> log = history.createUserOperationLogQuery().processInstanceId(id)
        .orderByTimestamp().asc().unlimitedList();
    List<HistoricJobLog> jobLog = history.createHistoricJobLogQuery().processInstanceId(id)
        .orderByTimestamp().asc().unlimitedList();
    List<HistoricIncident> incidents = history.createHistoricIncidentQuery().processInstanceId(id)
        .orderByCreateTime().asc().unlimitedList();

    Map<String, Map<String, Object>> valuesByActivity = new HashMap<>();
    updates.forEach(update -> valuesByActivity.computeIfAbsent(update.getActivityInstanceId(), key -> new HashMap<>())
        .put(update.getVariableName(), update.getValue()));
    Map<String, String> completers = new HashMap<>();
    log.stream().filter(entry -> UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(entry.getOperationType()))
        .forEach(entry -> completers.put(entry.getTaskId(), entry.getUserId()));

    List<String> problems = new ArrayList<>(request.problems());
    problems.addAll(unreadableBreaches(id));
    return new RequestRecord(request, steps,
        decisions(tasks, valuesByActivity, completers, problems, diagram),
        amsCalls(activities, jobLog, updates, valuesByActivity, diagram),
        incidents(incidents, log, diagram),
        operations(log, tasks, jobLog, diagram),
        path(activities), problems);
  }

  /** Breach records whose variables are not what the server writes: named, so the page says so. */
  private List<String> unreadableBreaches(String id) {
    Map<String, Map<String, Object>> byScope = new HashMap<>();
    history.createHistoricVariableInstanceQuery().processInstanceId(id).variableNameIn(SLA_VARIABLES.toArray(String[]::new))
        .disableBinaryFetching().disableCustomObjectDeserialization().unlimitedList().stream()
        .filter(variable -> SlaBreach.inBreachScope(variable.getActivityInstanceId()))
        .forEach(variable -> byScope.computeIfAbsent(variable.getActivityInstanceId(), scope -> new HashMap<>())
            .put(variable.getName(), variable.getValue()));
    return byScope.values().stream().filter(variables -> SlaBreach.of(variables).isEmpty())
        .map(variables -> "catatan pelanggaran waktu baku tidak terbaca (" + SLA_VARIABLES.stream()
            .map(name -> name + "=" + (variables.get(name) == null ? "-" : variables.get(name).getClass().getSimpleName()))
            .collect(Collectors.joining(", ")) + "), tidak dihitung")
        .toList();
  }

  /**
   * The decisions and notes people recorded: each completed task whose diagram element names a
   * decision or a note variable (TaskProperties), with what the server recorded of what was checked.
   */
  private static List<Decision> decisions(List<HistoricTaskInstance> tasks,
      Map<String, Map<String, Object>> valuesByActivity, Map<String, String> completers, List<String> problems,
      BpmnModelInstance diagram) {
    List<Decision> decisions = new ArrayList<>();
    tasks.stream()
        .filter(task -> task.getEndTime() != null)
        .sorted(Comparator.comparing(HistoricTaskInstance::getEndTime))
        .forEach(task -> {
          if (!(diagram.getModelElementById(task.getTaskDefinitionKey()) instanceof UserTask element)) {
            return;
          }
          Optional<String> decision = TaskProperties.of(element, AUDIT_DECISION);
          Optional<String> note = TaskProperties.of(element, AUDIT_NOTE);
          if (decision.isEmpty() && note.isEmpty()) {
            return;
          }
          Map<String, Object> values = valuesByActivity.getOrDefault(task.getActivityInstanceId(), Map.of());
          decisions.add(new Decision(task.getTaskDefinitionKey(), name(diagram, task.getTaskDefinitionKey()),
              task.getEndTime().toInstant(), completers.getOrDefault(task.getId(), task.getAssignee()),
              decision.map(variable -> text(values, variable, problems)).orElse(null),
              note.map(variable -> text(values, variable, problems)).orElse(null),
              text(values, VERIFIED_REQUEST, problems)));
        });
    return decisions;
  }

  /** A text the server or a form wrote; anything else is named as a problem instead of failing the page. */
  private static String text(Map<String, Object> values, String name, List<String> problems) {
    Object value = values.get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    problems.add(name + ": berisi " + value.getClass().getSimpleName() + ", bukan teks");
    return null;
  }

  /**
   * A completed call is an AMS activity that ran to its end; one AMS refused is cancelled by the
   * error boundary event, which records AMS's reason as it fires; a failed attempt leaves no activity,
   * only a failure in the job log (and, with no retries left, an incident).
   */
  private static List<AmsCall> amsCalls(List<HistoricActivityInstance> activities, List<HistoricJobLog> jobLog,
      List<HistoricVariableUpdate> updates, Map<String, Map<String, Object>> valuesByActivity,
      BpmnModelInstance diagram) {
    List<AmsCall> calls = new ArrayList<>();
    for (HistoricActivityInstance activity : activities) {
      if (!AMS_TASKS.contains(activity.getActivityId())) {
        continue;
      }
      Map<String, Object> values = valuesByActivity.getOrDefault(activity.getId(), Map.of());
      String name = name(diagram, activity.getActivityId());
      if (activity.getEndTime() == null) {
        calls.add(new AmsCall(activity.getActivityId(), name, activity.getStartTime().toInstant(),
            AmsCall.Result.BERJALAN, null));
      } else if (activity.isCanceled() && values.containsKey(AMS_REFUSAL)) {
        calls.add(new AmsCall(activity.getActivityId(), name, activity.getEndTime().toInstant(),
            AmsCall.Result.DITOLAK_AMS, refusal(values, refusalReasonAt(updates, activity))));
      } else {
        calls.add(new AmsCall(activity.getActivityId(), name, activity.getEndTime().toInstant(),
            AmsCall.Result.BERHASIL, answer(activity.getActivityId(), values)));
      }
    }
    jobLog.stream()
        .filter(entry -> entry.isFailureLog() && AMS_TASKS.contains(entry.getActivityId()))
        .forEach(entry -> calls.add(new AmsCall(entry.getActivityId(), name(diagram, entry.getActivityId()),
            entry.getTimestamp().toInstant(), AmsCall.Result.GAGAL, entry.getJobExceptionMessage())));
    calls.sort(Comparator.comparing(AmsCall::at));
    return calls;
  }

  private static String answer(String activityId, Map<String, Object> values) {
    return switch (activityId) {
      case TASK_RESET_PASSPHRASE -> "Reset diterima AMS; AMS mengirim tautan reset ke e-mail dinas pemohon.";
      case TASK_RESEND_RESET_LINK -> "Tautan reset dikirim ulang (ke-" + values.get(LINK_RESEND_COUNT) + ").";
      default -> "Status sertifikat di AMS: " + CertificateStatus.inWords(values.get(CERTIFICATE_STATUS)) + "; "
          + (Boolean.TRUE.equals(values.get(CERTIFICATE_ISSUED))
              ? "sertifikat terbit setelah reset." : "sertifikat belum terbit setelah reset.");
    };
  }

  private static String refusal(Map<String, Object> values, Object reason) {
    return Objects.toString(reason, "AMS menolak.") + " (status " + CertificateStatus.inWords(values.get(AMS_REFUSAL))
        + "; dialihkan ke "
        + values.get(RELATED_SOP) + ")";
  }

  /** The reason the error boundary event recorded as it cancelled the call, in the same moment. */
  private static Object refusalReasonAt(List<HistoricVariableUpdate> updates, HistoricActivityInstance call) {
    return updates.stream()
        .filter(update -> REFUSAL_REASON.equals(update.getVariableName()))
        .filter(update -> !update.getTime().before(call.getEndTime()))
        .map(HistoricVariableUpdate::getValue)
        .findFirst().orElse(null);
  }

  private static List<Incident> incidents(List<HistoricIncident> incidents, List<UserOperationLogEntry> log,
      BpmnModelInstance diagram) {
    return incidents.stream().map(incident -> {
      Incident.State state = incident.isOpen() ? Incident.State.TERBUKA
          : incident.isResolved() ? Incident.State.DISELESAIKAN : Incident.State.DIHAPUS;
      String resolvedBy = state == Incident.State.DISELESAIKAN ? retriedBy(log, incident) : null;
      return new Incident(incident.getActivityId(), name(diagram, incident.getActivityId()),
          incident.getIncidentType(), incident.getIncidentMessage(), incident.getCreateTime().toInstant(),
          incident.getEndTime() == null ? null : incident.getEndTime().toInstant(), state, resolvedBy);
    }).toList();
  }

  /** A failed-job incident is resolved when someone gives the job retries: the same moment, the same job. */
  private static String retriedBy(List<UserOperationLogEntry> log, HistoricIncident incident) {
    return log.stream()
        .filter(entry -> UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES.equals(entry.getOperationType()))
        .filter(entry -> Objects.equals(entry.getJobId(), incident.getConfiguration()))
        .filter(entry -> entry.getTimestamp().equals(incident.getEndTime()))
        .map(UserOperationLogEntry::getUserId)
        .findFirst().orElse(null);
  }

  private static List<Operation> operations(List<UserOperationLogEntry> log, List<HistoricTaskInstance> tasks,
      List<HistoricJobLog> jobLog, BpmnModelInstance diagram) {
    Map<String, String> taskNames = new HashMap<>();
    tasks.forEach(task -> taskNames.put(task.getId(), task.getName()));
    Map<String, String> jobActivities = new HashMap<>();
    jobLog.forEach(entry -> jobActivities.put(entry.getJobId(), entry.getActivityId()));

    Map<String, List<UserOperationLogEntry>> byOperation = new LinkedHashMap<>();
    log.forEach(entry -> byOperation.computeIfAbsent(entry.getOperationId(), key -> new ArrayList<>()).add(entry));
    return byOperation.values().stream().map(entries -> {
      UserOperationLogEntry first = entries.get(0);
      String target = first.getTaskId() != null ? taskNames.get(first.getTaskId())
          : first.getJobId() != null ? name(diagram, jobActivities.get(first.getJobId()))
          : null;
      List<Change> changes = entries.stream()
          .filter(entry -> entry.getProperty() != null && !COMPLETE_PROPERTY.equals(entry.getProperty()))
          .map(entry -> new Change(entry.getProperty(), entry.getOrgValue(), entry.getNewValue()))
          .toList();
      return new Operation(first.getTimestamp().toInstant(), first.getUserId(), first.getOperationType(),
          first.getEntityType(), target, changes);
    }).toList();
  }

  private static List<Passed> path(List<HistoricActivityInstance> activities) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, Boolean> active = new HashMap<>();
    for (HistoricActivityInstance activity : activities) {
      counts.computeIfAbsent(activity.getActivityId(), key -> new int[1])[0]++;
      active.merge(activity.getActivityId(), activity.getEndTime() == null, Boolean::logicalOr);
    }
    return counts.entrySet().stream()
        .map(entry -> new Passed(entry.getKey(), entry.getValue()[0], active.get(entry.getKey())))
        .toList();
  }

  private static String name(BpmnModelInstance diagram, String activityId) {
    if (activityId == null) {
      return null;
    }
    FlowElement element = diagram.getModelElementById(activityId);
    return element == null || element.getName() == null ? activityId : element.getName();
  }
}

package id.go.kapuaskab.lupapassphrase.audit;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_DUE_AT;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_FIRED_AT;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_RESPONSIBLE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_TASK;

import id.go.kapuaskab.lupapassphrase.process.SlaBreach;
import id.go.kapuaskab.lupapassphrase.process.SopStep;
import id.go.kapuaskab.lupapassphrase.servicehours.ServiceCalendar;
import id.go.kapuaskab.lupapassphrase.servicehours.ServiceHours;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstanceQuery;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Builds the runs of the SOP steps from the history: the user tasks that are steps in the request's own
 * diagram version ({@link SopStep}), who completed each (the operation log), the breaches their SLA
 * timers recorded, and the standard time as the timer of that version sets it, each run measured in the
 * clock its timer counts (the office's service hours or the wall clock). One request is read by its id; many, by the process and the
 * time since the oldest of them opened, then narrowed to the requests asked for.
 */
final class StepRunReader {

  private static final String COMPLETED = "completed";

  private final HistoryService history;
  private final RepositoryService repository;
  private final Instant now;
  private final ServiceCalendar calendar;
  private final Map<String, BpmnModelInstance> diagrams = new HashMap<>();

  StepRunReader(ProcessEngine engine, Instant now) {
    this.history = engine.getHistoryService();
    this.repository = engine.getRepositoryService();
    this.now = now;
    this.calendar = ServiceHours.of(engine).calendar();
  }

  List<StepRun> read(List<RequestRow> requests) {
    if (requests.isEmpty()) {
      return List.of();
    }
    Map<String, RequestRow> byId = requests.stream().collect(Collectors.toMap(RequestRow::id, Function.identity()));
    Optional<String> single = requests.size() == 1 ? Optional.of(requests.get(0).id()) : Optional.empty();
    Date since = Date.from(requests.stream().map(RequestRow::start).min(Comparator.naturalOrder()).orElseThrow()
        .minusSeconds(1));

    Map<String, String> completers = completers(single, since);
    Map<String, List<SlaBreach>> breaches = breaches(single, since, byId);
    List<HistoricTaskInstance> tasks = tasks(single, since).stream()
        .filter(task -> byId.containsKey(task.getProcessInstanceId()))
        .sorted(Comparator.comparing(HistoricTaskInstance::getProcessInstanceId)
            .thenComparing(HistoricTaskInstance::getStartTime).thenComparing(HistoricTaskInstance::getId))
        .toList();

    List<StepRun> runs = new ArrayList<>();
    Map<String, Integer> runNumbers = new HashMap<>();
    for (HistoricTaskInstance task : tasks) {
      RequestRow request = byId.get(task.getProcessInstanceId());
      // a task that is a step in another version of the diagram only is not one in this request
      SopStep.byTask(diagram(request.definitionId()), task.getTaskDefinitionKey()).ifPresent(step -> {
        int run = runNumbers.merge(request.id() + step.taskId(), 1, Integer::sum);
        runs.add(run(task, step, run, request, breaches.getOrDefault(request.id(), List.of()),
            completers.getOrDefault(task.getId(), task.getAssignee())));
      });
    }
    return runs;
  }

  private StepRun run(HistoricTaskInstance task, SopStep step, int run, RequestRow request, List<SlaBreach> breaches,
      String doneBy) {
    Instant start = task.getStartTime().toInstant();
    Instant end = task.getEndTime() == null ? null : task.getEndTime().toInstant();
    Instant until = end == null ? now : end;
    Duration wallClock = Duration.between(start, until);
    Duration elapsed = step.serviceHours() ? calendar.serviceTime(start, until) : wallClock;
    Duration standard = step.standardTime();
    List<StepRun.Breach> own = breaches.stream()
        .filter(breach -> step.taskId().equals(breach.taskId()))
        .filter(breach -> !breach.firedAt().toInstant().isBefore(start) && !breach.firedAt().toInstant().isAfter(until))
        .map(breach -> new StepRun.Breach(breach.dueAt().toInstant(), breach.firedAt().toInstant(), breach.responsible()))
        .toList();
    boolean completed = COMPLETED.equals(task.getDeleteReason());
    Verdict verdict = Verdict.of(completed, end != null, elapsed, standard, !own.isEmpty());
    return new StepRun(request.id(), step.number(), step.title(), run, step.taskId(), task.getId(), doneBy, start,
        end, completed, elapsed.toSeconds(), wallClock.toSeconds(), step.serviceHours(), standard.toSeconds(), verdict,
        own);
  }

  private List<HistoricTaskInstance> tasks(Optional<String> single, Date since) {
    HistoricTaskInstanceQuery query = history.createHistoricTaskInstanceQuery()
        .taskDefinitionKeyIn(stepTasks().toArray(String[]::new));
    single.ifPresentOrElse(query::processInstanceId, () -> query.processDefinitionKey(PROCESS_KEY).startedAfter(since));
    return query.unlimitedList();
  }

  /** The tasks that are SOP steps in any version of the diagram. */
  private Set<String> stepTasks() {
    Set<String> tasks = new HashSet<>();
    repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY).unlimitedList().forEach(version ->
        SopStep.in(diagram(version.getId())).forEach(step -> tasks.add(step.taskId())));
    return tasks;
  }

  /** Who completed each task: the operation log knows, also for a candidate task completed unclaimed. */
  private Map<String, String> completers(Optional<String> single, Date since) {
    UserOperationLogQuery query = history.createUserOperationLogQuery()
        .entityType(EntityTypes.TASK).operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE);
    single.ifPresentOrElse(query::processInstanceId, () -> query.processDefinitionKey(PROCESS_KEY).afterTimestamp(since));
    Map<String, String> completers = new HashMap<>();
    query.unlimitedList().forEach(entry -> completers.put(entry.getTaskId(), entry.getUserId()));
    return completers;
  }

  /** The breaches per request: each breach is the set of SLA variables of one breach subprocess instance. */
  private Map<String, List<SlaBreach>> breaches(Optional<String> single, Date since, Map<String, RequestRow> byId) {
    HistoricVariableInstanceQuery query = history.createHistoricVariableInstanceQuery()
        .variableNameIn(SLA_TASK, SLA_DUE_AT, SLA_FIRED_AT, SLA_RESPONSIBLE);
    single.ifPresentOrElse(query::processInstanceId, () -> query.processDefinitionKey(PROCESS_KEY).createdAfter(since));
    Map<String, Map<String, Object>> byScope = new HashMap<>();
    Map<String, String> requestOfScope = new HashMap<>();
    for (HistoricVariableInstance variable : query.unlimitedList()) {
      if (byId.containsKey(variable.getProcessInstanceId()) && SlaBreach.inBreachScope(variable.getActivityInstanceId())) {
        byScope.computeIfAbsent(variable.getActivityInstanceId(), scope -> new HashMap<>())
            .put(variable.getName(), variable.getValue());
        requestOfScope.put(variable.getActivityInstanceId(), variable.getProcessInstanceId());
      }
    }
    Map<String, List<SlaBreach>> breaches = new HashMap<>();
    // a record that is not as the server wrote it is left out here and named on the request (RequestRow.problems)
    byScope.forEach((scope, variables) -> SlaBreach.of(variables).ifPresent(breach ->
        breaches.computeIfAbsent(requestOfScope.get(scope), id -> new ArrayList<>()).add(breach)));
    return breaches;
  }

  private BpmnModelInstance diagram(String definitionId) {
    return diagrams.computeIfAbsent(definitionId, repository::getBpmnModelInstance);
  }
}

package id.go.kapuaskab.lupapassphrase.audit;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.APPLICANT_NAME;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SLA_TASK;

import id.go.kapuaskab.lupapassphrase.process.SlaBreach;
import id.go.kapuaskab.lupapassphrase.process.SopStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstanceQuery;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The SOP's history as the calling user may read it. Every read goes through the engine's API under
 * the caller's own authentication, so the engine's authorization checks decide what is seen: an
 * auditor sees every request, an applicant (no READ_HISTORY) sees none. Durations of what still
 * runs are measured to the engine's "now". The engine's page limit is for the caller's own queries:
 * what the history needs whole (the summary and the CSV of a period, one request's record) it reads
 * with {@code unlimitedList}; the list the caller pages through is at most 100 a page.
 */
public final class SopHistory {

  /** Ids per IN list, well below what any database takes. */
  static final int CHUNK = 500;

  private final ProcessEngine engine;
  private final HistoryService history;
  private final Instant now;

  private SopHistory(ProcessEngine engine) {
    this.engine = engine;
    this.history = engine.getHistoryService();
    this.now = ClockUtil.getCurrentTime().toInstant();
  }

  /** The history as the user authenticated on this thread may read it. */
  public static SopHistory asCaller(ProcessEngine engine) {
    Authentication caller = engine.getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new NoCallerException();
    }
    return new SopHistory(engine);
  }

  /** The requests that match, newest first, one page of them. */
  public RequestPage page(RequestFilter filter, int firstResult, int maxResults) {
    Optional<HistoricProcessInstanceQuery> query = query(filter);
    if (query.isEmpty()) {
      return new RequestPage(0, firstResult, maxResults, List.of());
    }
    long total = query.get().count();
    return new RequestPage(total, firstResult, maxResults, rows(query.get().listPage(firstResult, maxResults)));
  }

  /** Every request that matches, newest first. */
  public List<RequestRow> all(RequestFilter filter) {
    return query(filter).map(query -> rows(query.unlimitedList())).orElse(List.of());
  }

  public Optional<RequestRow> request(String id) {
    HistoricProcessInstance request = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).processInstanceId(id).singleResult();
    return request == null ? Optional.empty() : Optional.of(rows(List.of(request)).get(0));
  }

  /** Each run of each SOP step in the requests, with its verdict against the standard time. */
  public List<StepRun> stepRuns(List<RequestRow> requests) {
    return new StepRunReader(engine, now).read(requests);
  }

  /** Everything the SOP's record keeps of one request. */
  public Optional<RequestRecord> record(String id) {
    return request(id).map(request -> new RequestRecordReader(engine).read(request, stepRuns(List.of(request))));
  }

  public ComplianceSummary summary(RequestFilter filter) {
    List<RequestRow> requests = all(filter);
    return ComplianceSummary.of(requests, stepRuns(requests), newestSteps());
  }

  /** The same requests as {@link #summary}, summed up period by period. */
  public ComplianceTrend trend(RequestFilter filter, ComplianceTrend.Unit unit) {
    List<RequestRow> requests = all(filter);
    return ComplianceTrend.of(requests, stepRuns(requests), newestSteps(), unit);
  }

  /** The versions of the SOP's diagram the caller may read, newest first, each with when and by whom it was deployed. */
  public List<SopVersion> versions() {
    return SopVersions.all(engine);
  }

  /** The SOP steps of the newest version of the diagram. */
  private List<SopStep> newestSteps() {
    ProcessDefinition newest = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult();
    return newest == null ? List.of() : SopStep.in(engine.getRepositoryService().getBpmnModelInstance(newest.getId()));
  }

  /** The query for the filter, or empty when no request can match. */
  private Optional<HistoricProcessInstanceQuery> query(RequestFilter filter) {
    HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY);
    if (filter.openedFrom() != null) {
      query.startedAfter(filter.openedFrom());
    }
    if (filter.openedUntil() != null) {
      query.startedBefore(filter.openedUntil());
    }
    if (filter.applicant() != null) {
      query.startedBy(filter.applicant());
    }
    if (filter.businessKey() != null) {
      query.processInstanceBusinessKeyLike("%" + filter.businessKey() + "%");
    }
    if (filter.outcome() == Outcome.BERJALAN) {
      query.unfinished();
    } else if (filter.outcome() == Outcome.DIHENTIKAN) {
      // the diagram has no terminate end event: a request ends without an SOP end only when deleted
      query.externallyTerminated();
    } else if (filter.outcome() != null) {
      query.executedActivityIdIn(filter.outcome().endEventId());
    }
    if (filter.breached() != null) {
      Set<String> breached = breachedRequests(filter);
      if (filter.breached()) {
        if (breached.isEmpty()) {
          return Optional.empty();
        }
        query.processInstanceIds(breached);
      } else if (!breached.isEmpty()) {
        query.processInstanceIdNotIn(breached.toArray(String[]::new));
      }
    }
    return Optional.of(query.orderByProcessInstanceStartTime().desc().orderByProcessInstanceId().asc());
  }

  /** The requests with at least one breach: each breach keeps its task in its own scope. */
  private Set<String> breachedRequests(RequestFilter filter) {
    HistoricVariableInstanceQuery query = history.createHistoricVariableInstanceQuery()
        .processDefinitionKey(PROCESS_KEY).variableName(SLA_TASK);
    if (filter.openedFrom() != null) {
      query.createdAfter(filter.openedFrom());
    }
    Set<String> ids = new HashSet<>();
    query.unlimitedList().stream().filter(SopHistory::isBreach).forEach(variable -> ids.add(variable.getProcessInstanceId()));
    return ids;
  }

  /**
   * The rows, each with what is wrong in its record: a record an administrator changed by hand is
   * shown as such, and the other requests, the summary and the CSV read on as usual.
   */
  private List<RequestRow> rows(List<HistoricProcessInstance> requests) {
    Map<String, String> names = new HashMap<>();
    Map<String, Integer> breaches = new HashMap<>();
    Map<String, List<String>> problems = new HashMap<>();
    for (List<HistoricProcessInstance> chunk : chunks(requests)) {
      String[] ids = chunk.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(ids).variableNameIn(APPLICANT_NAME, SLA_TASK).disableBinaryFetching()
          .disableCustomObjectDeserialization().unlimitedList()) {
        String request = variable.getProcessInstanceId();
        if (APPLICANT_NAME.equals(variable.getName())) {
          if (variable.getValue() instanceof String name) {
            names.put(request, name);
          } else if (variable.getValue() != null) {
            problems.computeIfAbsent(request, id -> new ArrayList<>()).add(unexpected(variable, "teks"));
          }
        } else if (isBreach(variable)) {
          breaches.merge(request, 1, Integer::sum);
        } else {
          problems.computeIfAbsent(request, id -> new ArrayList<>()).add(SlaBreach.inBreachScope(
              variable.getActivityInstanceId()) ? unexpected(variable, "nama tugas")
              : SLA_TASK + ": catatan pelanggaran di luar subproses pelanggaran waktu baku, tidak dihitung");
        }
      }
    }
    return requests.stream().map(request -> {
      Instant start = request.getStartTime().toInstant();
      Instant end = request.getEndTime() == null ? null : request.getEndTime().toInstant();
      return new RequestRow(request.getId(), request.getBusinessKey(), request.getStartUserId(),
          names.get(request.getId()), request.getProcessDefinitionId(), request.getProcessDefinitionVersion(), start, end,
          Duration.between(start, end == null ? now : end).toSeconds(), Outcome.of(request),
          breaches.getOrDefault(request.getId(), 0), problems.getOrDefault(request.getId(), List.of()));
    }).toList();
  }

  private static boolean isBreach(HistoricVariableInstance slaTask) {
    return SlaBreach.inBreachScope(slaTask.getActivityInstanceId()) && slaTask.getValue() instanceof String;
  }

  static String unexpected(HistoricVariableInstance variable, String expected) {
    return variable.getName() + ": berisi " + variable.getTypeName() + ", bukan " + expected + " seperti yang ditulis sistem";
  }

  static <T> List<List<T>> chunks(List<T> items) {
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < items.size(); i += CHUNK) {
      chunks.add(items.subList(i, Math.min(items.size(), i + CHUNK)));
    }
    return chunks;
  }
}

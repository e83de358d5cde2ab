package id.go.kapuaskab.lupapassphrase.tasklist;

import static id.go.kapuaskab.lupapassphrase.process.Groups.VERIFIERS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;

import id.go.kapuaskab.lupapassphrase.process.Groups;
import id.go.kapuaskab.lupapassphrase.setup.SetupPhase;
import id.go.kapuaskab.lupapassphrase.setup.SetupStep.Phase;
import id.go.kapuaskab.lupapassphrase.setup.SetupStep;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters each role starts from, created once by name: "Tugas saya" (the applicant's and
 * the verifier's own tasks), the verifier queue, and the supervisor's view of every open task.
 */
@Component
@SetupPhase(Phase.FILTERS)
public class TasklistFilters implements SetupStep {

  public static final String MY_TASKS = "Tugas saya";
  public static final String VERIFIER_QUEUE = "Antrean verifikator";
  public static final String SUPERVISOR_VIEW = "Pantauan kepala bidang";

  private static final List<Map<String, String>> COLUMNS = List.of(
      Map.of("name", "applicantName", "label", "Pemohon"),
      Map.of("name", "agency", "label", "Perangkat daerah"));

  @Override
  public void apply(ProcessEngine processEngine) {
    FilterService filters = processEngine.getFilterService();
    TaskQuery mine = processEngine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}");
    TaskQuery queue = processEngine.getTaskService().createTaskQuery()
        .taskCandidateGroup(VERIFIERS).includeAssignedTasks();
    TaskQuery all = processEngine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS_KEY);
    create(filters, MY_TASKS, -10, "Tugas yang ditugaskan kepada saya", mine);
    create(filters, VERIFIER_QUEUE, 0, "Permohonan yang menunggu verifikator", queue);
    create(filters, SUPERVISOR_VIEW, 10, "Semua tugas permohonan Lupa Passphrase yang sedang berjalan", all);
  }

  private static void create(FilterService filters, String name, int priority, String description, TaskQuery query) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filters.newTaskFilter(name)
        .setQuery(query)
        .setProperties(Map.of("priority", priority, "description", description, "refresh", true,
            "variables", COLUMNS));
    filters.saveFilter(filter);
  }
}

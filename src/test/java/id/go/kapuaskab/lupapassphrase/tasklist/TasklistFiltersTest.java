package id.go.kapuaskab.lupapassphrase.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.RequestFixtures;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** The supervisor's named filter, run as each role with the engine's authorization checks. */
class TasklistFiltersTest extends IntegrationTest {

  @Test
  void theSupervisorsViewShowsEveryOpenTaskOfTheSopToTheSupervisorsOnly() {
    RequestFixtures fixtures = new RequestFixtures(engine);
    ProcessInstance atStepOne = fixtures.opened(DemoPeople.ANI);
    ProcessInstance atStepTwo = fixtures.waitingForVerifier(DemoPeople.BUDI);
    FilterService filters = engine.getFilterService();

    authenticateAs(DemoPeople.HENDRA.userId());
    Filter view = filters.createFilterQuery().filterName(TasklistFilters.SUPERVISOR_VIEW).singleResult();
    // one page, as Tasklist asks for it: the engine refuses a logged-in user's query without one
    List<Task> tasks = filters.listPage(view.getId(), engine.getTaskService().createTaskQuery()
        .processInstanceIdIn(atStepOne.getId(), atStepTwo.getId()), 0, 15);
    assertThat(tasks).extracting(Task::getProcessInstanceId).contains(atStepOne.getId(), atStepTwo.getId());

    for (String user : List.of(DemoPeople.ANI.userId(), DemoPeople.VERA.userId(), DemoPeople.RINA.userId())) {
      authenticateAs(user);
      assertThat(filters.createFilterQuery().filterName(TasklistFilters.SUPERVISOR_VIEW).count()).as(user).isZero();
    }
  }
}

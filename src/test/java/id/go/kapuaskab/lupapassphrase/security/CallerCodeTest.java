package id.go.kapuaskab.lupapassphrase.security;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.EngineApi;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Answer;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Door;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import id.go.kapuaskab.lupapassphrase.support.Users;
import id.go.kapuaskab.lupapassphrase.tasklist.TasklistFilters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No code of a caller's choosing runs on the server: an expression in a query, at any depth, is
 * refused before anything is evaluated; a caller's read changes nothing; a password is checked only by
 * its owner; and the applicant's own steps stay hers. Each hostile call is made through both doors of
 * the engine's API, next to the honest call through the same endpoint.
 */
class CallerCodeTest extends IntegrationTest {

  /** Evaluated, it would answer Ani's tasks (it did, through orQueries): the proof that it ran. */
  private static final String HARMLESS = "${'an'.concat('i')}";
  /** The road to Runtime.exec. */
  private static final String REFLECTION = "${''.getClass().forName('java.lang.Runtime')}";
  /** Any bean of the application context, here the one that gives every setting, passwords included. */
  private static final String BEAN = "${environment.getProperty('lupa-passphrase.demo.password')}";

  /** A page of tasks, as Tasklist asks for one (every query has a page size). */
  private static final String FIRST_PAGE_OF_TASKS = "/task?firstResult=0&maxResults=15";
  /** Newest first, so the page holds the task just made. */
  private static final List<Map<String, String>> NEWEST_FIRST = List.of(Map.of("sortBy", "created", "sortOrder", "desc"));

  private final List<SopRun> opened = new ArrayList<>();

  @AfterEach
  void endTheRequestsOpenedHere() {
    opened.forEach(run -> {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(run.id()).count() > 0) {
        engine.getRuntimeService().deleteProcessInstance(run.id(), "test over");
      }
    });
    Mocks.reset();
  }

  private SopRun openedByAni() {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.now());
    opened.add(run);
    return run;
  }

  // --- an expression in a query is refused, at any depth ------------------------------------------

  @ParameterizedTest
  @EnumSource(Door.class)
  void anExpressionInAnyQueryIsRefusedBeforeItRunsAndThePlainQueryStillAnswers(Door door) {
    String task = openedByAni().taskId(TASK_SUBMIT_REQUEST);
    EngineApi ani = door.as(port, "ani");

    for (String expression : List.of(HARMLESS, REFLECTION, BEAN)) {
      Map<String, Object> nested = Map.of("orQueries", List.of(Map.of("assigneeExpression", expression)));
      for (String path : List.of(FIRST_PAGE_OF_TASKS, "/task/count")) {
        Answer refused = ani.call("POST", path, nested);
        assertThat(refused.status()).as(path + " " + expression).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("ekspresi").contains("data, bukan kode");
      }
      assertThat(ani.call("POST", FIRST_PAGE_OF_TASKS, Map.of("assigneeExpression", expression)).status())
          .as("top level " + expression).isEqualTo(400);
      assertThat(ani.call("GET", FIRST_PAGE_OF_TASKS + "&candidateUserExpression=" + encode(expression), null).status())
          .as("query string " + expression).isEqualTo(400);
    }

    Answer honest = ani.call("POST", FIRST_PAGE_OF_TASKS,
        Map.of("orQueries", List.of(Map.of("assignee", "ani")), "sorting", NEWEST_FIRST));
    assertThat(honest.status()).isEqualTo(200);
    assertThat(honest.json().findValuesAsText("id")).contains(task);
    assertThat(ani.call("POST", "/task/count", Map.of("orQueries", List.of(Map.of("assignee", "ani")))).json()
        .get("count").asLong()).isPositive();
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aSavedFilterKeepsTheAdministratorsExpressionButTakesNoneFromTheCaller(Door door) {
    String task = openedByAni().taskId(TASK_SUBMIT_REQUEST);
    String myTasks = filterId(TasklistFilters.MY_TASKS);
    EngineApi ani = door.as(port, "ani");

    for (String path : List.of("/filter/" + myTasks + "/list", "/filter/" + myTasks + "/count")) {
      assertThat(ani.call("POST", path, Map.of("orQueries", List.of(Map.of("assigneeExpression", HARMLESS)))).status())
          .as(path).isEqualTo(400);
      assertThat(ani.call("POST", path, Map.of("assigneeExpression", HARMLESS)).status()).as(path).isEqualTo(400);
    }
    assertThat(ani.call("PUT", "/filter/" + myTasks, Map.of("resourceType", "Task", "name", "Tugas saya",
        "query", Map.of("assigneeExpression", REFLECTION))).status()).isEqualTo(403);

    // the filter's own ${currentUser()} still gives Ani her tasks, as Tasklist asks for them
    Answer list = ani.call("POST", "/filter/" + myTasks + "/list?firstResult=0&maxResults=15",
        Map.of("sorting", NEWEST_FIRST));
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().findValuesAsText("id")).contains(task);
    assertThat(((TaskQueryImpl) engine.getFilterService().getFilter(myTasks).getQuery()).getExpressions())
        .containsValue("${currentUser()}");
  }

  @Test
  void aChangeNestedInACallersReadIsRefusedAndTheReadLeavesNothingBehind() {
    String task = openedByAni().taskId(TASK_SUBMIT_REQUEST);
    // an expression of a saved filter that writes: here a comment on Ani's task (Mocks stands in for a
    // bean or a plugin that would do so; the caller's own expressions never get this far)
    Mocks.register("writer", new CommentWriter(engine, task));
    Filter writing = engine.getFilterService().newTaskFilter("uji-tulis")
        .setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression("${writer.comment()}"));
    engine.getFilterService().saveFilter(writing);
    Authorization readable = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    readable.setUserId("ani");
    readable.setResource(Resources.FILTER);
    readable.setResourceId(writing.getId());
    readable.addPermission(Permissions.READ);
    engine.getAuthorizationService().saveAuthorization(readable);
    try {
      assertThatThrownBy(() -> Users.as(engine, "ani", () -> engine.getFilterService().listPage(writing.getId(), 0, 15)))
          .isInstanceOf(RefusedCallException.class)
          .hasMessageContaining("tidak boleh mengubah");
      assertThat(engine.getTaskService().getTaskComments(task)).isEmpty();

      // the same filter listed by the server's own code writes: the refusal above is the guard's
      assertThat(engine.getFilterService().list(writing.getId())).extracting("id").contains(task);
      assertThat(engine.getTaskService().getTaskComments(task)).hasSize(1);
    } finally {
      engine.getFilterService().deleteFilter(writing.getId());
    }

    // a caller's change runs the SOP's own listeners, which write, as before: Ani submits step 1
    SopRun run = openedByAni().submitAfter(Duration.ofMinutes(1));
    assertThat(run.taskId(TASK_VERIFY_REQUEST)).isNotNull();
  }

  // --- a password is checked by its owner only ----------------------------------------------------

  @ParameterizedTest
  @EnumSource(Door.class)
  void aCallerChecksOnlyTheirOwnPassword(Door door) {
    EngineApi ani = door.as(port, "ani");

    assertThat(ani.call("POST", "/identity/verify", Map.of("username", "vera", "password", "demo")).status())
        .isEqualTo(403);
    Answer own = ani.call("POST", "/identity/verify", Map.of("username", "ani", "password", "demo"));
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().get("authenticated").asBoolean()).isTrue();
    assertThat(EngineApi.basic(port, "admin").call("POST", "/identity/verify",
        Map.of("username", "vera", "password", "demo")).json().get("authenticated").asBoolean()).isTrue();
  }

  // --- the applicant's own steps stay hers --------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Door.class)
  void anApplicantsStepCanNeitherBeGivenBackNorTakenByAnotherAndTheAdministratorRepairs(Door door) {
    String task = openedByAni().taskId(TASK_SUBMIT_REQUEST);
    EngineApi ani = door.as(port, "ani");
    EngineApi vera = door.as(port, "vera");

    Answer unclaim = ani.call("POST", "/task/" + task + "/unclaim", null);
    assertThat(unclaim.status()).isEqualTo(403);
    assertThat(unclaim.json().get("message").asText()).contains("milik pemohon");
    assertThat(ani.call("POST", "/task/" + task + "/assignee", Map.of()).status()).isEqualTo(403);
    assertThat(assignee(task)).isEqualTo("ani");

    // were it free (only the administrator can free it), no verifier could take it
    assertThat(EngineApi.basic(port, "admin").call("POST", "/task/" + task + "/unclaim", null).status()).isEqualTo(204);
    assertThat(vera.call("POST", "/task/" + task + "/claim", Map.of("userId", "vera")).status()).isEqualTo(403);
    assertThat(assignee(task)).isNull();
    assertThat(ani.call("POST", "/task/" + task + "/claim", Map.of("userId", "ani")).status()).isEqualTo(204);
    assertThat(assignee(task)).isEqualTo("ani");

    // a verifier's step is still given back to the queue by the verifier who claimed it
    SopRun run = openedByAni().submitAfter(Duration.ofMinutes(1));
    String verify = run.taskId(TASK_VERIFY_REQUEST);
    assertThat(vera.call("POST", "/task/" + verify + "/claim", Map.of("userId", "vera")).status()).isEqualTo(204);
    assertThat(vera.call("POST", "/task/" + verify + "/unclaim", null).status()).isEqualTo(204);
    assertThat(assignee(verify)).isNull();
  }

  /** Writes a comment on the task whenever an expression calls it. */
  public record CommentWriter(ProcessEngine engine, String taskId) {
    public String comment() {
      engine.getTaskService().createComment(taskId, null, "ditulis dari dalam pembacaan");
      return "ani";
    }
  }

  private String assignee(String taskId) {
    return engine.getTaskService().createTaskQuery().taskId(taskId).singleResult().getAssignee();
  }

  private String filterId(String name) {
    return engine.getFilterService().createFilterQuery().filterName(name).singleResult().getId();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

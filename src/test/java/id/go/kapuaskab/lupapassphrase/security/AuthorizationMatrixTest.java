package id.go.kapuaskab.lupapassphrase.security;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.process.SubmitAction;
import id.go.kapuaskab.lupapassphrase.process.VerificationDecision;
import id.go.kapuaskab.lupapassphrase.support.RequestFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Every role, and anonymous, against every operation, over real HTTP on /engine-rest. Each cell is
 * the status expected; for queries (always 200) how many of the fixture's rows the role sees. Ani (A) owns
 * the fixture requests; Budi (B) is another applicant. The matrix is written to target/.
 */
class AuthorizationMatrixTest extends IntegrationTest {

  enum Role {
    ANONYMOUS(null), APPLICANT_A("ani"), APPLICANT_B("budi"), VERIFIER("vera"), SUPERVISOR("hendra"),
    AUDITOR("rina"), PROCESS_OWNER("putu"), ADMIN("admin");

    final String user;

    Role(String user) {
      this.user = user;
    }
  }

  /** What a cell expects: a status and, for queries, the number of fixture rows visible. */
  record Expect(int status, Integer rows) {
    static Expect of(int status) {
      return new Expect(status, null);
    }

    @Override
    public String toString() {
      return rows == null ? String.valueOf(status) : status + " (" + rows + ")";
    }
  }

  private static final int OK = 200;
  private static final int NO_CONTENT = 204;
  private static final int UNAUTHORIZED = 401;
  private static final int FORBIDDEN = 403;
  private static final int NOT_FOUND = 404;
  private static final int BAD_REQUEST = 400;

  /** anonymous, applicant A, applicant B, verifier, supervisor, auditor, process owner, admin */
  enum Operation {
    LIST_A_TASKS("list tasks of A's request", rows(0, 1, 0, 1, 1, 1, 0, 1)),
    LIST_VERIFIER_QUEUE("list the verifier queue", rows(0, 0, 0, 1, 1, 1, 0, 1)),
    // the verifier reads every request's data (below), through its tasks as well
    READ_A_TASK_VARIABLES("read A's task variables", codes(FORBIDDEN, OK, FORBIDDEN, OK, OK, OK, FORBIDDEN, OK)),
    READ_A_LETTER_ON_TASK("read the letter on A's task", codes(FORBIDDEN, OK, FORBIDDEN, OK, OK, OK, FORBIDDEN, OK)),
    READ_A_REQUEST_VARIABLES("read A's request variables", codes(FORBIDDEN, OK, FORBIDDEN, OK, OK, OK, FORBIDDEN, OK)),
    READ_A_LETTER_ON_REQUEST("read the letter of A's request", codes(FORBIDDEN, OK, FORBIDDEN, OK, OK, OK, FORBIDDEN, OK)),
    READ_VERIFY_TASK_VARIABLES("read the verifier task's variables", codes(FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK, OK, FORBIDDEN, OK)),
    CLAIM_VERIFY_TASK("claim the verifier task", codes(FORBIDDEN, FORBIDDEN, FORBIDDEN, NO_CONTENT, FORBIDDEN, FORBIDDEN, FORBIDDEN, NO_CONTENT)),
    COMPLETE_A_TASK("complete A's task", codes(FORBIDDEN, NO_CONTENT, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NO_CONTENT)),
    COMPLETE_VERIFY_TASK("complete the verifier task", codes(FORBIDDEN, FORBIDDEN, FORBIDDEN, NO_CONTENT, FORBIDDEN, FORBIDDEN, FORBIDDEN, NO_CONTENT)),
    START_REQUEST("start a request", codes(FORBIDDEN, OK, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK)),
    // the history API answers a request the user may not read as not found: it does not reveal that it exists
    READ_HISTORY("read A's request history", codes(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK, OK, NOT_FOUND, OK)),
    QUERY_HISTORY("query history for A's request", rows(0, 0, 0, 0, 1, 1, 0, 1)),
    DELETE_REQUEST("cancel (delete) A's request", codes(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NO_CONTENT)),
    CHANGE_REQUEST_VARIABLE("change a variable of A's request", codes(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NO_CONTENT)),
    CHANGE_TASK_VARIABLE("change a variable of A's task", codes(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NO_CONTENT)),
    MODIFY_REQUEST("move A's request elsewhere (modification)", codes(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NO_CONTENT)),
    READ_METRICS("read the engine's metrics", codes(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK)),
    // the process owner deploys the SOP's diagram and forms, nothing else (deployment/SopDeployments)
    DEPLOY("deploy a process", codes(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, BAD_REQUEST, OK)),
    DEPLOY_SOP("deploy the SOP's diagram", codes(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK)),
    CREATE_USER("create a user", codes(FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, NO_CONTENT));

    final String title;
    final Map<Role, Expect> expected;

    Operation(String title, Map<Role, Expect> expected) {
      this.title = title;
      this.expected = expected;
    }

    /** Operations that change the fixture get a fresh one for each role. */
    boolean changesTheFixture() {
      return switch (this) {
        case CLAIM_VERIFY_TASK, COMPLETE_A_TASK, COMPLETE_VERIFY_TASK, DELETE_REQUEST, CHANGE_REQUEST_VARIABLE,
            CHANGE_TASK_VARIABLE, MODIFY_REQUEST -> true;
        default -> false;
      };
    }

    private static Map<Role, Expect> codes(int... byAuthenticatedRole) {
      Map<Role, Expect> expected = new EnumMap<>(Role.class);
      expected.put(Role.ANONYMOUS, Expect.of(UNAUTHORIZED));
      for (int i = 1; i < Role.values().length; i++) {
        expected.put(Role.values()[i], Expect.of(byAuthenticatedRole[i]));
      }
      return expected;
    }

    /** A query: always 200 for a logged-in user, and this many of the fixture's rows visible. */
    private static Map<Role, Expect> rows(int... byRole) {
      Map<Role, Expect> expected = new EnumMap<>(Role.class);
      expected.put(Role.ANONYMOUS, Expect.of(UNAUTHORIZED));
      for (int i = 1; i < Role.values().length; i++) {
        expected.put(Role.values()[i], new Expect(OK, byRole[i]));
      }
      return expected;
    }
  }

  private static final List<String> MATRIX = new ArrayList<>();
  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  private TestRestTemplate http;

  private RequestFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new RequestFixtures(engine);
  }

  @ParameterizedTest
  @EnumSource(Operation.class)
  void everyRoleGetsExactlyWhatItsRoleAllows(Operation operation) {
    StringBuilder line = new StringBuilder("| " + operation.title + " |");
    List<String> mismatches = new ArrayList<>();
    Fixture fixture = new Fixture();
    for (Role role : Role.values()) {
      Expect expected = operation.expected.get(role);
      Expect actual = perform(operation, role, operation.changesTheFixture() ? new Fixture() : fixture);
      line.append(' ').append(actual).append(" |");
      if (!actual.equals(expected)) {
        mismatches.add(role + ": expected " + expected + " but was " + actual);
      }
    }
    MATRIX.add(line.toString());
    assertThat(mismatches).as(operation.title).isEmpty();
  }

  @AfterAll
  static void writeMatrix() throws IOException {
    List<String> table = new ArrayList<>();
    table.add("| operation | anonymous | applicant A (ani) | applicant B (budi) | verifier (vera) | supervisor (hendra) | auditor (rina) | process owner (putu) | admin |");
    table.add("|---|---|---|---|---|---|---|---|---|");
    table.addAll(MATRIX);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/authorization-matrix.md"), table);
    table.forEach(System.out::println);
  }

  /** Two requests of applicant A: one sent back to A (A's task, with the letter), one in the verifier queue. */
  private final class Fixture {
    final ProcessInstance rejected = fixtures.rejected(DemoPeople.ANI, DemoPeople.VERA);
    final ProcessInstance waiting = fixtures.waitingForVerifier(DemoPeople.ANI);
    final String aTask = fixtures.task(rejected, TASK_SUBMIT_REQUEST).getId();
    final String verifyTask = fixtures.task(waiting, TASK_VERIFY_REQUEST).getId();
  }

  private Expect perform(Operation operation, Role role, Fixture fixture) {
    ProcessInstance rejected = fixture.rejected;
    ProcessInstance waiting = fixture.waiting;
    String aTask = fixture.aTask;
    String verifyTask = fixture.verifyTask;
    BiFunction<HttpMethod, String, ResponseEntity<byte[]>> call = (method, path) -> exchange(role, method, path, null);

    return switch (operation) {
      case LIST_A_TASKS -> rows(call.apply(HttpMethod.GET, "/task?maxResults=15&processInstanceId=" + rejected.getId()));
      case LIST_VERIFIER_QUEUE -> rows(call.apply(HttpMethod.GET,
          "/task?maxResults=15&candidateGroup=verifikator&processInstanceId=" + waiting.getId()));
      case READ_A_TASK_VARIABLES -> status(call.apply(HttpMethod.GET, "/task/" + aTask + "/variables"));
      case READ_A_LETTER_ON_TASK -> status(call.apply(HttpMethod.GET, "/task/" + aTask + "/variables/statementLetter/data"));
      case READ_A_REQUEST_VARIABLES -> status(call.apply(HttpMethod.GET, "/process-instance/" + rejected.getId() + "/variables"));
      case READ_A_LETTER_ON_REQUEST -> status(call.apply(HttpMethod.GET,
          "/process-instance/" + rejected.getId() + "/variables/statementLetter/data"));
      case READ_VERIFY_TASK_VARIABLES -> status(call.apply(HttpMethod.GET, "/task/" + verifyTask + "/variables"));
      case CLAIM_VERIFY_TASK -> status(exchange(role, HttpMethod.POST, "/task/" + verifyTask + "/claim",
          Map.of("userId", role.user == null ? "vera" : role.user)));
      case COMPLETE_A_TASK -> status(exchange(role, HttpMethod.POST, "/task/" + aTask + "/complete",
          Map.of("variables", Map.of("submitAction", Map.of("value", SubmitAction.SUBMIT.name(), "type", "String")))));
      case COMPLETE_VERIFY_TASK -> status(exchange(role, HttpMethod.POST, "/task/" + verifyTask + "/complete",
          Map.of("variables", Map.of(
              "verificationDecision", Map.of("value", VerificationDecision.REJECT.name(), "type", "String"),
              "rejectionReason", Map.of("value", "Tanda tangan tidak jelas.", "type", "String")))));
      case START_REQUEST -> status(exchange(role, HttpMethod.POST, "/process-definition/key/" + PROCESS_KEY + "/start", Map.of()));
      case READ_HISTORY -> status(call.apply(HttpMethod.GET, "/history/process-instance/" + rejected.getId()));
      case QUERY_HISTORY -> rows(call.apply(HttpMethod.GET, "/history/process-instance?maxResults=15&processInstanceId=" + rejected.getId()));
      case DELETE_REQUEST -> status(call.apply(HttpMethod.DELETE, "/process-instance/" + rejected.getId()));
      case CHANGE_REQUEST_VARIABLE -> status(exchange(role, HttpMethod.PUT,
          "/process-instance/" + rejected.getId() + "/variables/agency", Map.of("value", "Diubah", "type", "String")));
      case CHANGE_TASK_VARIABLE -> status(exchange(role, HttpMethod.PUT,
          "/task/" + aTask + "/variables/agency", Map.of("value", "Diubah", "type", "String")));
      case MODIFY_REQUEST -> status(exchange(role, HttpMethod.POST, "/process-instance/" + waiting.getId() + "/modification",
          Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", TASK_VERIFY_REQUEST),
              Map.of("type", "startBeforeActivity", "activityId", TASK_SUBMIT_REQUEST)))));
      case READ_METRICS -> status(call.apply(HttpMethod.GET, "/metrics/activity-instance-start/sum"));
      case DEPLOY -> status(deploy(role));
      case DEPLOY_SOP -> status(deploySop(role));
      case CREATE_USER -> status(exchange(role, HttpMethod.POST, "/user/create", Map.of(
          "profile", Map.of("id", "mallory" + System.nanoTime() % 100000, "firstName", "M", "lastName", "X", "email", "m@x.go.id"),
          "credentials", Map.of("password", "Sangat-Rahasia-2026"))));
    };
  }

  private ResponseEntity<byte[]> exchange(Role role, HttpMethod method, String path, Object body) {
    TestRestTemplate client = role.user == null ? http : http.withBasicAuth(role.user, "demo");
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM, MediaType.ALL));
    return client.exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers), byte[].class);
  }

  private ResponseEntity<byte[]> deploy(Role role) {
    TestRestTemplate client = role.user == null ? http : http.withBasicAuth(role.user, "demo");
    String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"x\">"
        + "<process id=\"matrix-test\" isExecutable=\"false\" camunda:historyTimeToLive=\"1\"><startEvent id=\"s\"/></process></definitions>";
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "matrix-test");
    form.add("data", new ByteArrayResource(bpmn.getBytes()) {
      @Override
      public String getFilename() {
        return "matrix-test.bpmn";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return client.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(form, headers), byte[].class);
  }

  /** The SOP's diagram as Camunda Modeler deploys it; a new version is removed again at once. */
  private ResponseEntity<byte[]> deploySop(Role role) {
    TestRestTemplate client = role.user == null ? http : http.withBasicAuth(role.user, "demo");
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "matrix-test-sop");
    form.add("deployment-source", "Camunda Modeler");
    form.add("lupa-passphrase.bpmn", new FileSystemResource(Path.of("bpmn/lupa-passphrase.bpmn")));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<byte[]> response = client.exchange("/engine-rest/deployment/create", HttpMethod.POST,
        new HttpEntity<>(form, headers), byte[].class);
    engine.getRepositoryService().createDeploymentQuery().deploymentName("matrix-test-sop").listPage(0, 10)
        .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
    return response;
  }

  private static Expect status(ResponseEntity<?> response) {
    return Expect.of(response.getStatusCode().value());
  }

  private static Expect rows(ResponseEntity<byte[]> response) {
    int status = response.getStatusCode().value();
    if (status != OK) {
      return Expect.of(status);
    }
    try {
      return new Expect(OK, JSON.readTree(response.getBody()).size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

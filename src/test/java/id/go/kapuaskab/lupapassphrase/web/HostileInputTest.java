package id.go.kapuaskab.lupapassphrase.web;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static id.go.kapuaskab.lupapassphrase.support.RestVariables.string;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.Browserless;
import id.go.kapuaskab.lupapassphrase.support.EngineApi;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Answer;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Door;
import id.go.kapuaskab.lupapassphrase.support.RestVariables;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import id.go.kapuaskab.lupapassphrase.tasklist.TasklistFilters;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad input gets 4xx, never 500, at both doors of the engine's REST API (/engine-rest with HTTP Basic,
 * the webapps' API with a session): a body over the size limit sent in chunks, a serialized object as
 * a variable wherever variables are sent, a call without the body its method needs. Each time the
 * honest call through the same endpoint still works.
 */
class HostileInputTest extends IntegrationTest {

  /** java.util.ArrayList, serialized by Java: what a gadget chain would be sent as. */
  private static final String JAVA_SERIALIZED = "rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==";
  private static final Map<String, Object> JAVA_OBJECT = Map.of("type", "Object", "value", JAVA_SERIALIZED,
      "valueInfo", Map.of("objectTypeName", "java.util.ArrayList",
          "serializationDataFormat", "application/x-java-serialized-object"));
  /** The same without a format: the engine would pick Java's. */
  private static final Map<String, Object> OBJECT_OF_DEFAULT_FORMAT = Map.of("type", "Object", "value", JAVA_SERIALIZED,
      "valueInfo", Map.of("objectTypeName", "java.util.ArrayList"));
  private static final Map<String, Object> JSON_OBJECT = Map.of("type", "Object", "value", "[]",
      "valueInfo", Map.of("objectTypeName", "java.util.ArrayList", "serializationDataFormat", "application/json"));

  // --- a body over the size limit, sent in chunks -------------------------------------------------

  @ParameterizedTest
  @EnumSource(Door.class)
  void aChunkedBodyOverTheLimitIsRefusedWhoeverWouldReadIt(Door door) {
    String open = "/process-definition/key/" + PROCESS_KEY + "/submit-form";
    long before = requestsOf("ani");
    byte[] oversized = ("{\"variables\":{},\"x\":\"" + "a".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

    Answer refused = chunked(door, "ani", open, "application/json", oversized);

    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.json().get("message").asText()).isEqualTo("Isi permintaan lebih dari 4 MB dan tidak diterima.");
    if (door == Door.ENGINE_REST) {
      // the multipart reader, not Jersey's JSON reader, would have read this one
      String task = SopRun.openedAt(engine, ams, DemoPeople.BUDI, Instant.now()).taskId(TASK_SUBMIT_REQUEST);
      String letter = "--x\r\nContent-Disposition: form-data; name=\"content\"; filename=\"besar.txt\"\r\n\r\n"
          + "a".repeat(5 * 1024 * 1024) + "\r\n--x--\r\n";
      Answer attachment = chunked(door, "admin", "/task/" + task + "/attachment/create", "multipart/form-data; boundary=x",
          letter.getBytes(StandardCharsets.UTF_8));
      assertThat(attachment.status()).isEqualTo(413);
      assertThat(engine.getTaskService().getTaskAttachments(task)).isEmpty();
    }
    assertThat(requestsOf("ani")).isEqualTo(before);

    Answer honest = chunked(door, "ani", open, "application/json", "{\"variables\":{}}".getBytes(StandardCharsets.UTF_8));
    assertThat(honest.status()).isEqualTo(200);
    assertThat(requestsOf("ani")).isEqualTo(before + 1);
  }

  // --- a serialized object as a variable, wherever variables are sent -----------------------------

  @ParameterizedTest
  @EnumSource(Door.class)
  void aSerializedObjectIsRefusedWhereverVariablesAreSent(Door door) {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.now());
    String task = run.taskId(TASK_SUBMIT_REQUEST);
    EngineApi admin = door.as(port, "admin");
    String instance = "/process-instance/" + run.id();

    for (Map<String, Object> object : List.of(JAVA_OBJECT, OBJECT_OF_DEFAULT_FORMAT, JSON_OBJECT)) {
      Map<String, Answer> answers = new LinkedHashMap<>();
      answers.put("start", admin.call("POST", "/process-definition/key/" + PROCESS_KEY + "/start",
          Map.of("variables", Map.of("x", object))));
      answers.put("start form", admin.call("POST", "/process-definition/key/" + PROCESS_KEY + "/submit-form",
          Map.of("variables", Map.of("x", object))));
      answers.put("complete", admin.call("POST", "/task/" + task + "/complete", Map.of("variables", Map.of("x", object))));
      answers.put("task form", admin.call("POST", "/task/" + task + "/submit-form", Map.of("variables", Map.of("x", object))));
      answers.put("set a variable", admin.call("PUT", instance + "/variables/x", object));
      answers.put("set a task variable", admin.call("PUT", "/task/" + task + "/localVariables/x", object));
      answers.put("modify variables", admin.call("POST", instance + "/variables", Map.of("modifications", Map.of("x", object))));
      answers.put("modify the request", admin.call("POST", instance + "/modification", Map.of("instructions", List.of(Map.of(
          "type", "startBeforeActivity", "activityId", TASK_SUBMIT_REQUEST, "variables", Map.of("x", object))))));
      answers.put("message", admin.call("POST", "/message", Map.of("messageName", "x", "processVariables", Map.of("x", object))));
      answers.put("signal", admin.call("POST", "/signal", Map.of("name", "x", "variables", Map.of("x", object))));
      answers.forEach((call, answer) -> {
        assertThat(answer.status()).as(call + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.field()).as(call).isEqualTo("type");
        assertThat(answer.json().get("message").asText()).as(call).contains("objek");
      });
    }
    // an applicant's own field sent as an object: refused as any other, not a server error
    Map<String, Object> form = RestVariables.submissionOf(DemoPeople.ANI);
    form.put("applicantName", JAVA_OBJECT);
    EngineApi ani = door.as(port, "ani");
    assertThat(ani.call("POST", "/task/" + task + "/complete", Map.of("variables", form)).field()).isEqualTo("type");
    assertThat(ani.call("POST", "/task/" + task + "/submit-form", Map.of("variables", form)).field()).isEqualTo("type");
    assertThat(engine.getRuntimeService().getVariables(run.id())).doesNotContainKeys("x", "applicantName");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(run.id()).count()).isOne();

    assertThat(admin.call("PUT", instance + "/variables/x", string("teks")).status()).isEqualTo(204);
    assertThat(admin.call("POST", instance + "/variables", Map.of("modifications", Map.of("y", string("teks")))).status())
        .isEqualTo(204);
    assertThat(ani.call("POST", "/task/" + task + "/complete", Map.of("variables", RestVariables.submissionOf(DemoPeople.ANI)))
        .status()).isEqualTo(204);
    assertThat(run.taskId(TASK_VERIFY_REQUEST)).isNotNull();
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aVariablesDataNamingAClassToBuildIsRefusedBeforeItIsBuilt(Door door) {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.now());
    String data = "/process-instance/" + run.id() + "/variables/x/data";
    String boundary = "----data";
    String objectForm = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"\r\n"
        + "Content-Type: application/json\r\n\r\n[\"a\"]\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\njava.util.ArrayList\r\n"
        + "--" + boundary + "--\r\n";

    for (String user : List.of("ani", "admin")) {
      Answer refused = door.as(port, user).send("POST", data, "multipart/form-data; boundary=" + boundary, objectForm);
      assertThat(refused.status()).as(user).isEqualTo(400);
      assertThat(refused.field()).as(user).isEqualTo("type");
    }
    assertThat(engine.getRuntimeService().getVariable(run.id(), "x")).isNull();

    String fileForm = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"catatan.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nDicek oleh administrator.\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"valueType\"\r\n\r\nFile\r\n"
        + "--" + boundary + "--\r\n";
    assertThat(door.as(port, "admin").send("POST", data, "multipart/form-data; boundary=" + boundary, fileForm).status())
        .isEqualTo(204);
    assertThat(engine.getRuntimeService().getVariable(run.id(), "x")).isNotNull();
  }

  // --- a call without the body its method needs ---------------------------------------------------

  @ParameterizedTest
  @EnumSource(Door.class)
  void aCallWithoutTheBodyItNeedsIsRefused(Door door) {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, Instant.now()).submitAfter(Duration.ZERO);
    String task = run.taskId(TASK_VERIFY_REQUEST);
    EngineApi admin = door.as(port, "admin");
    EngineApi vera = door.as(port, "vera");
    long before = engine.getRuntimeService().createProcessInstanceQuery().count();

    Map<String, Answer> answers = new LinkedHashMap<>();
    answers.put("comment of null", admin.send("POST", "/task/" + task + "/comment/create", "application/json", "null"));
    answers.put("start of null", admin.send("POST", "/process-definition/key/" + PROCESS_KEY + "/start", "application/json", "null"));
    answers.put("complete of null", admin.send("POST", "/task/" + task + "/complete", "application/json", "null"));
    answers.put("claim of null", vera.send("POST", "/task/" + task + "/claim", "application/json", " null "));
    answers.put("attachment", admin.send("POST", "/task/" + task + "/attachment/create", "multipart/form-data; boundary=x", null));
    if (door == Door.WEBAPP_SESSION) {
      answers.put("comment", admin.send("POST", "/task/" + task + "/comment/create", "application/json", null));
      answers.put("start", admin.send("POST", "/process-definition/key/" + PROCESS_KEY + "/start", "application/json", null));
      answers.put("complete", admin.send("POST", "/task/" + task + "/complete", "application/json", null));
      answers.put("claim", vera.send("POST", "/task/" + task + "/claim", "application/json", null));
    } else {
      // /engine-rest reads an empty JSON body as {} (Camunda's EmptyBodyFilter): a comment then lacks its message
      assertThat(admin.send("POST", "/task/" + task + "/comment/create", "application/json", null).status()).isEqualTo(400);
    }
    answers.forEach((call, answer) -> {
      assertThat(answer.status()).as(call + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.field()).as(call).isEqualTo("body");
      assertThat(answer.json().get("message").asText()).as(call).contains("memerlukan isi");
    });
    assertThat(engine.getTaskService().getTaskComments(task)).isEmpty();
    assertThat(engine.getTaskService().getTaskAttachments(task)).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);

    assertThat(admin.call("POST", "/task/" + task + "/comment/create", Map.of("message", "dicek admin")).status())
        .isEqualTo(200);
    assertThat(admin.form("/task/" + task + "/attachment/create",
        Map.of("attachment-name", "catatan", "url", "https://kapuaskab.go.id")).status()).isEqualTo(200);
    assertThat(vera.call("POST", "/task/" + task + "/claim", Map.of("userId", "vera")).status()).isEqualTo(204);
    // a method that takes no body, and a body read as text, which Tasklist's filters leave empty
    assertThat(vera.send("POST", "/task/" + task + "/unclaim", "application/json", null).status()).isEqualTo(204);
    String myTasks = engine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_TASKS).singleResult().getId();
    assertThat(vera.send("POST", "/filter/" + myTasks + "/count", "application/json", null).status()).isEqualTo(200);
  }

  // --- helpers ------------------------------------------------------------------------------------

  /** A POST through the door whose body goes in chunks, without a declared length. */
  private Answer chunked(Door door, String userId, String path, String contentType, byte[] body) {
    if (door == Door.WEBAPP_SESSION) {
      Browserless browser = new Browserless(port);
      assertThat(browser.login("tasklist", userId, "demo").statusCode()).isEqualTo(200);
      browser.get("/camunda/api/admin/auth/user/default");
      HttpResponse<String> response = browser.sendChunked("POST", "/camunda/api/engine/engine/default" + path, contentType, body);
      return new Answer(response.statusCode(), response.body());
    }
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((userId + ":demo").getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", contentType).header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
    return EngineApi.exchange(HttpClient.newHttpClient(), request);
  }

  private long requestsOf(String userId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .startedBy(userId).count();
  }
}

package id.go.kapuaskab.lupapassphrase.benchmark;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CONFIRM_LINK_RECEIVED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SET_NEW_PASSPHRASE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.ACTIVATION_DONE_IN_AMS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.AGREEMENT_ACCEPTED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.IDENTITY_VERIFIED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.LINK_STATUS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFICATION_DECISION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.process.LinkStatus;
import id.go.kapuaskab.lupapassphrase.process.VerificationDecision;
import id.go.kapuaskab.lupapassphrase.support.Requests;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.http.HttpHeaders;

/** A request through /engine-rest with HTTP Basic, as Tasklist's users would drive it. */
final class RestSop implements SopClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String engineRest;
  private final String password;
  private final ResetLinks links;

  RestSop(int port, String password, ResetLinks links) {
    this.engineRest = "http://localhost:" + port + "/engine-rest";
    this.password = password;
    this.links = links;
  }

  @Override
  public void runOneRequest() throws IOException, InterruptedException {
    String request = call("ani", "POST", "/process-definition/key/" + PROCESS_KEY + "/start", Map.of()).get("id").asText();
    complete("ani", taskId("ani", request, TASK_SUBMIT_REQUEST), Requests.submissionOf(DemoPeople.ANI));

    String verify = taskId("vera", request, TASK_VERIFY_REQUEST);
    call("vera", "POST", "/task/" + verify + "/claim", Map.of("userId", "vera"));
    complete("vera", verify, Map.of(VERIFICATION_DECISION, VerificationDecision.APPROVE.name(), IDENTITY_VERIFIED, true));

    complete("ani", taskId("ani", request, TASK_CONFIRM_LINK_RECEIVED), Map.of(LINK_STATUS, LinkStatus.RECEIVED.name()));
    links.setNewPassphrase();
    complete("ani", taskId("ani", request, TASK_SET_NEW_PASSPHRASE), Map.of(ACTIVATION_DONE_IN_AMS, true, AGREEMENT_ACCEPTED, true));
    // the supervisor may read the history of every request
    Waiting.until(() -> "COMPLETED".equals(uncheckedCall("hendra", "GET", "/history/process-instance/" + request, null)
        .path("state").asText()), () -> "request " + request + " to end");
  }

  private String taskId(String userId, String request, String taskKey) throws InterruptedException {
    String query = "/task?processInstanceId=" + request + "&taskDefinitionKey=" + taskKey;
    JsonNode[] found = new JsonNode[1];
    Waiting.until(() -> (found[0] = uncheckedCall(userId, "GET", query, null)).size() == 1, () -> taskKey + " of " + request);
    return found[0].get(0).get("id").asText();
  }

  private void complete(String userId, String taskId, Map<String, Object> variables) throws IOException, InterruptedException {
    Map<String, Object> typed = new LinkedHashMap<>();
    for (Map.Entry<String, Object> variable : variables.entrySet()) {
      typed.put(variable.getKey(), typed(variable.getValue()));
    }
    call(userId, "POST", "/task/" + taskId + "/complete", Map.of("variables", typed));
  }

  private static Map<String, Object> typed(Object value) throws IOException {
    if (value instanceof FileValue file) {
      return Map.of("type", "File", "value", Base64.getEncoder().encodeToString(file.getValue().readAllBytes()),
          "valueInfo", Map.of("filename", file.getFilename(), "mimeType", file.getMimeType()));
    }
    return Map.of("value", value);
  }

  private JsonNode uncheckedCall(String userId, String method, String path, Object body) {
    try {
      return call(userId, method, path, body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode call(String userId, String method, String path, Object body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engineRest + path))
        .header(HttpHeaders.AUTHORIZATION, "Basic " + HttpHeaders.encodeBasicAuth(userId, password, StandardCharsets.UTF_8))
        .header("Accept", "application/json");
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " as " + userId + ": HTTP " + response.statusCode() + " "
          + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
  }
}

package id.go.kapuaskab.lupapassphrase.support;

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
import id.go.kapuaskab.lupapassphrase.demo.DemoPerson;
import id.go.kapuaskab.lupapassphrase.process.LinkStatus;
import id.go.kapuaskab.lupapassphrase.process.VerificationDecision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.http.HttpHeaders;

/**
 * The SOP through one node's /engine-rest with HTTP Basic, step by step, as Tasklist's users drive
 * it: each call as the person who makes it, with the demo users' password. Each step answers the
 * HTTP status the node gave; a node that is gone answers {@link #GONE}.
 */
public final class SopOverRest {

  /** The status a step "answers" when the node did not answer at all (killed, or not listening). */
  public static final int GONE = -1;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TASK_WAIT = Duration.ofMinutes(2);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String engineRest;
  private final String password;

  public SopOverRest(String baseUrl, String password) {
    this.engineRest = baseUrl + "/engine-rest";
    this.password = password;
  }

  /** The applicant opens a request; its process instance id. */
  public String start(String applicant) {
    return call(applicant, "POST", "/process-definition/key/" + PROCESS_KEY + "/start", Map.of()).get("id").asText();
  }

  /** Step 1: the applicant submits the holder's data and the letter. */
  public int submit(String applicant, String request, DemoPerson holder) {
    return complete(applicant, awaitTask(applicant, request, TASK_SUBMIT_REQUEST), Requests.submissionOf(holder));
  }

  /** Step 2: the verifier claims the request and approves it (the AMS reset follows in the job executor). */
  public int approve(String verifier, String request) {
    String task = awaitTask(verifier, request, TASK_VERIFY_REQUEST);
    int claimed = status(verifier, "POST", "/task/" + task + "/claim", Map.of("userId", verifier));
    if (claimed >= 300 || claimed == GONE) {
      return claimed;
    }
    return complete(verifier, task, Map.of(VERIFICATION_DECISION, VerificationDecision.APPROVE.name(), IDENTITY_VERIFIED, true));
  }

  /** Step 3: the applicant confirms the reset link arrived. */
  public int confirmLinkReceived(String applicant, String request) {
    return complete(applicant, awaitTask(applicant, request, TASK_CONFIRM_LINK_RECEIVED), Map.of(LINK_STATUS, LinkStatus.RECEIVED.name()));
  }

  /** Step 4: the applicant confirms the new passphrase is set in AMS (the status check follows in the job executor). */
  public int confirmNewPassphrase(String applicant, String request) {
    return complete(applicant, awaitTask(applicant, request, TASK_SET_NEW_PASSPHRASE),
        Map.of(ACTIVATION_DONE_IN_AMS, true, AGREEMENT_ACCEPTED, true));
  }

  /** The id of the request's task of that kind, once the process has come there (the job executor works in between). */
  public String awaitTask(String userId, String request, String taskKey) {
    String query = "/task?maxResults=15&processInstanceId=" + request + "&taskDefinitionKey=" + taskKey;
    long deadline = System.nanoTime() + TASK_WAIT.toNanos();
    JsonNode found;
    while ((found = call(userId, "GET", query, null)).size() != 1) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("waited " + TASK_WAIT + " for " + taskKey + " of " + request);
      }
      pause();
    }
    return found.get(0).get("id").asText();
  }

  /** The request's state in the history (ACTIVE, COMPLETED, ...), read by someone who may read every request's. */
  public String state(String reader, String request) {
    return call(reader, "GET", "/history/process-instance/" + request, null).path("state").asText();
  }

  /** Completes a task with typed variables; the HTTP status, or {@link #GONE}. */
  public int complete(String userId, String taskId, Map<String, Object> variables) {
    Map<String, Object> typed = new LinkedHashMap<>();
    variables.forEach((name, value) -> typed.put(name, typed(value)));
    return status(userId, "POST", "/task/" + taskId + "/complete", Map.of("variables", typed));
  }

  /** A call whose answer must be 2xx; its JSON body (null node when empty). */
  public JsonNode call(String userId, String method, String path, Object body) {
    HttpResponse<byte[]> response = send(userId, method, path, body);
    if (response == null || response.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + path + " as " + userId + ": "
          + (response == null ? "no answer" : "HTTP " + response.statusCode() + " "
          + new String(response.body(), StandardCharsets.UTF_8)));
    }
    try {
      return response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A call whose status is the answer; {@link #GONE} when the node does not answer. */
  public int status(String userId, String method, String path, Object body) {
    HttpResponse<byte[]> response = send(userId, method, path, body);
    return response == null ? GONE : response.statusCode();
  }

  private HttpResponse<byte[]> send(String userId, String method, String path, Object body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engineRest + path))
        .timeout(Duration.ofSeconds(60))
        .header(HttpHeaders.AUTHORIZATION, "Basic " + HttpHeaders.encodeBasicAuth(userId, password, StandardCharsets.UTF_8))
        .header("Accept", "application/json");
    try {
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException nodeGone) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> typed(Object value) {
    if (value instanceof FileValue file) {
      try {
        return Map.of("type", "File", "value", Base64.getEncoder().encodeToString(file.getValue().readAllBytes()),
            "valueInfo", Map.of("filename", file.getFilename(), "mimeType", file.getMimeType()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Map.of("value", value);
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

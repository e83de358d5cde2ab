package id.go.kapuaskab.lupapassphrase.web;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.ams.sandbox.SandboxAms;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.Browserless;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Answer;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Door;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input gets 4xx, never 500, at both doors of the engine's REST API (/engine-rest with HTTP Basic,
 * the webapps' API with a session): a body over the size limit sent in chunks. Each time the honest
 * call through the same endpoint still works.
 */
class HostileInputTest extends IntegrationTest {

  @LocalServerPort
  private int port;

  @Autowired
  private SandboxAms ams;

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
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private long requestsOf(String userId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .startedBy(userId).count();
  }
}

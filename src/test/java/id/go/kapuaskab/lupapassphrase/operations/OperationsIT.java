package id.go.kapuaskab.lupapassphrase.operations;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CONFIRM_LINK_RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.demo.DemoPerson;
import id.go.kapuaskab.lupapassphrase.privacy.PersonalData;
import id.go.kapuaskab.lupapassphrase.support.AppJar;
import id.go.kapuaskab.lupapassphrase.support.SopOverRest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged jar as an operator runs it with JSON logs (profile json-logs) and with AMS in its
 * readiness: every line of its output is one JSON object; the lines of the work on a request carry
 * the request number and the node's name; the NIK and the e-mail address stay masked in JSON too;
 * its job executor reports that it acquires; and with AMS down the node stops being ready, but lives.
 */
class OperationsIT {

  private static final Path FOLDER = Path.of("target", "it", "operations").toAbsolutePath();
  private static final Path LOG = FOLDER.resolve("node.log");
  private static final String NODE = "lupa-uji";
  private static final String PASSWORD = "demo";
  private static final DemoPerson ANI = DemoPeople.ANI;
  private static final ObjectMapper JSON = new ObjectMapper();

  private AppJar node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void jsonLogsNameTheRequestAndTheNodeMaskPersonalDataAndAmsDownOnlyTakesReadinessAsConfigured() throws Exception {
    FileSystemUtils.deleteRecursively(FOLDER);
    node = AppJar.start("node", FOLDER, AppJar.freePort(), List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
        List.of("--spring.profiles.active=local,json-logs", "--lupa-passphrase.node.name=" + NODE,
            "--management.endpoint.health.group.readiness.include=readinessState,db,ams"),
        Map.of(), LOG).awaitUp(Duration.ofMinutes(3));
    SopOverRest rest = new SopOverRest(node.baseUrl(), PASSWORD);
    Actuator actuator = new Actuator(node.port());

    String request = rest.start(ANI.userId());
    assertThat(rest.submit(ANI.userId(), request, ANI)).isEqualTo(204);
    assertThat(rest.approve(DemoPeople.VERA.userId(), request)).isEqualTo(204);
    // the job executor calls AMS
    rest.awaitTask(ANI.userId(), request, TASK_CONFIRM_LINK_RECEIVED);
    String number = rest.call(ANI.userId(), "GET", "/process-instance/" + request, null).path("businessKey").asText();

    JsonNode jobExecutor = JSON.readTree(actuator.get("/actuator/health", Actuator.OPERATOR, PASSWORD).body())
        .at("/components/jobExecutor");
    assertThat(jobExecutor.path("status").asText()).isEqualTo("UP");
    assertThat(jobExecutor.at("/details/lockOwner").asText()).isEqualTo(NODE);
    assertThat(actuator.scrape().value("executor_active_threads", "name=\"camundaTaskExecutor\"")).isNotNegative();

    switchAms(node, "DOWN");
    String second = rest.start(ANI.userId());
    assertThat(rest.submit(ANI.userId(), second, ANI)).isEqualTo(204);
    assertThat(rest.approve(DemoPeople.VERA.userId(), second)).isEqualTo(204);
    // the operator put AMS into readiness: a node whose AMS is down takes no new work, and lives on
    await().atMost(Duration.ofSeconds(30)).until(() -> actuator.get("/actuator/health/readiness").statusCode() == 503);
    assertThat(actuator.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    switchAms(node, "NONE");
    node.stop();

    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(LOG)) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).allSatisfy(line -> assertThat(line.path("@timestamp").isTextual()).as(line.toString()).isTrue());
    List<JsonNode> work = lines.stream().filter(line -> number.equals(line.path("requestNumber").asText())).toList();
    assertThat(work).isNotEmpty().allSatisfy(line -> assertThat(line.path("node").asText()).isEqualTo(NODE));
    assertThat(work).anySatisfy(line -> assertThat(line.path("message").asText())
        .startsWith("AMS reset passphrase (holder " + PersonalData.maskNumber(ANI.nik()) + ", key " + number + ":reset): done"));
    String output = Files.readString(LOG);
    assertThat(output).doesNotContain(ANI.nik(), ANI.email(), ANI.nip());
  }

  /** The sandbox AMS's outage switch, as its outbox page sets it. */
  private static void switchAms(AppJar node, String mode) {
    try {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.baseUrl() + "/sandbox-ams/outage"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("mode=" + mode)).build(), HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

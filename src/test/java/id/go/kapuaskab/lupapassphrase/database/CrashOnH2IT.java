package id.go.kapuaskab.lupapassphrase.database;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.SUBPROCESS_SLA_BREACH;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CONFIRM_LINK_RECEIVED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TIMER_VERIFY_REQUEST_SLA;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.AppJar;
import id.go.kapuaskab.lupapassphrase.support.SopOverRest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Acknowledged means durable, on the H2 default: the packaged jar as `./mvnw spring-boot:run` runs it
 * (local profile, ./data, the sandbox AMS inside), a burst of verifier approvals answered 204, then
 * {@code kill -9} the next moment. Started again on the same folder, every approval answered is
 * there, each request at a step it can be at, the AMS calls the dead process had begun (its locked
 * jobs) run at once, AMS registered one reset per request, and the SLA timers that fell due while
 * it was down fire once, after the restart.
 */
class CrashOnH2IT {

  private static final Path FOLDER = Path.of("target", "it", "crash-on-h2").toAbsolutePath();
  private static final List<String> JVM = List.of("-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+UseSerialGC");
  private static final String PASSWORD = "demo";
  private static final String ANI = DemoPeople.ANI.userId();
  private static final String VERA = DemoPeople.VERA.userId();
  private static final String ADMIN = DemoPeople.ADMIN.userId();
  private static final int APPROVED = 24;
  private static final int LEFT_AT_STEP_2 = 4;
  /** Far below the lock time (60 s): the restarted node releases its own locks instead of waiting them out. */
  private static final Duration PICK_UP = Duration.ofSeconds(30);
  /** Later than the approvals take, sooner than a restart: the timers fall due while nothing runs. */
  private static final Duration DUE_AFTER = Duration.ofSeconds(5);

  private final int port = AppJar.freePort();
  private final List<AppJar> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(AppJar::close);
  }

  @Test
  void everyApprovalAnsweredBeforeAKillIsThereAfterTheRestartAndTheWorkGoesOn() throws Exception {
    FileSystemUtils.deleteRecursively(FOLDER);
    AppJar app = start("first");
    SopOverRest rest = new SopOverRest(app.baseUrl(), PASSWORD);
    List<String> requests = new ArrayList<>();
    for (int i = 0; i < APPROVED + LEFT_AT_STEP_2; i++) {
      String request = rest.start(ANI);
      assertThat(rest.submit(ANI, request, DemoPeople.ANI)).isEqualTo(204);
      requests.add(request);
    }
    List<String> burst = requests.subList(0, APPROVED);
    List<String> waiting = requests.subList(APPROVED, requests.size());

    // the verifier's SLA timers of the requests left at step 2 are to fall due while the process is down
    Date dueWhileDown = new Date(System.currentTimeMillis() + DUE_AFTER.toMillis());
    for (String request : waiting) {
      rest.call(ADMIN, "PUT", "/job/" + timer(rest, request) + "/duedate", Map.of("duedate", format(dueWhileDown)));
    }
    Map<String, Integer> answered = approveAtOnce(rest, burst);
    app.kill();
    Instant killed = Instant.now();

    assertThat(answered.values()).as("every approval was answered").containsOnly(204);
    assertThat(killed).as("killed before the timers fell due").isBefore(dueWhileDown.toInstant());
    Thread.sleep(Math.max(0, dueWhileDown.getTime() - System.currentTimeMillis()) + 500);
    AppJar restarted = start("restarted");
    Instant up = Instant.now();
    SopOverRest after = new SopOverRest(restarted.baseUrl(), PASSWORD);

    List<String> lost = burst.stream().filter(request -> verifyTasksDone(after, request) != 1).toList();
    assertThat(lost).as("approvals answered 204 before the kill, not found after it").isEmpty();
    // each goes on from where it was: the AMS reset (waiting, or begun by the dead process), then step 3
    for (String request : burst) {
      after.awaitTask(ANI, request, TASK_CONFIRM_LINK_RECEIVED);
    }
    Duration pickUp = Duration.between(up, Instant.now());
    assertThat(pickUp).as("every AMS reset done after the restart").isLessThan(PICK_UP);

    for (String request : waiting) {
      awaitBreach(after, request);
      JsonNode breaches = after.call(ADMIN, "GET", "/history/activity-instance?maxResults=15&processInstanceId=" + request
          + "&activityId=" + SUBPROCESS_SLA_BREACH, null);
      assertThat(breaches).as("breaches of %s", request).hasSize(1);
      assertThat(Instant.parse(breaches.get(0).get("startTime").asText().replaceAll("([+-]\\d\\d)(\\d\\d)$", "$1:$2")))
          .as("fired after the restart").isAfter(killed);
    }
    restarted.stop();

    Map<String, Integer> callsPerKey = resetCallsPerKey();
    long duplicates = callsPerKey.values().stream().filter(calls -> calls > 1).count();
    System.out.printf("Crash on H2: %d approvals answered 204, %d lost; AMS resets registered %d (%d keys called twice, "
        + "answered with the first receipt); all AMS resets done %d ms after the restart's health UP; %d SLA timers "
        + "fired after the restart%n", answered.size(), lost.size(), resetsRegistered(), duplicates, pickUp.toMillis(),
        waiting.size());
    assertThat(callsPerKey).as("reset calls by idempotency key").hasSize(APPROVED);
    assertThat(resetsRegistered()).as("resets AMS registered, and so mails it sent").isEqualTo(APPROVED);
    assertThat(mailsSent()).isEqualTo(APPROVED);
  }

  private AppJar start(String run) {
    AppJar app = AppJar.start("the application (" + run + ")", FOLDER, port, JVM,
        // the demo applicant has all the requests of the crash open at once
        List.of("--spring.profiles.active=local", "--logging.level.root=WARN",
            "--lupa-passphrase.request.max-open-per-applicant=" + Integer.MAX_VALUE),
        Map.of(), FOLDER.resolve(run + ".log"));
    started.add(app);
    return app.awaitUp(Duration.ofMinutes(3));
  }

  /** The verifier approves every request at once, eight at a time; the status each approval answered. */
  private static Map<String, Integer> approveAtOnce(SopOverRest rest, List<String> requests) throws Exception {
    for (String request : requests) {
      rest.awaitTask(VERA, request, TASK_VERIFY_REQUEST);
    }
    Map<String, Integer> answered = new ConcurrentHashMap<>();
    ExecutorService verifiers = Executors.newFixedThreadPool(8);
    List<Future<?>> running = new ArrayList<>();
    for (String request : requests) {
      running.add(verifiers.submit(() -> answered.put(request, rest.approve(VERA, request))));
    }
    for (Future<?> approval : running) {
      approval.get();
    }
    verifiers.shutdown();
    return answered;
  }

  private static String timer(SopOverRest rest, String request) {
    return rest.call(ADMIN, "GET", "/job?timers=true&maxResults=15&processInstanceId=" + request + "&activityId="
        + TIMER_VERIFY_REQUEST_SLA, null).get(0).get("id").asText();
  }

  private static int verifyTasksDone(SopOverRest rest, String request) {
    return rest.call(ADMIN, "GET", "/history/task?finished=true&maxResults=15&processInstanceId=" + request + "&taskDefinitionKey="
        + TASK_VERIFY_REQUEST, null).size();
  }

  private static void awaitBreach(SopOverRest rest, String request) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (rest.call(ADMIN, "GET", "/history/activity-instance?maxResults=15&processInstanceId=" + request + "&activityId="
        + SUBPROCESS_SLA_BREACH, null).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  private static String format(Date date) {
    return new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(date);
  }

  // the sandbox's own store, read once the application has stopped (H2 allows one process at a time)

  private static Map<String, Integer> resetCallsPerKey() throws Exception {
    Map<String, Integer> calls = new HashMap<>();
    query("SELECT IDEMPOTENCY_KEY, COUNT(*) FROM SANDBOX_CALL WHERE OPERATION LIKE '%reset' AND STATUS = 200 "
        + "GROUP BY IDEMPOTENCY_KEY", rows -> calls.put(rows.getString(1), rows.getInt(2)));
    return calls;
  }

  private static long resetsRegistered() throws Exception {
    long[] count = new long[1];
    query("SELECT COUNT(*) FROM SANDBOX_RESET", rows -> count[0] = rows.getLong(1));
    return count[0];
  }

  private static long mailsSent() throws Exception {
    long[] count = new long[1];
    query("SELECT COUNT(*) FROM SANDBOX_MAIL", rows -> count[0] = rows.getLong(1));
    return count[0];
  }

  private interface Row {
    void read(ResultSet rows) throws Exception;
  }

  private static void query(String sql, Row row) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + FOLDER.resolve("data/sandbox-ams"));
         Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        row.read(rows);
      }
    }
  }
}

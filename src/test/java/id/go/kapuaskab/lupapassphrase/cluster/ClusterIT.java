package id.go.kapuaskab.lupapassphrase.cluster;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.SUBPROCESS_SLA_BREACH;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CHECK_CERTIFICATE_STATUS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CONFIRM_LINK_RECEIVED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_RESET_PASSPHRASE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SET_NEW_PASSPHRASE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TIMER_CONFIRM_LINK_SLA;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TIMER_SUBMIT_REQUEST_SLA;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TIMER_VERIFY_REQUEST_SLA;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.IDENTITY_VERIFIED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFICATION_DECISION;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.security.Roles;
import id.go.kapuaskab.lupapassphrase.support.AppJar;
import id.go.kapuaskab.lupapassphrase.support.Browserless;
import id.go.kapuaskab.lupapassphrase.support.Cluster;
import id.go.kapuaskab.lupapassphrase.support.PostgreSql;
import id.go.kapuaskab.lupapassphrase.support.SopOverRest;
import id.go.kapuaskab.lupapassphrase.tasklist.TasklistFilters;
import id.go.kapuaskab.sandboxams.SandboxOutage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two nodes of the packaged jar, separate JVMs and ports, on one PostgreSQL database and one sandbox
 * AMS (run alone, its store in PostgreSQL): started together on an empty database; requests run with
 * each step on the other node; one node killed under load while it waits on AMS; then a pg_dump of
 * the database with running requests restored into a new one, and a third node goes on with them.
 * The tests run in order on the same cluster: each goes on from where the last left it.
 */
@ExtendWith(PostgreSql.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final Path FOLDER = Path.of("target", "it", "cluster").toAbsolutePath();
  private static final String ANI = DemoPeople.ANI.userId();
  private static final String VERA = DemoPeople.VERA.userId();
  private static final String ADMIN = DemoPeople.ADMIN.userId();
  private static final String HENDRA = DemoPeople.HENDRA.userId();
  /** The lock time of application.yaml: how long a dead node's jobs wait for another node. */
  private static final Duration LOCK_TIME = Duration.ofSeconds(60);
  /** A timer moved this far ahead is read by every node's job-table watch (every 6 s) before it falls due. */
  private static final Duration TIMER_AHEAD = Duration.ofSeconds(10);
  /** On time means woken at the due date, not found by the engine's poll a minute later. */
  private static final Duration ON_TIME = Duration.ofSeconds(2);

  private Cluster cluster;
  private AppJar nodeA;
  private AppJar nodeB;
  private List<SopOverRest> nodes;
  private final AtomicInteger turn = new AtomicInteger();

  @BeforeAll
  void startTwoNodesTogether() {
    cluster = new Cluster("cluster", FOLDER);
    cluster.startSandbox();
    nodeA = cluster.startNode("node-a");
    nodeB = cluster.startNode("node-b");
    Cluster.awaitUp(nodeA, nodeB);
    nodes = List.of(new SopOverRest(nodeA.baseUrl(), Cluster.PASSWORD), new SopOverRest(nodeB.baseUrl(), Cluster.PASSWORD));
  }

  @AfterAll
  void stopEverything() {
    cluster.close();
  }

  @Test
  @Order(1)
  void twoNodesStartedTogetherOnAnEmptyDatabaseSetItUpOnce() {
    assertThat(count("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT")).isOne();
    assertThat(cluster.engine().queryForList("SELECT NAME_ FROM ACT_RU_FILTER ORDER BY NAME_", String.class))
        .containsExactlyInAnyOrder(TasklistFilters.MY_TASKS, TasklistFilters.VERIFIER_QUEUE,
            TasklistFilters.SUPERVISOR_VIEW);
    assertThat(count("SELECT COUNT(*) FROM ACT_ID_GROUP")).isEqualTo(Roles.GROUPS.size());
    assertThat(count("SELECT COUNT(*) FROM ACT_ID_USER"))
        .isEqualTo(DemoPeople.ALL.stream().filter(person -> person.hasAccount()).count());
  }

  @Test
  @Order(2)
  void requestsGoThroughEitherNodeAndEveryAmsCallAndSlaTimerRunsOnceAcrossBoth() throws Exception {
    int count = 24;
    int timed = 8;
    Map<String, Integer> startedOn = new ConcurrentHashMap<>();
    List<String> requests = Collections.synchronizedList(new ArrayList<>());
    inParallel(count, 4, i -> {
      int node = turn.getAndIncrement() % 2;
      String request = nodes.get(node).start(ANI);
      startedOn.merge(node == 0 ? "node-a" : "node-b", 1, Integer::sum);
      requests.add(request);
      ok(next().submit(ANI, request, DemoPeople.ANI));
      ok(next().approve(VERA, request));
      next().awaitTask(ANI, request, TASK_CONFIRM_LINK_RECEIVED);
    });

    // the SLA timer of step 3 falls due on a few, moved there through one node: both nodes wake for it
    Date dueAt = new Date(System.currentTimeMillis() + TIMER_AHEAD.toMillis());
    List<String> breached = requests.subList(0, timed);
    for (String request : breached) {
      moveTimer(nodes.get(0), request, TIMER_CONFIRM_LINK_SLA, dueAt);
    }
    // (until each breach is recorded and the supervisor told: a step completed meanwhile would meet a conflict)
    await(() -> count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = ? AND END_TIME_ IS NOT NULL",
        SUBPROCESS_SLA_BREACH) >= timed, TIMER_AHEAD.plusSeconds(20), "the breaches");

    inParallel(count, 4, i -> {
      String request = requests.get(i);
      ok(next().confirmLinkReceived(ANI, request));
      cluster.setNewPassphrase(DemoPeople.ANI.nik());
      ok(next().confirmNewPassphrase(ANI, request));
    });
    for (String request : requests) {
      await(() -> "COMPLETED".equals(next().state(HENDRA, request)), Duration.ofMinutes(1), request + " to end");
    }

    Map<String, Long> amsJobs = jobsByNode(TASK_RESET_PASSPHRASE, TASK_CHECK_CERTIFICATE_STATUS);
    Map<String, Long> timers = jobsByNode(TIMER_CONFIRM_LINK_SLA);
    Map<String, Long> resetCalls = callsByKey("%/reset");
    System.out.printf("Cluster, two nodes: %d requests (started %s), all completed; AMS calls received %d (reset %d, "
        + "status %d), AMS jobs run %s; SLA timers fired %s, breaches recorded %d%n", count, new TreeMap<>(startedOn),
        count("SELECT COUNT(*) FROM SANDBOX_CALL", cluster.sandboxStore()), resetCalls.size(),
        count("SELECT COUNT(*) FROM SANDBOX_CALL WHERE OPERATION LIKE '%/status'", cluster.sandboxStore()),
        amsJobs, timers, count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = ?", SUBPROCESS_SLA_BREACH));

    assertThat(resetCalls).as("reset calls by idempotency key").hasSize(count).allSatisfy((key, calls) ->
        assertThat(calls).as(key).isOne());
    assertThat(count("SELECT COUNT(*) FROM SANDBOX_RESET", cluster.sandboxStore())).isEqualTo(count);
    assertThat(amsJobs.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2L * count);
    assertThat(amsJobs).as("both nodes take AMS jobs").containsOnlyKeys("node-a", "node-b");
    assertThat(timers.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(timed);
    for (String request : breached) {
      assertThat(count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = ? AND PROC_INST_ID_ = ?",
          SUBPROCESS_SLA_BREACH, request)).as("breaches of %s", request).isOne();
    }
    assertThat(jobsSucceededTwice()).isEmpty();
  }

  @Test
  @Order(3)
  void aNodeKilledUnderLoadLeavesNothingUndoneAndItsSessionsAndTimersGoOnOnTheOther() throws Exception {
    Browserless veraOnA = new Browserless(nodeA.port());
    assertThat(veraOnA.login("tasklist", VERA, Cluster.PASSWORD).statusCode()).isEqualTo(200);
    veraOnA.get("/camunda/api/admin/auth/user/default");
    SopOverRest a = nodes.get(0);
    SopOverRest b = nodes.get(1);
    String forTheSession = b.start(ANI);
    ok(b.submit(ANI, forTheSession, DemoPeople.ANI));
    List<String> timed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String request = b.start(ANI);
      ok(b.submit(ANI, request, DemoPeople.ANI));
      timed.add(request);
    }

    AtomicBoolean aDead = new AtomicBoolean();
    Map<String, Boolean> finished = new ConcurrentHashMap<>();
    ExecutorService load = Executors.newFixedThreadPool(6);
    List<Future<?>> clients = new ArrayList<>();
    for (int client = 0; client < 6; client++) {
      clients.add(load.submit(() -> {
        for (int i = 0; i < 5; i++) {
          finished.put(runWithFailOver(aDead), true);
        }
        return null;
      }));
    }
    // A dies in the middle of AMS calls: the sandbox has done each and not answered yet
    cluster.outage(SandboxOutage.Mode.SLOW);
    await(() -> count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ = 'node-a'") > 0, Duration.ofSeconds(60),
        "node A to hold a job");
    // SLA timers moved through node A just before it dies: only node B is left to fire them
    Date dueAt = new Date(System.currentTimeMillis() + TIMER_AHEAD.toMillis());
    for (String request : timed) {
      moveTimer(a, request, TIMER_VERIFY_REQUEST_SLA, dueAt);
    }
    nodeA.kill();
    Instant killed = Instant.now();
    aDead.set(true);
    cluster.outage(SandboxOutage.Mode.NONE);
    List<String> lockedByA = cluster.engine().queryForList("SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ = 'node-a'",
        String.class);

    // the session made on A works on B: it reads the verifier's queue, and claims and completes with its CSRF token
    Browserless veraOnB = veraOnA.on(nodeB.port());
    String task = b.awaitTask(VERA, forTheSession, TASK_VERIFY_REQUEST);
    HttpResponse<String> queue = veraOnB.get("/camunda/api/engine/engine/default/task?maxResults=15&processInstanceId=" + forTheSession);
    assertThat(queue.statusCode()).isEqualTo(200);
    assertThat(queue.body()).contains(task);
    String claim = "{\"userId\":\"" + VERA + "\"}";
    assertThat(veraOnB.postJson("/camunda/api/engine/engine/default/task/" + task + "/claim", claim, true).statusCode())
        .isEqualTo(204);
    assertThat(veraOnB.postJson("/camunda/api/engine/engine/default/task/" + task + "/complete",
        "{\"variables\":{\"" + VERIFICATION_DECISION + "\":{\"value\":\"APPROVE\"},\"" + IDENTITY_VERIFIED
            + "\":{\"value\":true}}}", true)
        .statusCode()).isEqualTo(204);
    // and CSRF protection holds there: without the token, refused (and, as Camunda does, the session ends)
    assertThat(veraOnB.postJson("/camunda/api/engine/engine/default/task/" + task + "/claim", claim, false).statusCode())
        .as("without the CSRF token").isEqualTo(403);

    Map<String, Instant> pickedUp = new ConcurrentHashMap<>();
    await(() -> {
      for (String job : lockedByA) {
        if (!pickedUp.containsKey(job) && count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ = ?", job) == 0) {
          pickedUp.put(job, Instant.now());
        }
      }
      return pickedUp.size() == lockedByA.size();
    }, LOCK_TIME.plusSeconds(30), "node B to run the jobs node A had locked");
    for (Future<?> client : clients) {
      client.get();
    }
    load.shutdown();
    Duration longest = pickedUp.values().stream().map(at -> Duration.between(killed, at)).max(Duration::compareTo)
        .orElse(Duration.ZERO);

    List<Long> lateness = new ArrayList<>();
    for (String request : timed) {
      await(() -> count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = ? AND PROC_INST_ID_ = ?",
          SUBPROCESS_SLA_BREACH, request) == 1, TIMER_AHEAD.plusSeconds(20), "the breach of " + request);
      Timestamp fired = cluster.engine().queryForObject("SELECT TIMESTAMP_ FROM ACT_HI_JOB_LOG WHERE PROCESS_INSTANCE_ID_ = ?"
          + " AND ACT_ID_ = ? AND JOB_STATE_ = 2", Timestamp.class, request, TIMER_VERIFY_REQUEST_SLA);
      lateness.add(fired.getTime() - dueAt.getTime());
      assertThat(cluster.engine().queryForObject("SELECT HOSTNAME_ FROM ACT_HI_JOB_LOG WHERE PROCESS_INSTANCE_ID_ = ?"
          + " AND ACT_ID_ = ? AND JOB_STATE_ = 2", String.class, request, TIMER_VERIFY_REQUEST_SLA)).isEqualTo("node-b");
    }
    Map<String, Long> resetCalls = callsByKey("%/reset");
    long twice = resetCalls.values().stream().filter(calls -> calls > 1).count();
    System.out.printf("Cluster, node A killed under load: %d requests finished by node B, 0 lost; node A held %d jobs "
        + "when it died, node B ran the last of them %d ms after the kill (lock time %d s); AMS resets registered %d for "
        + "%d keys (%d keys called twice, answered with the first receipt, no second mail); SLA timers moved through A "
        + "fired once each on B, late by %s ms%n", finished.size(), lockedByA.size(), longest.toMillis(),
        LOCK_TIME.toSeconds(), count("SELECT COUNT(*) FROM SANDBOX_RESET", cluster.sandboxStore()), resetCalls.size(),
        twice, lateness);

    assertThat(lockedByA).as("node A died holding jobs").isNotEmpty();
    assertThat(longest).isLessThanOrEqualTo(LOCK_TIME.plus(ON_TIME));
    assertThat(finished).hasSize(30);
    for (String request : finished.keySet()) {
      assertThat(b.state(HENDRA, request)).as(request).isEqualTo("COMPLETED");
    }
    assertThat(count("SELECT COUNT(*) FROM SANDBOX_RESET", cluster.sandboxStore())).as("one reset per key")
        .isEqualTo(resetCalls.size());
    assertThat(count("SELECT COUNT(*) FROM SANDBOX_MAIL", cluster.sandboxStore())).as("one mail per reset")
        .isEqualTo(resetCalls.size());
    assertThat(lateness).allSatisfy(late -> assertThat(late).isBetween(0L, ON_TIME.toMillis()));
    assertThat(jobsSucceededTwice()).isEmpty();
  }

  @Test
  @Order(4)
  void aDumpOfTheDatabaseWithRunningRequestsIsRestoredAndAnotherNodeGoesOnWithThem() throws Exception {
    SopOverRest b = nodes.get(1);
    String atStep1 = b.start(ANI);
    String atStep2 = b.start(ANI);
    ok(b.submit(ANI, atStep2, DemoPeople.ANI));
    String atStep3 = b.start(ANI);
    ok(b.submit(ANI, atStep3, DemoPeople.ANI));
    ok(b.approve(VERA, atStep3));
    b.awaitTask(ANI, atStep3, TASK_CONFIRM_LINK_RECEIVED);

    Path dump = FOLDER.resolve("lupa-passphrase.dump");
    run(List.of(PostgreSql.program("pg_dump").toString(), "--format=custom", "--file=" + dump), cluster.engineDatabase());
    PostgreSql.Database restored = PostgreSql.createDatabase("cluster_restored");
    run(List.of(PostgreSql.program("pg_restore").toString(), "--no-owner", "--dbname=" + restored.name(), dump.toString()),
        restored);

    AppJar nodeC = cluster.startNode("node-c", restored);
    Cluster.awaitUp(nodeC);
    SopOverRest c = new SopOverRest(nodeC.baseUrl(), Cluster.PASSWORD);
    Date dueAt = new Date(System.currentTimeMillis() + TIMER_AHEAD.toMillis());
    moveTimer(c, atStep1, TIMER_SUBMIT_REQUEST_SLA, dueAt);
    ok(c.approve(VERA, atStep2));
    ok(c.confirmLinkReceived(ANI, atStep3));
    cluster.setNewPassphrase(DemoPeople.ANI.nik());
    ok(c.confirmNewPassphrase(ANI, atStep3));
    c.awaitTask(ANI, atStep2, TASK_CONFIRM_LINK_RECEIVED);
    await(() -> "COMPLETED".equals(c.state(HENDRA, atStep3)), Duration.ofMinutes(1), "the restored request to end");
    // (and the supervisor told, before step 1 is done: a completion meanwhile would meet a conflict)
    await(() -> count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = ? AND PROC_INST_ID_ = ? AND END_TIME_ IS NOT NULL",
        Cluster.jdbc(restored), SUBPROCESS_SLA_BREACH, atStep1) == 1, TIMER_AHEAD.plusSeconds(20), "the restored timer to fire");
    ok(c.submit(ANI, atStep1, DemoPeople.ANI));
    c.awaitTask(VERA, atStep1, TASK_VERIFY_REQUEST);

    assertThat(Cluster.jdbc(restored).queryForObject("SELECT HOSTNAME_ FROM ACT_HI_JOB_LOG WHERE PROCESS_INSTANCE_ID_ = ?"
        + " AND ACT_ID_ = ? AND JOB_STATE_ = 2", String.class, atStep1, TIMER_SUBMIT_REQUEST_SLA)).isEqualTo("node-c");
    assertThat(b.state(HENDRA, atStep3)).as("on the original database nothing moved").isEqualTo("ACTIVE");
    assertThat(Files.size(dump)).isPositive();
    nodeC.stop();
  }

  /** One whole request, each step on the next node; once node A is dead, every step goes to B. */
  private String runWithFailOver(AtomicBoolean aDead) {
    SopOverRest b = nodes.get(1);
    String request = aDead.get() ? b.start(ANI) : startAnywhere(aDead);
    step(aDead, request, TASK_SUBMIT_REQUEST, node -> node.submit(ANI, request, DemoPeople.ANI));
    step(aDead, request, TASK_VERIFY_REQUEST, node -> node.approve(VERA, request));
    step(aDead, request, TASK_CONFIRM_LINK_RECEIVED, node -> node.confirmLinkReceived(ANI, request));
    cluster.setNewPassphrase(DemoPeople.ANI.nik());
    step(aDead, request, TASK_SET_NEW_PASSPHRASE, node -> node.confirmNewPassphrase(ANI, request));
    await(() -> "COMPLETED".equals(b.state(HENDRA, request)), Duration.ofMinutes(3), request + " to end");
    return request;
  }

  /** The request is opened on the next node; one that does not answer has died, and B opens it. */
  private String startAnywhere(AtomicBoolean aDead) {
    try {
      return next().start(ANI);
    } catch (IllegalStateException nodeGone) {
      aDead.set(true);
      return nodes.get(1).start(ANI);
    }
  }

  private interface Step {
    int on(SopOverRest node);
  }

  /**
   * A step on the next node. When the node does not answer (it died), node B is asked whether the
   * step's task was completed: if so the dead node had done it, if not the step is done again on B.
   */
  private void step(AtomicBoolean aDead, String request, String taskKey, Step step) {
    SopOverRest b = nodes.get(1);
    SopOverRest node = aDead.get() ? b : next();
    int status;
    try {
      status = step.on(node);
    } catch (IllegalStateException nodeGone) {
      status = SopOverRest.GONE;
    }
    if (status == SopOverRest.GONE) {
      aDead.set(true);
      boolean done = b.call(HENDRA, "GET", "/history/task?finished=true&maxResults=15&processInstanceId=" + request
          + "&taskDefinitionKey=" + taskKey, null).size() > 0;
      status = done ? 204 : step.on(b);
    }
    ok(status);
  }

  private SopOverRest next() {
    return nodes.get(turn.getAndIncrement() % 2);
  }

  private static void ok(int status) {
    assertThat(status).as("HTTP status of the step").isBetween(200, 299);
  }

  private static void moveTimer(SopOverRest node, String request, String timerId, Date dueAt) {
    String job = node.call(ADMIN, "GET", "/job?timers=true&maxResults=15&processInstanceId=" + request + "&activityId=" + timerId, null)
        .get(0).get("id").asText();
    node.call(ADMIN, "PUT", "/job/" + job + "/duedate",
        Map.of("duedate", new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(dueAt)));
  }

  /** Successful jobs by the node that ran them, for the given activities. */
  private Map<String, Long> jobsByNode(String... activityIds) {
    Map<String, Long> byNode = new TreeMap<>();
    for (String activityId : activityIds) {
      cluster.engine().query("SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND ACT_ID_ = ? "
          + "GROUP BY HOSTNAME_", row -> {
            byNode.merge(row.getString(1), row.getLong(2), Long::sum);
          }, activityId);
    }
    return byNode;
  }

  /** Successful calls AMS received for each idempotency key of an operation. */
  private Map<String, Long> callsByKey(String operation) {
    Map<String, Long> byKey = new TreeMap<>();
    cluster.sandboxStore().query("SELECT IDEMPOTENCY_KEY, COUNT(*) FROM SANDBOX_CALL WHERE OPERATION LIKE ? AND STATUS = 200"
        + " GROUP BY IDEMPOTENCY_KEY", row -> {
          byKey.put(row.getString(1), row.getLong(2));
        }, operation);
    return byKey;
  }

  /**
   * The jobs of requests that ran to success more than once. The engine's history cleanup is one job
   * that runs again and again in its nightly window (01:00-05:00), so it is not counted: it belongs
   * to no request.
   */
  private List<String> jobsSucceededTwice() {
    return cluster.engine().queryForList("SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 "
        + "AND PROCESS_INSTANCE_ID_ IS NOT NULL GROUP BY JOB_ID_ HAVING COUNT(*) > 1", String.class);
  }

  private long count(String sql, Object... arguments) {
    return count(sql, cluster.engine(), arguments);
  }

  private static long count(String sql, org.springframework.jdbc.core.JdbcTemplate database, Object... arguments) {
    return database.queryForObject(sql, Long.class, arguments);
  }

  private interface Work {
    void run(int index) throws Exception;
  }

  private static void inParallel(int count, int threads, Work work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      running.add(pool.submit(() -> {
        work.run(index);
        return null;
      }));
    }
    for (Future<?> each : running) {
      each.get();
    }
    pool.shutdown();
  }

  private static void await(BooleanSupplier condition, Duration limit, String what) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + limit + " for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static void run(List<String> command, PostgreSql.Database database) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(FOLDER.resolve("pg.log").toFile()));
    builder.environment().putAll(database.clientEnvironment());
    int exit = builder.start().waitFor();
    assertThat(exit).as(String.join(" ", command) + " (see " + FOLDER.resolve("pg.log") + ")").isZero();
  }
}

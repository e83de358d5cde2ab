package id.go.kapuaskab.lupapassphrase.benchmark;

import static id.go.kapuaskab.lupapassphrase.process.Groups.VERIFIERS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.APPLICANT;

import id.go.kapuaskab.lupapassphrase.process.Groups;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.Requests;
import id.go.kapuaskab.lupapassphrase.support.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.http.HttpHeaders;

/** The verifier's queue in Tasklist: filled with open requests, then its first page asked for again and again. */
final class VerifierQueue {

  private static final int SAMPLES = 200;
  private static final int WARM_UP = 30;
  /** A page slower than this many times a budget of 20 ms gets fewer samples, so the run still ends. */
  private static final long BUDGET_NANOS = (WARM_UP + SAMPLES) * 20_000_000L * 10;
  private static final int FEWEST = 10;
  private static final int PAGE = 15;
  private static final String REST_QUERY = "{\"candidateGroup\":\"" + VERIFIERS
      + "\",\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";

  private final ProcessEngine engine;

  VerifierQueue(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Opens requests waiting for verification, as submitted by the applicant, until the queue holds this many. */
  void fillTo(int size, String label) throws Exception {
    Map<String, Object> request = Requests.requestOf(DemoPeople.ANI);
    request.put(APPLICANT, DemoPeople.ANI.userId());
    AtomicInteger missing = new AtomicInteger((int) (size - queued()));
    ExecutorService fillers = Executors.newFixedThreadPool(2);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      running.add(fillers.submit(() -> {
        // only an administrator may place requests straight into the queue
        Users.authenticate(engine, DemoPeople.ADMIN.userId());
        int left;
        while ((left = missing.getAndDecrement()) > 0) {
          engine.getRuntimeService().createProcessInstanceByKey(PROCESS_KEY)
              .startBeforeActivity(TASK_VERIFY_REQUEST).setVariables(request).execute();
          if (left % 1000 == 0) {
            System.out.printf("  %s: %d requests more to open for the verifier's queue%n", label, left);
          }
        }
        return null;
      }));
    }
    for (Future<?> filler : running) {
      filler.get();
    }
    fillers.shutdown();
  }

  long queued() {
    return engine.getTaskService().createTaskQuery().taskCandidateGroup(VERIFIERS).count();
  }

  /** Milliseconds for the first page of the queue through the Java API, as the verifier (authorizations checked). */
  List<Double> javaApiLatencies() {
    Users.authenticate(engine, DemoPeople.VERA.userId());
    try {
      return timed(() -> engine.getTaskService().createTaskQuery().taskCandidateGroup(VERIFIERS)
          .orderByTaskCreateTime().desc().listPage(0, PAGE));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The same page through /engine-rest as the verifier, with HTTP Basic. */
  List<Double> restLatencies(int port, String password) {
    return restLatencies(List.of("http://localhost:" + port), password);
  }

  /** The same page through /engine-rest of each node in turn, as the verifier, with HTTP Basic. */
  static List<Double> restLatencies(List<String> baseUrls, String password) {
    HttpClient http = HttpClient.newHttpClient();
    List<HttpRequest> pages = baseUrls.stream().map(baseUrl -> HttpRequest.newBuilder(URI.create(baseUrl
            + "/engine-rest/task?firstResult=0&maxResults=" + PAGE))
        .header(HttpHeaders.AUTHORIZATION, "Basic " + HttpHeaders.encodeBasicAuth(DemoPeople.VERA.userId(), password,
            StandardCharsets.UTF_8))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(REST_QUERY)).build()).toList();
    AtomicInteger next = new AtomicInteger();
    return timed(() -> {
      HttpResponse<String> answer = http.send(pages.get(next.getAndIncrement() % pages.size()),
          HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200 || !answer.body().startsWith("[{")) {
        throw new IllegalStateException("task list answered HTTP " + answer.statusCode() + ": " + answer.body());
      }
      return answer;
    });
  }

  private interface Query {
    Object run() throws Exception;
  }

  private static List<Double> timed(Query query) {
    List<Double> millis = new ArrayList<>();
    long deadline = System.nanoTime() + BUDGET_NANOS;
    try {
      for (int i = 0; i < WARM_UP + SAMPLES; i++) {
        long started = System.nanoTime();
        query.run();
        if (i >= WARM_UP) {
          millis.add((System.nanoTime() - started) / 1e6);
        }
        if (started > deadline && millis.size() >= FEWEST) {
          break;
        }
        if (started > deadline && i < WARM_UP) {
          i = WARM_UP - 1;
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return millis;
  }
}

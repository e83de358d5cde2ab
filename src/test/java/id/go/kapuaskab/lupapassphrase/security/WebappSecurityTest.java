package id.go.kapuaskab.lupapassphrase.security;

import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.STATEMENT_LETTER;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.Browserless;
import id.go.kapuaskab.lupapassphrase.support.RequestFixtures;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The webapps and every other path: who may log into which app, what is open, and the hardening. */
class WebappSecurityTest extends IntegrationTest {

  @Autowired
  private TestRestTemplate http;

  @ParameterizedTest(name = "{0} into {1}: {2}")
  @CsvSource({
      "ani, tasklist, 200", "ani, cockpit, 403", "ani, admin, 403",
      "vera, tasklist, 200", "vera, cockpit, 403", "vera, admin, 403",
      "hendra, tasklist, 200", "hendra, cockpit, 200", "hendra, admin, 403",
      "rina, tasklist, 403", "rina, cockpit, 200", "rina, admin, 403",
      "admin, tasklist, 200", "admin, cockpit, 200", "admin, admin, 200"})
  void eachRoleLogsIntoItsAppsOnly(String user, String app, int status) {
    assertThat(new Browserless(port).login(app, user, "demo").statusCode()).isEqualTo(status);
  }

  @Test
  void nothingButHealthAnswersWithoutALogin() {
    Browserless anonymous = new Browserless(port);

    assertThat(anonymous.get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
    assertThat(anonymous.get("/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/engine-rest/user").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/camunda/api/engine/engine/default/history/process-instance").statusCode()).isEqualTo(401);
    // Camunda's own filter let the list of engines through
    assertThat(anonymous.get("/engine-rest/engine").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/engine-rest/engine/").statusCode()).isEqualTo(401);
    for (String closed : List.of("/actuator", "/actuator/env", "/actuator/beans", "/h2-console", "/h2-console/login.do")) {
      assertThat(anonymous.get(closed).statusCode()).as(closed).isEqualTo(404);
    }
    assertThat(http.withBasicAuth("ani", "demo").getForEntity("/engine-rest/engine", String.class).getBody())
        .isEqualTo("[{\"name\":\"default\"}]");
  }

  @Test
  void restCallsReachTheNodesEngineByItsNameOnly() {
    TestRestTemplate ani = http.withBasicAuth("ani", "demo");

    assertThat(ani.getForEntity("/engine-rest/task?maxResults=10", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(ani.getForEntity("/engine-rest/engine/default/task?maxResults=10", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<String> other = ani.getForEntity("/engine-rest/engine/lain/task?maxResults=10", String.class);
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(other.getBody()).contains("Process engine lain not available");
  }

  @Test
  void theWebappSessionIsHttpOnlySameSiteAndCsrfProtected() {
    Browserless vera = new Browserless(port);
    HttpResponse<String> login = vera.login("tasklist", "vera", "demo");

    String sessionCookie = login.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    assertThat(sessionCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    String claim = "{\"userId\":\"vera\"}";
    HttpResponse<String> withoutToken = vera.postJson("/camunda/api/engine/engine/default/task/unknown/claim", claim, false);
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    Browserless browser = new Browserless(port);
    for (String path : List.of("/camunda/app/tasklist/", "/engine-rest/task", "/actuator/health")) {
      HttpResponse<String> response = browser.get(path);
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
    }
    // Camunda's policy plus workers from this application only (PDF.js); still no objects, no framing
    assertThat(browser.get("/camunda/app/tasklist/").headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("frame-ancestors 'none'", "object-src 'none'", "worker-src 'self'", "default-src 'self'")
        .containsPattern("script-src 'nonce-[\\w-]+' 'strict-dynamic'");
    assertThat(browser.get("/engine-rest/task").headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void theFormsFetchTheLetterWithTheUsersOwnSession() {
    ProcessInstance request = new RequestFixtures(engine).waitingForVerifier(DemoPeople.ANI);
    String task = engine.getTaskService().createTaskQuery().processInstanceId(request.getId()).singleResult().getId();
    String letter = "/camunda/api/engine/engine/default/task/" + task + "/variables/" + STATEMENT_LETTER + "/data";
    Browserless vera = new Browserless(port);
    Browserless budi = new Browserless(port);
    vera.login("tasklist", "vera", "demo");
    budi.login("tasklist", "budi", "demo");

    HttpResponse<String> verifier = vera.get(letter);
    assertThat(verifier.statusCode()).isEqualTo(200);
    assertThat(verifier.body()).startsWith("%PDF-");
    assertThat(budi.get(letter).statusCode()).isEqualTo(403);
    assertThat(new Browserless(port).get(letter).statusCode()).isEqualTo(401);
  }

  @Test
  void anOversizedBodyIsRefusedBeforeItIsRead() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = "{\"variables\":{\"x\":{\"value\":\"" + "a".repeat(5 * 1024 * 1024) + "\",\"type\":\"String\"}}}";

    ResponseEntity<String> response = http.withBasicAuth("ani", "demo").exchange(
        "/engine-rest/process-definition/key/lupa-passphrase/start", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
  }

  @Test
  void sqlInQueryParametersIsOnlyText() {
    TestRestTemplate vera = http.withBasicAuth("vera", "demo");

    ResponseEntity<String> byKey = vera.getForEntity(
        "/engine-rest/task?processInstanceBusinessKey={key}&maxResults=15", String.class, "' OR '1'='1");
    ResponseEntity<String> bySort = vera.getForEntity(
        "/engine-rest/task?sortBy={sort}&sortOrder=asc&maxResults=15", String.class, "name; DROP TABLE ACT_RU_TASK");

    assertThat(byKey.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(byKey.getBody()).isEqualTo("[]");
    assertThat(bySort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(engine.getTaskService().createTaskQuery().count()).isNotNegative();
  }

  @Test
  void wrongPasswordsAreRefusedAndLockTheAccountForAWhile() {
    IdentityService identity = engine.getIdentityService();
    User user = identity.newUser("lockouttest");
    user.setPassword("Benar-Sekali-2026");
    identity.saveUser(user);
    try {
      // a user of its own: failed logins delay the next ones, which would upset other tests' users
      assertThat(new Browserless(port).login("welcome", "lockouttest", "salah").statusCode()).isEqualTo(401);
      for (int attempt = 0; attempt < 10; attempt++) {
        assertThat(identity.checkPassword("lockouttest", "salah")).isFalse();
      }
      // the engine delays further attempts after failures and locks the user after ten of them
      assertThat(identity.checkPassword("lockouttest", "Benar-Sekali-2026")).isFalse();
      assertThat(identity.createUserQuery().userId("lockouttest").singleResult()).isNotNull();
    } finally {
      identity.deleteUser("lockouttest");
    }
  }
}

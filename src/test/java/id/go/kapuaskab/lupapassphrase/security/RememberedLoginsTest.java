package id.go.kapuaskab.lupapassphrase.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.process.Groups;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An HTTP Basic login the engine accepted is remembered for a while on the node: a change made on this
 * node (a password, a membership) holds on the next call, one made behind its back, as another node
 * would, once the remembered login's time is over; a wrong password at this door makes the user's next
 * login a check again, so the engine's wait after it holds. What a user may see is what their groups
 * allow: the auditors read the deployments, a user without a group reads none.
 */
class RememberedLoginsTest extends IntegrationTest {

  private static final String USER = "tamuingat";
  private static final String PASSWORD = "demo";

  @Autowired
  private LoginSettings settings;

  @Autowired
  private JdbcTemplate jdbc;

  @BeforeEach
  void aUserWithoutGroups() {
    ClockUtil.setCurrentTime(new Date());
    IdentityService identity = engine.getIdentityService();
    identity.deleteUser(USER);
    User user = identity.newUser(USER);
    user.setFirstName("Tamu");
    user.setLastName("Ingat");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
  }

  @AfterEach
  void userGone() {
    engine.getIdentityService().deleteUser(USER);
  }

  @Test
  void aMembershipMadeOnAnotherNodeHoldsHereOnceTheRememberedLoginIsOver() {
    assertThat(deploymentsSeen(PASSWORD)).isZero();

    // another node (the same database) makes the user an auditor
    jdbc.update("insert into ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) values (?, ?)", USER, Groups.AUDITORS);
    assertThat(deploymentsSeen(PASSWORD)).as("still the login remembered here").isZero();

    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + settings.basicLoginsRemembered().toMillis()));
    assertThat(deploymentsSeen(PASSWORD)).as("checked again").isPositive();
  }

  @Test
  void aMembershipMadeOrEndedOnThisNodeHoldsOnTheNextCall() {
    assertThat(deploymentsSeen(PASSWORD)).isZero();

    engine.getIdentityService().createMembership(USER, Groups.AUDITORS);
    assertThat(deploymentsSeen(PASSWORD)).isPositive();

    engine.getIdentityService().deleteMembership(USER, Groups.AUDITORS);
    assertThat(deploymentsSeen(PASSWORD)).isZero();
  }

  @Test
  void aPasswordChangedOnThisNodeHoldsOnTheNextCall() {
    assertThat(call(PASSWORD).statusCode()).isEqualTo(200);

    User user = engine.getIdentityService().createUserQuery().userId(USER).singleResult();
    user.setPassword("baru-" + PASSWORD);
    engine.getIdentityService().saveUser(user);

    assertThat(call(PASSWORD).statusCode()).isEqualTo(401);
    waitOutTheEnginesWait();
    assertThat(call("baru-" + PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordMakesTheNextLoginACheckSoTheEnginesWaitHolds() {
    assertThat(call(PASSWORD).statusCode()).isEqualTo(200);

    assertThat(call("tebakan").statusCode()).isEqualTo(401);
    assertThat(call(PASSWORD).statusCode()).as("during the engine's wait").isEqualTo(401);

    waitOutTheEnginesWait();
    assertThat(call(PASSWORD).statusCode()).isEqualTo(200);
  }

  /** Moves the engine's clock to the end of the wait a wrong password set on the account. */
  private void waitOutTheEnginesWait() {
    ClockUtil.setCurrentTime(((UserEntity) engine.getIdentityService().createUserQuery().userId(USER).singleResult())
        .getLockExpirationTime());
  }

  private long deploymentsSeen(String password) {
    HttpResponse<String> answer = call(password);
    assertThat(answer.statusCode()).isEqualTo(200);
    try {
      return new ObjectMapper().readTree(answer.body()).get("count").asLong();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> call(String password) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/count"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password)
            .getBytes(StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(30)).GET().build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

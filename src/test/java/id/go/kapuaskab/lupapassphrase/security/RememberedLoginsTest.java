package id.go.kapuaskab.lupapassphrase.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.process.Groups;
import id.go.kapuaskab.lupapassphrase.support.EngineApi;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Answer;
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
    assertThat(call(PASSWORD)).isEqualTo(200);

    User user = engine.getIdentityService().createUserQuery().userId(USER).singleResult();
    user.setPassword("baru-" + PASSWORD);
    engine.getIdentityService().saveUser(user);

    assertThat(call(PASSWORD)).isEqualTo(401);
    waitOutTheEnginesWait();
    assertThat(call("baru-" + PASSWORD)).isEqualTo(200);
  }

  @Test
  void aWrongPasswordMakesTheNextLoginACheckSoTheEnginesWaitHolds() {
    assertThat(call(PASSWORD)).isEqualTo(200);

    assertThat(call("tebakan")).isEqualTo(401);
    assertThat(call(PASSWORD)).as("during the engine's wait").isEqualTo(401);

    waitOutTheEnginesWait();
    assertThat(call(PASSWORD)).isEqualTo(200);
  }

  /** Moves the engine's clock to the end of the wait a wrong password set on the account. */
  private void waitOutTheEnginesWait() {
    ClockUtil.setCurrentTime(((UserEntity) engine.getIdentityService().createUserQuery().userId(USER).singleResult())
        .getLockExpirationTime());
  }

  private long deploymentsSeen(String password) {
    Answer answer = EngineApi.basic(port, USER, password).call("GET", "/deployment/count", null);
    assertThat(answer.status()).isEqualTo(200);
    return answer.json().get("count").asLong();
  }

  private int call(String password) {
    return EngineApi.basic(port, USER, password).call("GET", "/deployment/count", null).status();
  }
}

package id.go.kapuaskab.lupapassphrase.security;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.process.Groups;
import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.process.ProcessIds;
import id.go.kapuaskab.lupapassphrase.support.Browserless;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No caller can shut an honest user out by guessing: wrong passwords delay the account's next check
 * for a while that ends by itself, never until an administrator unlocks it; and one client that keeps
 * guessing waits (429) while everyone else, the account's owner included, logs in. Both doors: HTTP
 * Basic on /engine-rest and the webapps' login. Each client is an address the reverse proxy names
 * (X-Forwarded-For); time passes on the engine's clock.
 */
class LoginLimitsTest extends IntegrationTest {

  private static final String RIGHT = "demo";
  private static final String WRONG = "tebakan";

  @Autowired
  private LoginSettings settings;

  /** The two ways a password reaches the engine; each test's clients are addresses of their own. */
  enum Door {
    HTTP_BASIC("198.51.100."), WEBAPP_LOGIN("203.0.113.");

    private final String network;

    Door(String network) {
      this.network = network;
    }

    String client(int host) {
      return network + host;
    }

    HttpResponse<String> login(int port, String client, String user, String password) {
      if (this == WEBAPP_LOGIN) {
        return Browserless.from(port, client).login("tasklist", user, password);
      }
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/count"))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
              .getBytes(StandardCharsets.UTF_8)))
          .header("X-Forwarded-For", client).GET().build();
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

  @BeforeEach
  @AfterEach
  void nobodyIsDelayed() {
    // delays are set on a clock moved ahead, and the tests before and after log in on the real one
    for (String user : new String[] {"vera", "tamusatu", "tamudua"}) {
      engine.getIdentityService().unlockUser(user);
    }
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void wrongPasswordsDelayAnAccountForAWhileAndTheGuessingClientWaitsWhileTheOwnerLogsIn(Door door) {
    String guesser = door.client(11);
    String helper = door.client(12);
    String vera = door.client(13);
    ClockUtil.setCurrentTime(new Date());
    Instant firstGuess = now();

    // the guesser's wrong passwords, each once the engine's delay is over; one sent during a delay compares nothing
    for (int guess = 1; guess <= settings.maxFailuresPerClient(); guess++) {
      assertThat(door.login(port, guesser, "vera", WRONG).statusCode()).isEqualTo(401);
      if (guess == 1) {
        assertThat(door.login(port, guesser, "vera", WRONG).statusCode()).as("during the delay").isEqualTo(401);
      }
      waitOutTheDelayOf("vera");
    }
    // the guesser waits, its password not even checked: vera's own password from there answers 429
    HttpResponse<String> waiting = door.login(port, guesser, "vera", RIGHT);
    assertThat(waiting.statusCode()).isEqualTo(429);
    // until the window that began with its first wrong password ends
    long left = (Duration.between(now(), firstGuess.plus(settings.clientWindow())).toMillis() + 999) / 1000;
    assertThat(waiting.headers().firstValue("Retry-After")).hasValue(Long.toString(left));
    assertThat(waiting.body()).contains("Terlalu banyak percobaan masuk dengan kata sandi yang salah",
        "Silakan coba lagi dalam " + (left + 59) / 60 + " menit.");

    // a second client brings vera to ten wrong passwords, which the engine's default would lock for good
    for (int guess = 1; guess <= settings.maxFailuresPerClient(); guess++) {
      assertThat(door.login(port, helper, "vera", WRONG).statusCode()).isEqualTo(401);
      if (guess < settings.maxFailuresPerClient()) {
        waitOutTheDelayOf("vera");
      }
    }
    assertThat(user("vera").getAttempts()).isEqualTo(10);
    assertThat(user("vera").getLockExpirationTime()).isBeforeOrEqualTo(Date.from(now().plusSeconds(60)));
    assertThat(door.login(port, vera, "vera", RIGHT).statusCode()).as("during the delay").isEqualTo(401);

    waitOutTheDelayOf("vera");
    assertThat(door.login(port, vera, "vera", RIGHT).statusCode()).isEqualTo(200);
    assertThat(user("vera").getAttempts()).isZero();
    assertThat(door.login(port, guesser, "vera", RIGHT).statusCode()).as("still in its window").isEqualTo(429);

    ClockUtil.setCurrentTime(Date.from(firstGuess.plus(settings.clientWindow())));
    assertThat(door.login(port, guesser, "vera", RIGHT).statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aRightPasswordForgivesOnlyThatUsersMistakes(Door door) {
    guest("tamusatu");
    guest("tamudua");
    String office = door.client(21);
    ClockUtil.setCurrentTime(new Date());

    // one mistypes almost to the limit and then gets it right: the slate is clean, the next typo is forgiven too
    for (int typo = 1; typo < settings.maxFailuresPerClient(); typo++) {
      assertThat(door.login(port, office, "tamusatu", WRONG).statusCode()).isEqualTo(401);
      waitOutTheDelayOf("tamusatu");
    }
    assertThat(door.login(port, office, "tamusatu", RIGHT).statusCode()).isEqualTo(200);
    assertThat(door.login(port, office, "tamusatu", WRONG).statusCode()).isEqualTo(401);
    waitOutTheDelayOf("tamusatu");
    assertThat(door.login(port, office, "tamusatu", RIGHT).statusCode()).isEqualTo(200);

    // guesses at another's password are not forgiven by logging into one's own account in between
    for (int guess = 1; guess <= settings.maxFailuresPerClient(); guess++) {
      assertThat(door.login(port, office, "tamudua", WRONG).statusCode()).isEqualTo(401);
      waitOutTheDelayOf("tamudua");
      if (guess < settings.maxFailuresPerClient()) {
        assertThat(door.login(port, office, "tamusatu", RIGHT).statusCode()).isEqualTo(200);
      }
    }
    assertThat(door.login(port, office, "tamusatu", RIGHT).statusCode()).isEqualTo(429);
    assertThat(door.login(port, door.client(22), "tamudua", RIGHT).statusCode()).isEqualTo(200);
  }

  @Test
  void anIpv6ClientIsItsSlash64() {
    assertThat(LoginGuard.client("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo(LoginGuard.client("2001:db8:1:2::1"))
        .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(LoginGuard.client("2001:db8:1:3::1")).isNotEqualTo(LoginGuard.client("2001:db8:1:2::1"));
    assertThat(LoginGuard.client("192.0.2.7")).isEqualTo("192.0.2.7");
  }

  /** Moves the engine's clock to the end of the user's current delay, which is never more than a minute. */
  private void waitOutTheDelayOf(String userId) {
    Date until = user(userId).getLockExpirationTime();
    assertThat(until).isBeforeOrEqualTo(Date.from(now().plusSeconds(60)));
    ClockUtil.setCurrentTime(until);
  }

  private UserEntity user(String userId) {
    return (UserEntity) engine.getIdentityService().createUserQuery().userId(userId).singleResult();
  }

  private void guest(String userId) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName("Tamu");
      user.setLastName("Uji");
      user.setPassword(RIGHT);
      identity.saveUser(user);
      identity.createMembership(userId, Groups.APPLICANTS);
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}

package id.go.kapuaskab.lupapassphrase.request;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.APPLICANT;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SUBMIT_ACTION;
import static id.go.kapuaskab.lupapassphrase.support.RestVariables.string;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.process.Groups;
import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.process.ProcessIds;
import id.go.kapuaskab.lupapassphrase.process.SubmitAction;
import id.go.kapuaskab.lupapassphrase.support.EngineApi;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Answer;
import id.go.kapuaskab.lupapassphrase.support.EngineApi.Door;
import id.go.kapuaskab.lupapassphrase.support.Users;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Value;

/**
 * One applicant cannot open requests without bound: with as many running as
 * {@code lupa-passphrase.request.max-open-per-applicant} says (the test profile's value), one more is
 * refused with 409 at both doors, by start and by Tasklist's submit-form, and nothing is opened; once
 * one of them ends, the applicant opens the next through the same door. An administrator is not held.
 */
class OpenRequestLimitTest extends IntegrationTest {

  private static final String START = "/process-definition/key/" + PROCESS_KEY + "/start";
  private static final String SUBMIT_FORM = "/process-definition/key/" + PROCESS_KEY + "/submit-form";

  @Value("${lupa-passphrase.request.max-open-per-applicant}")
  private int limit;

  @ParameterizedTest
  @EnumSource(Door.class)
  void oneRequestMoreThanTheLimitIsRefusedUntilOneEnds(Door door) {
    String applicant = "batas" + door.ordinal();
    applicant(applicant);
    // a day of its own on the engine's clock, so that no other test's period holds these requests
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2033-03-03T02:00:00Z").plusSeconds(3600L * door.ordinal())));
    for (int i = 1; i < limit; i++) {
      Users.as(engine, applicant, () -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY));
    }
    EngineApi api = door.as(port, applicant);
    Answer last = api.call("POST", START, Map.of());
    assertThat(last.status()).isEqualTo(200);
    assertThat(open(applicant)).isEqualTo(limit);

    for (String endpoint : new String[] {START, SUBMIT_FORM}) {
      Answer refused = api.call("POST", endpoint, Map.of());
      assertThat(refused.status()).as(endpoint).isEqualTo(409);
      assertThat(refused.json().get("message").asText()).as(endpoint)
          .contains("Anda masih memiliki " + limit + " permohonan yang berjalan", "paling banyak " + limit,
              "Batalkan permohonan");
    }
    assertThat(open(applicant)).isEqualTo(limit);

    // the applicant withdraws one at step 1, through the same door, and opens the next
    String task = engine.getTaskService().createTaskQuery().processInstanceId(last.json().get("id").asText())
        .singleResult().getId();
    String completion = door == Door.WEBAPP_SESSION ? "/submit-form" : "/complete";
    assertThat(api.call("POST", "/task/" + task + completion,
        Map.of("variables", Map.of(SUBMIT_ACTION, string(SubmitAction.WITHDRAW.name())))).status()).isEqualTo(204);
    assertThat(api.call("POST", door == Door.WEBAPP_SESSION ? SUBMIT_FORM : START, Map.of()).status()).isEqualTo(200);
    assertThat(open(applicant)).isEqualTo(limit);

    // another applicant is not held by these, and an administrator is held by nothing
    assertThat(door.as(port, "budi").call("POST", START, Map.of()).status()).isEqualTo(200);
    assertThat(door.as(port, applicant).call("POST", START, Map.of()).status()).isEqualTo(409);
    engine.getIdentityService().createMembership(applicant, Groups.ADMINS);
    try {
      assertThat(door.as(port, applicant).call("POST", START, Map.of()).status()).isEqualTo(200);
    } finally {
      engine.getIdentityService().deleteMembership(applicant, Groups.ADMINS);
    }
    assertThat(open(applicant)).isEqualTo(limit + 1);

    engine.getRuntimeService().deleteProcessInstances(engine.getRuntimeService().createProcessInstanceQuery()
        .variableValueEquals(APPLICANT, applicant).list().stream().map(request -> request.getId()).toList(),
        "test ended", true, true);
  }

  private long open(String applicant) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .variableValueEquals(APPLICANT, applicant).count();
  }

  private void applicant(String userId) {
    IdentityService identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName("Pemohon");
      user.setLastName("Batas");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(userId, Groups.APPLICANTS);
    }
  }
}

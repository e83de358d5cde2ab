package id.go.kapuaskab.lupapassphrase.audit;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/**
 * A request's scopes end with the durations their rows' own start times give, though this node took those start
 * times from its memory of the rows it wrote ({@link ScopeStartTimes}) rather than from the rows.
 */
class ScopeStartTimesTest extends IntegrationTest {

  /** 08:00 WIB on a Wednesday no other test uses. */
  private static final Instant OPENED = Instant.parse("2051-03-08T01:00:00Z");

  private record Scope(String what, Date start, Date end, Long duration) {
  }

  @Test
  void everyEndedScopeOfARequestHasTheDurationItsStartAndEndGive() {
    String id = completedRequest(OPENED);

    HistoryService history = engine.getHistoryService();
    List<Scope> scopes = new ArrayList<>();
    history.createHistoricProcessInstanceQuery().processInstanceId(id).list().forEach(request ->
        scopes.add(new Scope("permintaan", request.getStartTime(), request.getEndTime(), request.getDurationInMillis())));
    history.createHistoricActivityInstanceQuery().processInstanceId(id).list().forEach(step ->
        scopes.add(new Scope(step.getActivityId(), step.getStartTime(), step.getEndTime(), step.getDurationInMillis())));
    history.createHistoricTaskInstanceQuery().processInstanceId(id).list().forEach(task ->
        scopes.add(new Scope(task.getTaskDefinitionKey(), task.getStartTime(), task.getEndTime(), task.getDurationInMillis())));

    assertThat(scopes).as("the request, its steps and its tasks, all ended").hasSizeGreaterThan(10)
        .allSatisfy(scope -> assertThat(scope.end()).as(scope.what()).isNotNull());
    assertThat(scopes).as("the tasks waited minutes: durations that a wrong start time would change")
        .anyMatch(scope -> scope.duration() >= ofMinutes(3).toMillis());
    assertThat(scopes).allSatisfy(scope -> assertThat(scope.duration()).as(scope.what())
        .isEqualTo(scope.end().getTime() - scope.start().getTime()));
  }

  @Test
  void anEndedScopeIsForgottenThoughItBeganInTheCommandThatEndedIt() {
    String id = completedRequest(OPENED.plus(ofMinutes(60)));

    HistoryService history = engine.getHistoryService();
    List<String> scopes = new ArrayList<>(List.of(id));
    List<String> beganAndEndedTogether = new ArrayList<>();
    history.createHistoricActivityInstanceQuery().processInstanceId(id).list().forEach(step -> {
      scopes.add(step.getId());
      if (step.getStartTime().equals(step.getEndTime())) {
        beganAndEndedTogether.add(step.getId());
      }
    });
    history.createHistoricTaskInstanceQuery().processInstanceId(id).list().forEach(task -> scopes.add(task.getId()));

    assertThat(beganAndEndedTogether).as("steps begun and ended in one command (gateways, events)").isNotEmpty();
    VariableUpdatesKept writer = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCustomHistoryEventHandlers().stream().filter(VariableUpdatesKept.class::isInstance)
        .map(VariableUpdatesKept.class::cast).findFirst().orElseThrow();
    assertThat(writer.scopesHeld()).as("the ended request's scopes").doesNotContainAnyElementsOf(scopes);
  }

  /** A request opened at the moment given, whose tasks each wait minutes, through to its end. */
  private String completedRequest(Instant opened) {
    return SopRun.openedAt(engine, ams, DemoPeople.ANI, opened)
        .submitAfter(ofMinutes(1))
        .approve(DemoPeople.VERA, ofMinutes(1), ofMinutes(3))
        .confirmLinkAfter(ofMinutes(2))
        .setNewPassphraseAfter(ofMinutes(7))
        .id();
  }
}

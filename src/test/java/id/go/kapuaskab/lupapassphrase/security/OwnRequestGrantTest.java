package id.go.kapuaskab.lupapassphrase.security;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.EngineApi;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * Whoever opens a request reads it, and nobody else through that grant; the grant is on the request
 * alone while it runs, and gone once it ends: none is left behind for the executions the engine makes
 * inside the request (a task's scope), which each request used to leave three of.
 */
class OwnRequestGrantTest extends IntegrationTest {

  /** A Tuesday, 09:00 in Kapuas (WIB), in service hours. */
  private static final Instant OPENED = Instant.parse("2050-06-07T02:00:00Z");

  @Test
  void theApplicantReadsHerRequestThroughOneGrantThatEndsWithIt() {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, OPENED).submitAfter(ofMinutes(1));
    Set<String> executions = new HashSet<>(executionsOf(run.id()));
    executions.add(run.id());

    assertThat(grantsOn(executions)).extracting(Authorization::getResourceId, Authorization::getUserId)
        .containsExactly(tuple(run.id(), DemoPeople.ANI.userId()));
    ClockUtil.reset();
    assertThat(EngineApi.basic(port, DemoPeople.ANI.userId()).call("GET", "/process-instance/" + run.id() + "/variables", null)
        .status()).isEqualTo(200);
    assertThat(EngineApi.basic(port, DemoPeople.BUDI.userId()).call("GET", "/process-instance/" + run.id() + "/variables", null)
        .status()).isEqualTo(403);

    ClockUtil.setCurrentTime(Date.from(OPENED.plus(ofMinutes(2))));
    run.approve(DemoPeople.VERA, ofMinutes(1), ofMinutes(1)).confirmLinkAfter(ofMinutes(1)).setNewPassphraseAfter(ofMinutes(2));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(run.id()).count()).isZero();
    executions.addAll(executionsOf(run.id()));
    assertThat(executions).hasSizeGreaterThan(3);
    assertThat(grantsOn(executions)).isEmpty();
  }

  /** Every execution the request ran in, from its history. */
  private List<String> executionsOf(String request) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(request).list().stream()
        .map(HistoricActivityInstance::getExecutionId).distinct().toList();
  }

  private List<Authorization> grantsOn(Set<String> resourceIds) {
    return engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).list()
        .stream().filter(grant -> resourceIds.contains(grant.getResourceId())).toList();
  }
}

package id.go.kapuaskab.lupapassphrase.engine;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.management.JobDefinition;
import org.junit.jupiter.api.Test;

/**
 * The job log names each job's definition as the definition's own row does, though the node reads that row once
 * ({@link JobLogDefinitionsRemembered}): the first request through a definition reads it, the second finds it
 * remembered.
 */
class JobLogDefinitionsRememberedTest extends IntegrationTest {

  /** 08:00 WIB on a Tuesday no other test uses. */
  private static final Instant OPENED = Instant.parse("2051-03-07T01:00:00Z");

  @Test
  void everyJobLogRowNamesItsDefinitionAsTheDefinitionsRowDoes() {
    List<HistoricJobLog> logged = List.of(issued(OPENED), issued(OPENED.plus(ofMinutes(60)))).stream()
        .flatMap(run -> engine.getHistoryService().createHistoricJobLogQuery().processInstanceId(run.id()).list()
            .stream())
        .toList();

    assertThat(logged).extracting(HistoricJobLog::getJobDefinitionId).doesNotContainNull();
    assertThat(logged).as("jobs made, run and deleted (the SLA timers of steps done in time)")
        .anyMatch(HistoricJobLog::isCreationLog).anyMatch(HistoricJobLog::isSuccessLog)
        .anyMatch(HistoricJobLog::isDeletionLog);
    for (HistoricJobLog row : logged) {
      JobDefinition definition = engine.getManagementService().createJobDefinitionQuery()
          .jobDefinitionId(row.getJobDefinitionId()).singleResult();
      assertThat(List.of(row.getJobDefinitionType(), row.getJobDefinitionConfiguration(), row.getActivityId()))
          .as("job log row %s", row.getId())
          .isEqualTo(List.of(definition.getJobType(), definition.getJobConfiguration(), definition.getActivityId()));
    }
  }

  private SopRun issued(Instant opened) {
    return SopRun.openedAt(engine, ams, DemoPeople.ANI, opened)
        .submitAfter(ofMinutes(1))
        .approve(DemoPeople.VERA, ofMinutes(1), ofMinutes(2))
        .confirmLinkAfter(ofMinutes(2))
        .setNewPassphraseAfter(ofMinutes(4));
  }
}

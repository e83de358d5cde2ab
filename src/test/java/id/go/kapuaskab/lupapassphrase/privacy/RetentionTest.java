package id.go.kapuaskab.lupapassphrase.privacy;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.process.ProcessVariables;
import id.go.kapuaskab.lupapassphrase.process.SubmitAction;
import id.go.kapuaskab.lupapassphrase.support.RequestFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.BatchWindow;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** The letter and the identity data leave the database once the retention period has passed. */
class RetentionTest extends IntegrationTest {

  @Autowired
  private JdbcTemplate jdbc;

  @Value("${lupa-passphrase.retention.days}")
  private int retentionDays;

  @Test
  void historyCleanupDeletesTheLetterBytesAfterTheRetentionPeriod() {
    RequestFixtures fixtures = new RequestFixtures(engine);
    ProcessInstance request = fixtures.rejected(DemoPeople.ANI, DemoPeople.VERA);
    engine.getTaskService().complete(fixtures.task(request, TASK_SUBMIT_REQUEST).getId(),
        Map.of(ProcessVariables.SUBMIT_ACTION, SubmitAction.WITHDRAW.name()));
    HistoricProcessInstance ended = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(request.getId()).singleResult();
    assertThat(ended.getEndTime()).isNotNull();
    List<String> letterBytes = letterByteArrays(request.getId());
    // kept once: the variable's history holds it, and no detail copies it (audit/VariableUpdatesKept)
    assertThat(letterBytes).as("the letter in variable history, with no copy in the details").hasSize(1);
    assertThat(bytesStartingWithPdf(letterBytes)).isEqualTo(letterBytes.size());

    // a day before the end of retention the cleanup leaves the request alone
    ClockUtil.setCurrentTime(Date.from(ended.getEndTime().toInstant().plus(Duration.ofDays(retentionDays - 1))));
    runHistoryCleanup();
    assertThat(bytesStartingWithPdf(letterBytes)).isEqualTo(letterBytes.size());

    ClockUtil.setCurrentTime(Date.from(ended.getEndTime().toInstant().plus(Duration.ofDays(retentionDays + 1))));
    runHistoryCleanup();

    assertThat(bytesStartingWithPdf(letterBytes)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_GE_BYTEARRAY WHERE ID_ IN (" + placeholders(letterBytes) + ")",
        Integer.class, letterBytes.toArray())).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND NAME_ IN ('nik', 'nip', 'officialEmail', 'applicantName')",
        Integer.class, request.getId())).isZero();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(request.getId()).count()).isZero();
  }

  @Test
  void historyCleanupRunsAtNightInKapuasWhateverTheServersTimeZone() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    // 12:00 WIB, the office open: the next window is the coming night's, 01:00 to 05:00 WIB
    BatchWindow window = configuration.getBatchWindowManager()
        .getCurrentOrNextBatchWindow(Date.from(Instant.parse("2051-03-07T05:00:00Z")), configuration);

    assertThat(window.getStart().toInstant()).isEqualTo(Instant.parse("2051-03-07T18:00:00Z"));
    assertThat(window.getEnd().toInstant()).isEqualTo(Instant.parse("2051-03-07T22:00:00Z"));
  }

  private void runHistoryCleanup() {
    Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(cleanup.getId());
  }

  private List<String> letterByteArrays(String processInstanceId) {
    List<String> ids = new ArrayList<>();
    ids.addAll(jdbc.queryForList("SELECT BYTEARRAY_ID_ FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND NAME_ = ?",
        String.class, processInstanceId, ProcessVariables.STATEMENT_LETTER));
    ids.addAll(jdbc.queryForList("SELECT BYTEARRAY_ID_ FROM ACT_HI_DETAIL WHERE PROC_INST_ID_ = ? AND NAME_ = ?",
        String.class, processInstanceId, ProcessVariables.STATEMENT_LETTER));
    return ids;
  }

  private int bytesStartingWithPdf(List<String> byteArrayIds) {
    return (int) jdbc.queryForList("SELECT BYTES_ FROM ACT_GE_BYTEARRAY WHERE ID_ IN (" + placeholders(byteArrayIds) + ")",
        byte[].class, byteArrayIds.toArray()).stream()
        .filter(bytes -> bytes != null && new String(bytes, 0, 5).equals("%PDF-")).count();
  }

  private static String placeholders(List<String> values) {
    return String.join(",", values.stream().map(value -> "?").toList());
  }
}

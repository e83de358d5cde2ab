package id.go.kapuaskab.lupapassphrase.process;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TIMER_SUBMIT_REQUEST_DEADLINE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TIMER_SUBMIT_REQUEST_SLA;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TIMER_VERIFY_REQUEST_SLA;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.audit.ComplianceCsv;
import id.go.kapuaskab.lupapassphrase.audit.ComplianceSummary;
import id.go.kapuaskab.lupapassphrase.audit.RequestFilter;
import id.go.kapuaskab.lupapassphrase.audit.RequestRow;
import id.go.kapuaskab.lupapassphrase.audit.SopHistory;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.Requests;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import id.go.kapuaskab.lupapassphrase.support.TestCalendar;
import id.go.kapuaskab.lupapassphrase.support.Users;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The SOP's timers in the office's service hours, on the real engine with its clock moved: the due times
 * the diagram's choice gives, the sentence the forms show, a calendar changed while timers wait, and the
 * history judging by service time.
 */
class ServiceHoursTimersTest extends IntegrationTest {

  @Test
  void aRequestOpenedAt1655OnTheFridayBeforeAHolidayIsDueOnTuesday() {
    ProcessInstance request = startBefore(TASK_SUBMIT_REQUEST, wib("2026-08-14T16:55"));

    assertThat(due(request, TIMER_SUBMIT_REQUEST_SLA)).isEqualTo(wib("2026-08-18T07:32"));
    // the one-day limit is a service day: from Tuesday's opening to Wednesday's
    assertThat(due(request, TIMER_SUBMIT_REQUEST_DEADLINE)).isEqualTo(wib("2026-08-19T07:30"));
    assertThat(serviceClock(request)).isEqualTo("Dihitung dalam jam layanan kantor; batas Selasa 18 Agustus 2026 07.32 WIB."
        + " Waktu layanan dimulai Selasa 18 Agustus 2026 07.30 WIB.");
  }

  @Test
  void aVerificationAt0729OnMondayIsDueFiveMinutesAfterOpening() {
    ProcessInstance request = startBefore(TASK_VERIFY_REQUEST, wib("2026-08-10T07:29"));

    assertThat(due(request, TIMER_VERIFY_REQUEST_SLA)).isEqualTo(wib("2026-08-10T07:35"));
  }

  @Test
  void aVerificationSpanningTheLunchBreakIsDueAfterIt() {
    ProcessInstance request = startBefore(TASK_VERIFY_REQUEST, wib("2026-08-11T11:58"));

    assertThat(due(request, TIMER_VERIFY_REQUEST_SLA)).isEqualTo(wib("2026-08-11T13:03"));
    assertThat(serviceClock(request)).isEqualTo("Dihitung dalam jam layanan kantor; batas Selasa 11 Agustus 2026 13.03 WIB.");
  }

  @Test
  void aChangedHolidayListMovesNewTimersOnlyAndWaitingOnesKeepTheirDueTime() {
    ProcessInstance waiting = startBefore(TASK_VERIFY_REQUEST, wib("2026-08-12T15:58"));
    try {
      TestCalendar.change(text -> text.replace("penutupan-kantor:\n", """
          penutupan-kantor:
            2026-08-13:
              alasan: Pemadaman listrik terjadwal
              sumber: Surat Kepala Dinas (uji)
          """));
      ProcessInstance later = startBefore(TASK_VERIFY_REQUEST, wib("2026-08-12T15:58"));

      assertThat(due(waiting, TIMER_VERIFY_REQUEST_SLA)).isEqualTo(wib("2026-08-13T07:33"));
      assertThat(due(later, TIMER_VERIFY_REQUEST_SLA)).isEqualTo(wib("2026-08-14T07:33"));
    } finally {
      TestCalendar.restore();
    }
    assertThat(due(startBefore(TASK_VERIFY_REQUEST, wib("2026-08-12T15:58")), TIMER_VERIFY_REQUEST_SLA))
        .isEqualTo(wib("2026-08-13T07:33"));
  }

  @Test
  void aWrongChangeOfTheCalendarKeepsTheOneBefore() {
    try {
      TestCalendar.change(text -> text.replace("  selasa: [07.30-12.00, 13.00-16.00]", "  selasa: [07.30-12.00, 11.00-16.00]"));
      ProcessInstance request = startBefore(TASK_VERIFY_REQUEST, wib("2026-08-11T11:58"));

      assertThat(due(request, TIMER_VERIFY_REQUEST_SLA)).isEqualTo(wib("2026-08-11T13:03"));
    } finally {
      TestCalendar.restore();
    }
  }

  @Test
  void aYearWithoutAListCountsItsWeekdays() {
    // 1 January 2027, a Friday: the 2027 decree is not in the calendar yet, so it is not taken for a holiday
    ProcessInstance request = startBefore(TASK_VERIFY_REQUEST, wib("2027-01-01T09:00"));

    assertThat(due(request, TIMER_VERIFY_REQUEST_SLA)).isEqualTo(wib("2027-01-01T09:05"));
  }

  @Test
  void theHistoryJudgesAStepOverTheWeekendByItsServiceTime() throws Exception {
    // opened Friday 16.55 before the 17 August holiday; the verifier decides Tuesday 07.33
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.BUDI, wib("2026-08-14T16:55"))
        .submitAfter(ofMinutes(1))
        .approve(DemoPeople.VERA, java.time.Duration.between(wib("2026-08-14T16:56"), wib("2026-08-18T07:31")), ofMinutes(2));
    ClockUtil.setCurrentTime(Date.from(wib("2026-08-18T08:00")));
    Users.authenticate(engine, DemoPeople.RINA.userId());
    SopHistory history = SopHistory.asCaller(engine);
    RequestFilter day = new RequestFilter(LocalDate.of(2026, 8, 14), LocalDate.of(2026, 8, 14), null, null, "budi", null);
    List<RequestRow> requests = history.all(day).stream().filter(row -> row.id().equals(run.id())).toList();

    StringWriter out = new StringWriter();
    ComplianceCsv.write(requests, history.stepRuns(requests), out);
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(out.toString().substring(1))).getRecords();
    CSVRecord verification = rows.stream().filter(row -> row.get("langkah").equals("2")).findFirst().orElseThrow();
    assertThat(verification.get("durasi_detik")).isEqualTo("180");
    assertThat(verification.get("durasi_jam_dinding_detik")).isEqualTo(String.valueOf(
        java.time.Duration.between(wib("2026-08-14T16:56"), wib("2026-08-18T07:33")).toSeconds()));
    assertThat(verification.get("jam_layanan")).isEqualTo("ya");
    assertThat(verification.get("penilaian")).isEqualTo("dalam waktu");
    assertThat(verification.get("pelanggaran")).isEqualTo("0");

    ComplianceSummary summary = history.summary(day);
    assertThat(summary.steps()).filteredOn(step -> step.step() == 2)
        .singleElement().satisfies(step -> assertThat(step.withinStandard()).isEqualTo(step.judged()));
  }

  private ProcessInstance startBefore(String activityId, Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    Map<String, Object> variables = new HashMap<>(Requests.submissionOf(DemoPeople.ANI));
    variables.put(ProcessVariables.APPLICANT, DemoPeople.ANI.userId());
    return Users.as(engine, DemoPeople.ADMIN.userId(), () -> engine.getRuntimeService()
        .createProcessInstanceByKey(PROCESS_KEY).businessKey("LP-JAM-" + UUID.randomUUID())
        .setVariables(variables).startBeforeActivity(activityId).execute());
  }

  private Instant due(ProcessInstance request, String timerId) {
    return engine.getManagementService().createJobQuery().processInstanceId(request.getId()).activityId(timerId)
        .singleResult().getDuedate().toInstant();
  }

  private Object serviceClock(ProcessInstance request) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(request.getId()).singleResult();
    return engine.getTaskService().getVariableLocal(task.getId(), ProcessVariables.SERVICE_CLOCK);
  }

  private static Instant wib(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Jakarta")).toInstant();
  }
}

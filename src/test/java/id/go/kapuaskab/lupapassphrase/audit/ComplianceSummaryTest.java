package id.go.kapuaskab.lupapassphrase.audit;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.audit.ComplianceSummary.StepSummary;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import id.go.kapuaskab.lupapassphrase.support.Users;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The compliance summary, the filters and the CSV over one day of real runs, each ending another
 * way: issued with breaches, rejected by AMS, withdrawn, expired, and one still running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceSummaryTest extends IntegrationTest {

  /** A day (WIB) of its own, so other tests' requests stay out of the period. */
  private static final LocalDate DAY = LocalDate.of(2031, 4, 14);
  private static final Instant MORNING = Instant.parse("2031-04-14T01:00:00Z");
  private static final RequestFilter PERIOD = new RequestFilter(DAY, DAY, null, null, null, null);

  private SopRun issued;
  private SopRun rejected;
  private SopRun withdrawn;
  private SopRun expired;
  private SopRun running;

  @BeforeAll
  void oneDayOfRequests() {
    issued = SopRun.openedAt(engine, ams, DemoPeople.ANI, MORNING)
        .submitAfter(ofSeconds(60))
        .reject(DemoPeople.VERA, ofMinutes(1), ofMinutes(6), "Tanda tangan tidak ada.")
        .resubmitAfter(ofSeconds(180))
        .approve(DemoPeople.VERA, ofMinutes(1), ofMinutes(2))
        .confirmLinkAfter(ofMinutes(2))
        .setNewPassphraseAfter(ofMinutes(12));
    rejected = SopRun.openedAt(engine, ams, DemoPeople.BUDI, MORNING.plus(ofMinutes(60)))
        .submitAfter(ofSeconds(90), DemoPeople.CITRA_REVOKED)
        .approve(DemoPeople.VERA, ofSeconds(30), ofMinutes(2))
        .reviewRefusal(DemoPeople.VERA, ofMinutes(3), "Ajukan penerbitan sertifikat baru.");
    withdrawn = SopRun.openedAt(engine, ams, DemoPeople.BUDI, MORNING.plus(ofMinutes(120)))
        .withdrawAfter(ofSeconds(30));
    expired = SopRun.openedAt(engine, ams, DemoPeople.ANI, MORNING.plus(ofMinutes(180)))
        .waitFor(ofDays(1).plusMinutes(1));
    running = SopRun.openedAt(engine, ams, DemoPeople.BUDI, MORNING.plus(ofMinutes(240)))
        .waitFor(ofMinutes(1));
  }

  @Test
  void summaryCountsOutcomesAndJudgesEachStepAgainstItsStandardTime() {
    ComplianceSummary summary = asAuditor().summary(PERIOD);

    assertThat(summary.requests()).isEqualTo(5);
    assertThat(summary.byOutcome()).containsExactly(Map.entry(Outcome.DITERBITKAN, 1L),
        Map.entry(Outcome.DITOLAK, 1L), Map.entry(Outcome.DIBATALKAN, 1L), Map.entry(Outcome.KEDALUWARSA, 1L),
        Map.entry(Outcome.BERJALAN, 1L), Map.entry(Outcome.DIHENTIKAN, 0L));
    // step 1: completed in 60, 180 (over), 90 and 30 s; the expired one overran unfinished; the running
    // one is one minute in, not judged yet
    assertThat(summary.steps())
        .extracting(StepSummary::step, StepSummary::standardSeconds, StepSummary::runs, StepSummary::judged,
            StepSummary::withinStandard, StepSummary::withinShare, StepSummary::medianSeconds, StepSummary::p90Seconds)
        .containsExactly(
            tuple(1, 120L, 6, 5, 3, 0.6, 75L, 153L),
            tuple(2, 300L, 3, 3, 2, 2.0 / 3, 180L, 372L),
            tuple(3, 300L, 1, 1, 1, 1.0, 120L, 120L),
            tuple(4, 600L, 1, 1, 0, 0.0, 720L, 720L));
  }

  @Test
  void filtersSelectByOutcomeBreachAndApplicant() {
    SopHistory history = asAuditor();

    assertThat(ids(history, new RequestFilter(DAY, DAY, Outcome.DITOLAK, null, null, null))).containsExactly(rejected.id());
    assertThat(ids(history, new RequestFilter(DAY, DAY, Outcome.BERJALAN, null, null, null))).containsExactly(running.id());
    assertThat(ids(history, new RequestFilter(DAY, DAY, null, true, null, null)))
        .containsExactly(expired.id(), issued.id());
    assertThat(ids(history, new RequestFilter(DAY, DAY, null, false, null, null)))
        .containsExactly(running.id(), withdrawn.id(), rejected.id());
    assertThat(ids(history, new RequestFilter(DAY, DAY, null, null, "budi", null)))
        .containsExactly(running.id(), withdrawn.id(), rejected.id());
    assertThat(ids(history, new RequestFilter(null, null, null, null, null, issued.businessKey().substring(3))))
        .containsExactly(issued.id());
    assertThat(ids(history, new RequestFilter(DAY.plusDays(1), DAY.plusDays(1), null, null, null, null))).isEmpty();
  }

  @Test
  void pagesAreNewestFirst() {
    SopHistory history = asAuditor();

    RequestPage first = history.page(PERIOD, 0, 2);
    RequestPage last = history.page(PERIOD, 4, 2);

    assertThat(first.total()).isEqualTo(5);
    assertThat(first.rows()).extracting(RequestRow::id).containsExactly(running.id(), expired.id());
    assertThat(last.rows()).extracting(RequestRow::id).containsExactly(issued.id());
    assertThat(first.rows().get(0).durationSeconds()).isEqualTo(60);
  }

  @Test
  void csvHasOneRowPerRequestPerStepRunInWib() throws IOException {
    SopHistory history = asAuditor();
    List<RequestRow> requests = history.all(PERIOD);
    StringWriter out = new StringWriter();

    ComplianceCsv.write(requests, history.stepRuns(requests), out);

    assertThat(out.toString()).startsWith("\uFEFFnomor_permohonan,pemohon,");
    List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(out.toString().substring(1))).getRecords();
    assertThat(rows).hasSize(6 + 2 + 1 + 1 + 1);
    assertThat(rows).filteredOn(row -> row.get("nomor_permohonan").equals(issued.businessKey()))
        .extracting(row -> row.get("langkah"), row -> row.get("ke"), row -> row.get("dikerjakan_oleh"),
            row -> row.get("durasi_detik"), row -> row.get("penilaian"), row -> row.get("pelanggaran"))
        .containsExactly(tuple("1", "1", "ani", "60", "dalam waktu", "0"), tuple("2", "1", "vera", "420", "melebihi", "1"),
            tuple("1", "2", "ani", "180", "melebihi", "1"), tuple("2", "2", "vera", "180", "dalam waktu", "0"),
            tuple("3", "1", "ani", "120", "dalam waktu", "0"), tuple("4", "1", "ani", "720", "melebihi", "1"));
    CSVRecord verification = rows.stream().filter(row -> row.get("nomor_permohonan").equals(issued.businessKey())
        && row.get("langkah").equals("2")).findFirst().orElseThrow();
    assertThat(verification.get("nama_pemohon")).isEqualTo("Ani Lestari");
    assertThat(verification.get("hasil")).isEqualTo("diterbitkan");
    assertThat(verification.get("mulai_permohonan_wib")).isEqualTo("2031-04-14 08:00:00");
    assertThat(verification.get("mulai_wib")).isEqualTo("2031-04-14 08:01:00");
    assertThat(verification.get("selesai_wib")).isEqualTo("2031-04-14 08:08:00");
    assertThat(verification.get("waktu_baku_detik")).isEqualTo("300");
  }

  private static List<String> ids(SopHistory history, RequestFilter filter) {
    return history.all(filter).stream().map(RequestRow::id).toList();
  }

  /** The auditor, at the moment the running request is one minute old. */
  private SopHistory asAuditor() {
    ClockUtil.setCurrentTime(Date.from(MORNING.plus(ofMinutes(241))));
    Users.authenticate(engine, DemoPeople.RINA.userId());
    return SopHistory.asCaller(engine);
  }
}

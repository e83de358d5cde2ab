package id.go.kapuaskab.lupapassphrase.audit;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import id.go.kapuaskab.lupapassphrase.support.Users;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the history keeps was cut ({@link VariableUpdatesKept}); what the auditor reads was not. The same
 * requests, at the same moments of the engine's clock, run once under the engine's own history writer and once
 * under ours: each request's record in *Riwayat SOP* and its lines of the CSV are the same, request and row ids
 * aside, while ours wrote fewer rows.
 */
class HistoryKeptTest extends IntegrationTest {

  /** 08:00 WIB on a Tuesday no other test uses. */
  private static final Instant OPENED = Instant.parse("2049-06-08T01:00:00Z");
  /** Engine ids (UUIDs) and request numbers: the only things two runs of the same requests may differ in. */
  private static final Pattern IDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
      + "|LP-\\d{8}-[A-Z0-9]{6}");

  @Autowired
  private ObjectMapper json;

  @Test
  void riwayatSopAndItsCsvReadTheSameWhenOnlyTheRecordedChangesAreKept() throws Exception {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    HistoryEventHandler ours = configuration.getHistoryEventHandler();
    List<String> underTheEngines;
    long detailsBefore = details();
    try {
      configuration.setHistoryEventHandler(new CompositeDbHistoryEventHandler());
      underTheEngines = read(runRequests());
    } finally {
      configuration.setHistoryEventHandler(ours);
    }
    long detailsOfTheEngines = details() - detailsBefore;
    List<String> underOurs = read(runRequests());
    long detailsOfOurs = details() - detailsBefore - detailsOfTheEngines;

    assertThat(underOurs).hasSize(6).isEqualTo(underTheEngines);
    assertThat(underOurs.get(0)).contains("Tanda tangan tidak ada.", "DITERBITKAN");
    assertThat(detailsOfOurs).isPositive().isLessThan(detailsOfTheEngines / 2);
  }

  /** An issued request rejected once, a request AMS refused, a withdrawn one; in that order. */
  private List<String> runRequests() {
    SopRun issued = SopRun.openedAt(engine, ams, DemoPeople.ANI, OPENED)
        .submitAfter(ofMinutes(1))
        .reject(DemoPeople.VERA, ofMinutes(1), ofMinutes(6), "Tanda tangan tidak ada.")
        .resubmitAfter(ofMinutes(3))
        .approve(DemoPeople.VERA, ofMinutes(1), ofMinutes(2))
        .confirmLinkAfter(ofMinutes(2))
        .setNewPassphraseAfter(ofMinutes(12));
    SopRun refused = SopRun.openedAt(engine, ams, DemoPeople.BUDI, OPENED.plus(ofMinutes(60)))
        .submitAfter(ofMinutes(1), DemoPeople.CITRA_REVOKED)
        .approve(DemoPeople.VERA, ofSeconds(30), ofMinutes(2))
        .reviewRefusal(DemoPeople.VERA, ofMinutes(3), "Ajukan penerbitan sertifikat baru.");
    SopRun withdrawn = SopRun.openedAt(engine, ams, DemoPeople.ANI, OPENED.plus(ofMinutes(120)))
        .submitAfter(ofMinutes(1))
        .reject(DemoPeople.VERA, ofMinutes(1), ofMinutes(1), "Surat tidak terbaca.")
        .withdrawAfter(ofMinutes(2));
    return List.of(issued.id(), refused.id(), withdrawn.id());
  }

  /** For each request, as the auditor reads it: its record, then its lines of the CSV; ids numbered in order. */
  private List<String> read(List<String> requests) throws Exception {
    Users.authenticate(engine, DemoPeople.RINA.userId());
    SopHistory history = SopHistory.asCaller(engine);
    List<String> read = new ArrayList<>();
    for (String id : requests) {
      RequestRecord record = history.record(id).orElseThrow();
      StringWriter csv = new StringWriter();
      ComplianceCsv.write(List.of(record.request()), record.steps(), csv);
      Function<String, String> numbered = numbering();
      read.add(numbered.apply(json.writeValueAsString(record)));
      read.add(numbered.apply(csv.toString()));
    }
    engine.getIdentityService().clearAuthentication();
    return read;
  }

  private static Function<String, String> numbering() {
    Map<String, String> seen = new LinkedHashMap<>();
    return text -> {
      Matcher id = IDS.matcher(text);
      StringBuilder numbered = new StringBuilder();
      while (id.find()) {
        id.appendReplacement(numbered, seen.computeIfAbsent(id.group(), found -> "id-" + (seen.size() + 1)));
      }
      return id.appendTail(numbered).toString();
    };
  }

  private long details() {
    return engine.getHistoryService().createHistoricDetailQuery().count();
  }
}

package id.go.kapuaskab.lupapassphrase.audit;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.END_CERTIFICATE_ISSUED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.END_REQUEST_REJECTED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.START_SLA_BREACHED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CHECK_CERTIFICATE_STATUS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CONFIRM_LINK_RECEIVED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_RESEND_RESET_LINK;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_RESET_PASSPHRASE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_REVIEW_AMS_REFUSAL;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.ams.RelatedSop;
import id.go.kapuaskab.lupapassphrase.ams.api.HolderQuery;
import id.go.kapuaskab.lupapassphrase.audit.RequestRecord.AmsCall;
import id.go.kapuaskab.lupapassphrase.audit.RequestRecord.Decision;
import id.go.kapuaskab.lupapassphrase.audit.RequestRecord.Incident;
import id.go.kapuaskab.lupapassphrase.audit.RequestRecord.Operation;
import id.go.kapuaskab.lupapassphrase.audit.RequestRecord.Passed;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.process.VerificationDecision;
import id.go.kapuaskab.lupapassphrase.support.SopRun;
import id.go.kapuaskab.lupapassphrase.support.Users;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One request's record, read as the auditor from the history of real runs: each step with who did
 * it and how long it took against the standard time, the breaches, the verifier's decisions, the
 * AMS calls with their answers, incidents and the user operations.
 */
class RequestRecordTest extends IntegrationTest {

  /** 08:00 WIB on a day no other test uses. */
  private static final Instant OPENED = Instant.parse("2031-03-10T01:00:00Z");

  @Test
  void rejectedThenIssuedRequestShowsEveryStepRunAgainstItsStandardTime() {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, OPENED)
        .submitAfter(ofMinutes(1))
        .reject(DemoPeople.VERA, ofMinutes(1), ofMinutes(6), "Tanda tangan tidak ada.")
        .resubmitAfter(ofMinutes(3))
        .approve(DemoPeople.VERA, ofMinutes(1), ofMinutes(2))
        .confirmLinkAfter(ofMinutes(2))
        .setNewPassphraseAfter(ofMinutes(12));

    RequestRecord record = asAuditor().record(run.id()).orElseThrow();

    assertThat(record.request().outcome()).isEqualTo(Outcome.DITERBITKAN);
    assertThat(record.request().businessKey()).isEqualTo(run.businessKey());
    assertThat(record.request().applicantName()).isEqualTo("Ani Lestari");
    assertThat(record.request().breaches()).isEqualTo(3);
    assertThat(record.request().durationSeconds()).isEqualTo(ofMinutes(28).toSeconds());
    assertThat(record.steps())
        .extracting(StepRun::step, StepRun::run, StepRun::doneBy, StepRun::durationSeconds, StepRun::standardSeconds,
            StepRun::verdict)
        .containsExactly(
            tuple(1, 1, "ani", 60L, 120L, Verdict.DALAM_WAKTU),
            tuple(2, 1, "vera", 420L, 300L, Verdict.MELEBIHI),
            tuple(1, 2, "ani", 180L, 120L, Verdict.MELEBIHI),
            tuple(2, 2, "vera", 180L, 300L, Verdict.DALAM_WAKTU),
            tuple(3, 1, "ani", 120L, 300L, Verdict.DALAM_WAKTU),
            tuple(4, 1, "ani", 720L, 600L, Verdict.MELEBIHI));
    StepRun lateVerification = record.steps().get(1);
    assertThat(lateVerification.start()).isEqualTo(OPENED.plus(ofMinutes(1)));
    assertThat(lateVerification.breaches()).singleElement().satisfies(breach -> {
      assertThat(breach.dueAt()).isEqualTo(OPENED.plus(ofMinutes(6)));
      assertThat(breach.firedAt()).isEqualTo(OPENED.plus(ofMinutes(6)));
      // still in the verifiers' queue when the timer fired: the claim came one minute in
      assertThat(breach.responsible()).isEqualTo("vera");
    });
    assertThat(record.decisions())
        .extracting(Decision::taskId, Decision::by, Decision::decision, Decision::reason)
        .containsExactly(
            tuple(TASK_VERIFY_REQUEST, "vera", VerificationDecision.REJECT.name(), "Tanda tangan tidak ada."),
            tuple(TASK_VERIFY_REQUEST, "vera", VerificationDecision.APPROVE.name(), null));
    assertThat(record.amsCalls())
        .extracting(AmsCall::activityId, AmsCall::result)
        .containsExactly(tuple(TASK_RESET_PASSPHRASE, AmsCall.Result.BERHASIL),
            tuple(TASK_CHECK_CERTIFICATE_STATUS, AmsCall.Result.BERHASIL));
    assertThat(record.amsCalls().get(1).detail()).contains("ISSUE", "terbit setelah reset");
    assertThat(record.incidents()).isEmpty();
    assertThat(record.operations())
        .extracting(Operation::user, Operation::type)
        .containsExactly(tuple("ani", "Create"), tuple("ani", "Complete"), tuple("vera", "Claim"),
            tuple("vera", "Complete"), tuple("ani", "Complete"), tuple("vera", "Claim"), tuple("vera", "Complete"),
            tuple("ani", "Complete"), tuple("ani", "Complete"));
    assertThat(record.path())
        .extracting(Passed::activityId, Passed::times, Passed::active)
        .contains(tuple(TASK_SUBMIT_REQUEST, 2, false), tuple(START_SLA_BREACHED, 3, false),
            tuple(END_CERTIFICATE_ISSUED, 1, false));
  }

  @Test
  void certificateRevokedInAmsEndsRejectedWithAmsAnswerAndVerifierNote() {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.BUDI, OPENED.plus(ofMinutes(60)))
        .submitAfter(ofMinutes(1), DemoPeople.CITRA_REVOKED)
        .approve(DemoPeople.VERA, ofSeconds(30), ofMinutes(2))
        .reviewRefusal(DemoPeople.VERA, ofMinutes(3), "Ajukan penerbitan sertifikat baru.");

    RequestRecord record = asAuditor().record(run.id()).orElseThrow();

    assertThat(record.request().outcome()).isEqualTo(Outcome.DITOLAK);
    assertThat(record.path()).extracting(Passed::activityId).contains(END_REQUEST_REJECTED);
    assertThat(record.amsCalls()).singleElement().satisfies(call -> {
      assertThat(call.result()).isEqualTo(AmsCall.Result.DITOLAK_AMS);
      assertThat(call.detail()).contains("Sertifikat elektronik sudah dicabut.", "REVOKE", RelatedSop.ISSUANCE.title());
    });
    assertThat(record.decisions())
        .extracting(Decision::taskId, Decision::by, Decision::reason)
        .containsExactly(tuple(TASK_VERIFY_REQUEST, "vera", null),
            tuple(TASK_REVIEW_AMS_REFUSAL, "vera", "Ajukan penerbitan sertifikat baru."));
    assertThat(record.steps()).extracting(StepRun::step).containsExactly(1, 2);
  }

  @Test
  void failedAmsCallsBecomeAnIncidentThatARetryResolves() {
    SopRun run = SopRun.openedAt(engine, ams, DemoPeople.ANI, OPENED.plus(ofMinutes(120)))
        .submitAfter(ofMinutes(1))
        .approve(DemoPeople.VERA, ofMinutes(1), ofMinutes(1))
        // the holder used the links already, so AMS has no open reset to send again: the resend fails
        .useEveryLink()
        .linkNotReceivedAfter(ofMinutes(2))
        // the two automatic retries come five minutes apart (lupa-passphrase.ams.retry-cycle R3/PT5M)
        .waitFor(ofMinutes(11));
    // the verifier starts a new reset in AMS by hand; the administrator then retries the resend
    ams.requestReset(new HolderQuery(DemoPeople.ANI.nik(), null), "manual-" + UUID.randomUUID());
    run.retryFailedJobsAs("admin", ofMinutes(4)).waitFor(ofMinutes(1));

    RequestRecord record = asAuditor().record(run.id()).orElseThrow();

    assertThat(record.request().outcome()).isEqualTo(Outcome.BERJALAN);
    assertThat(record.request().end()).isNull();
    assertThat(record.amsCalls())
        .extracting(AmsCall::activityId, AmsCall::result)
        .containsExactly(tuple(TASK_RESET_PASSPHRASE, AmsCall.Result.BERHASIL),
            tuple(TASK_RESEND_RESET_LINK, AmsCall.Result.GAGAL), tuple(TASK_RESEND_RESET_LINK, AmsCall.Result.GAGAL),
            tuple(TASK_RESEND_RESET_LINK, AmsCall.Result.GAGAL), tuple(TASK_RESEND_RESET_LINK, AmsCall.Result.BERHASIL));
    assertThat(record.amsCalls().get(1).detail()).contains("AMS answered HTTP 409 Conflict");
    assertThat(record.amsCalls().get(4).detail()).contains("ke-1");
    Instant retriedAt = OPENED.plus(ofMinutes(120 + 1 + 2 + 2 + 11 + 4));
    assertThat(record.incidents()).singleElement().satisfies(incident -> {
      assertThat(incident.activityId()).isEqualTo(TASK_RESEND_RESET_LINK);
      assertThat(incident.activityName()).isEqualTo("Kirim ulang tautan reset");
      assertThat(incident.state()).isEqualTo(Incident.State.DISELESAIKAN);
      assertThat(incident.ended()).isEqualTo(retriedAt);
      assertThat(incident.resolvedBy()).isEqualTo("admin");
    });
    assertThat(record.operations()).last().satisfies(retry -> {
      assertThat(retry.user()).isEqualTo("admin");
      assertThat(retry.type()).isEqualTo("SetJobRetries");
      assertThat(retry.target()).isEqualTo("Kirim ulang tautan reset");
      assertThat(retry.changes()).singleElement().satisfies(change -> assertThat(change.to()).isEqualTo("1"));
    });
    // the request waits at step 3 again, one minute in: no verdict yet
    assertThat(record.steps()).last().satisfies(step -> {
      assertThat(step.step()).isEqualTo(3);
      assertThat(step.run()).isEqualTo(2);
      assertThat(step.end()).isNull();
      assertThat(step.durationSeconds()).isEqualTo(60);
      assertThat(step.verdict()).isEqualTo(Verdict.BERJALAN);
    });
    assertThat(record.path()).contains(new Passed(TASK_CONFIRM_LINK_RECEIVED, 2, true));
  }

  private SopHistory asAuditor() {
    Users.authenticate(engine, DemoPeople.RINA.userId());
    return SopHistory.asCaller(engine);
  }
}

package id.go.kapuaskab.lupapassphrase.support;

import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.PROCESS_KEY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CONFIRM_LINK_RECEIVED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_REVIEW_AMS_REFUSAL;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SET_NEW_PASSPHRASE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.ACTIVATION_DONE_IN_AMS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.AGREEMENT_ACCEPTED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.IDENTITY_VERIFIED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.LINK_STATUS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.REJECTION_REASON;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SUBMIT_ACTION;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFICATION_DECISION;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFIER_NOTE;

import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.demo.DemoPerson;
import id.go.kapuaskab.lupapassphrase.process.LinkStatus;
import id.go.kapuaskab.lupapassphrase.process.SubmitAction;
import id.go.kapuaskab.lupapassphrase.process.VerificationDecision;
import id.go.kapuaskab.sandboxams.SandboxAms;
import id.go.kapuaskab.sandboxams.SandboxMail;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * One request run through the real process as its people would run it, on the engine's clock: each
 * action comes a given time after the previous one, and while time passes the jobs fall due and run
 * as the job executor would run them (SLA timers at their due time, AMS calls right away). So the
 * history holds real durations, breaches and AMS answers. Tests reset the clock afterwards.
 */
public final class SopRun {

  private static final String NEW_PASSPHRASE = "Kapuas2026Baru";

  private final ProcessEngine engine;
  private final SandboxAms ams;
  private final DemoPerson applicant;
  private final String processInstanceId;

  private SopRun(ProcessEngine engine, SandboxAms ams, DemoPerson applicant, String processInstanceId) {
    this.engine = engine;
    this.ams = ams;
    this.applicant = applicant;
    this.processInstanceId = processInstanceId;
  }

  /** The applicant opens a request at the given moment of the engine's clock. */
  public static SopRun openedAt(ProcessEngine engine, SandboxAms ams, DemoPerson applicant, Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
    String id = Users.as(engine, applicant.userId(),
        () -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY).getId());
    return new SopRun(engine, ams, applicant, id);
  }

  public String id() {
    return processInstanceId;
  }

  public String businessKey() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult().getBusinessKey();
  }

  /**
   * Runs the request to the end as the {@code i}-th of a plausible month's requests: mostly issued (every third
   * with step 2 over its standard time), two in ten withdrawn, one expired, one refused by AMS.
   */
  public SopRun asInAPlausibleMonth(int i) {
    return switch (i % 10) {
      case 6, 7 -> withdrawAfter(Duration.ofSeconds(45));
      case 8 -> waitFor(Duration.ofDays(1).plusMinutes(1));
      case 9 -> submitAfter(Duration.ofSeconds(80), DemoPeople.CITRA_REVOKED)
          .approve(DemoPeople.VERA, Duration.ofMinutes(1), Duration.ofMinutes(2))
          .reviewRefusal(DemoPeople.VERA, Duration.ofMinutes(2), "Ajukan penerbitan sertifikat baru.");
      default -> submitAfter(Duration.ofSeconds(70 + i % 60))
          .approve(DemoPeople.VERA, Duration.ofMinutes(1), Duration.ofMinutes(i % 3 == 0 ? 6 : 2))
          .confirmLinkAfter(Duration.ofMinutes(2))
          .setNewPassphraseAfter(Duration.ofMinutes(4 + i % 5));
    };
  }

  /** Step 1, after the given time: the applicant submits the request with the letter. */
  public SopRun submitAfter(Duration after) {
    return submitAfter(after, applicant);
  }

  /** Step 1 with the data of another holder, such as one whose certificate AMS refuses to reset. */
  public SopRun submitAfter(Duration after, DemoPerson holder) {
    waitFor(after);
    complete(applicant.userId(), TASK_SUBMIT_REQUEST, Requests.submissionOf(holder));
    return this;
  }

  /** Step 1 again after a rejection: the corrected request, the letter kept. */
  public SopRun resubmitAfter(Duration after) {
    waitFor(after);
    complete(applicant.userId(), TASK_SUBMIT_REQUEST, Map.of(SUBMIT_ACTION, SubmitAction.SUBMIT.name()));
    return this;
  }

  public SopRun withdrawAfter(Duration after) {
    waitFor(after);
    complete(applicant.userId(), TASK_SUBMIT_REQUEST, Map.of(SUBMIT_ACTION, SubmitAction.WITHDRAW.name()));
    return this;
  }

  /** Step 2: the verifier claims the request after one wait and approves it after another. */
  public SopRun approve(DemoPerson verifier, Duration claimAfter, Duration decideAfter) {
    claim(verifier, claimAfter);
    waitFor(decideAfter);
    complete(verifier.userId(), TASK_VERIFY_REQUEST, Map.of(VERIFICATION_DECISION, VerificationDecision.APPROVE.name(), IDENTITY_VERIFIED, true));
    return this;
  }

  public SopRun reject(DemoPerson verifier, Duration claimAfter, Duration decideAfter, String reason) {
    claim(verifier, claimAfter);
    waitFor(decideAfter);
    complete(verifier.userId(), TASK_VERIFY_REQUEST, Map.of(VERIFICATION_DECISION, VerificationDecision.REJECT.name(), REJECTION_REASON, reason));
    return this;
  }

  /** The verifier reviews AMS's refusal and notes what the applicant should do instead. */
  public SopRun reviewRefusal(DemoPerson verifier, Duration after, String note) {
    waitFor(after);
    Users.as(engine, verifier.userId(), () -> engine.getTaskService().claim(task(TASK_REVIEW_AMS_REFUSAL).getId(), verifier.userId()));
    complete(verifier.userId(), TASK_REVIEW_AMS_REFUSAL, Map.of(VERIFIER_NOTE, note));
    return this;
  }

  /** Step 3: the applicant confirms that AMS's link arrived. */
  public SopRun confirmLinkAfter(Duration after) {
    waitFor(after);
    complete(applicant.userId(), TASK_CONFIRM_LINK_RECEIVED, Map.of(LINK_STATUS, LinkStatus.RECEIVED.name()));
    return this;
  }

  public SopRun linkNotReceivedAfter(Duration after) {
    waitFor(after);
    complete(applicant.userId(), TASK_CONFIRM_LINK_RECEIVED, Map.of(LINK_STATUS, LinkStatus.NOT_RECEIVED.name()));
    return this;
  }

  /** Step 4: the holder sets the new passphrase in AMS through the newest link, then confirms here. */
  public SopRun setNewPassphraseAfter(Duration after) {
    waitFor(after);
    useNewestLink();
    complete(applicant.userId(), TASK_SET_NEW_PASSPHRASE, Map.of(ACTIVATION_DONE_IN_AMS, true, AGREEMENT_ACCEPTED, true));
    return this;
  }

  /** The holder follows every reset link AMS ever sent them, so AMS has no open reset left for them. */
  public SopRun useEveryLink() {
    mailsToApplicant().forEach(mail -> ams.setNewPassphrase(token(mail), NEW_PASSPHRASE, NEW_PASSPHRASE));
    return this;
  }

  /** The holder uses the newest reset link in AMS (which closes that reset there). */
  public SopRun useNewestLink() {
    List<SandboxMail> mails = mailsToApplicant();
    Optional<String> refused = ams.setNewPassphrase(token(mails.get(mails.size() - 1)), NEW_PASSPHRASE, NEW_PASSPHRASE);
    if (refused.isPresent()) {
      throw new IllegalStateException(refused.get());
    }
    return this;
  }

  private List<SandboxMail> mailsToApplicant() {
    return ams.outbox().stream().filter(mail -> mail.to().equals(applicant.email())).toList();
  }

  private static String token(SandboxMail mail) {
    return mail.link().substring(mail.link().lastIndexOf('/') + 1);
  }

  /** An administrator gives the failed jobs of the request another try. */
  public SopRun retryFailedJobsAs(String userId, Duration after) {
    waitFor(after);
    ManagementService management = engine.getManagementService();
    // as Cockpit shows them: one page
    Users.as(engine, userId, () -> management.createJobQuery().processInstanceId(processInstanceId).noRetriesLeft()
        .listPage(0, 50).forEach(job -> management.setJobRetries(job.getId(), 1)));
    runDueJobs();
    return this;
  }

  /** The jobs due now run, as the job executor would run them (an AMS call after a completion over HTTP). */
  public SopRun runJobs() {
    runDueJobs();
    return this;
  }

  /** The user task the request waits in. */
  public String taskId(String taskDefinitionKey) {
    return task(taskDefinitionKey).getId();
  }

  /** Time passes; whatever falls due meanwhile runs at its due time. */
  public SopRun waitFor(Duration duration) {
    Instant target = ClockUtil.getCurrentTime().toInstant().plus(duration);
    while (true) {
      runDueJobs();
      Optional<Job> next = engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
          .withRetriesLeft().list().stream()
          .filter(job -> job.getDuedate() != null && !job.getDuedate().toInstant().isAfter(target))
          .min(Comparator.comparing(Job::getDuedate));
      if (next.isEmpty()) {
        break;
      }
      ClockUtil.setCurrentTime(next.get().getDuedate());
    }
    ClockUtil.setCurrentTime(Date.from(target));
    return this;
  }

  private void claim(DemoPerson verifier, Duration after) {
    waitFor(after);
    Users.as(engine, verifier.userId(), () -> engine.getTaskService().claim(task(TASK_VERIFY_REQUEST).getId(), verifier.userId()));
  }

  private void complete(String userId, String taskDefinitionKey, Map<String, Object> variables) {
    Users.as(engine, userId, () -> engine.getTaskService().complete(task(taskDefinitionKey).getId(), variables));
    runDueJobs();
  }

  /** Runs the jobs due now, as the job executor would: a failing job is tried again until it has no retries. */
  private void runDueJobs() {
    ManagementService management = engine.getManagementService();
    for (int round = 0; round < 100; round++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException failure) {
          // the engine has recorded the failure and lowered the retries, as for the job executor
        }
      }
    }
    throw new IllegalStateException("jobs keep falling due in request " + processInstanceId);
  }

  private Task task(String taskDefinitionKey) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskDefinitionKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("request " + processInstanceId + " does not wait at " + taskDefinitionKey);
    }
    return task;
  }
}

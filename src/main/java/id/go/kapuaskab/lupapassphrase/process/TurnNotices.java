package id.go.kapuaskab.lupapassphrase.process;

import id.go.kapuaskab.lupapassphrase.notify.Mailer;
import id.go.kapuaskab.lupapassphrase.notify.NotifySettings;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Tells each person by e-mail when it is their turn, with the request number and a link to the task:
 * the verifiers when a request enters their queue; the applicant when the verifier approved (AMS sends
 * the link: confirm it) or rejected (with the reason), and when the certificate is issued. The notices
 * of a request that ends without the applicant (expired, refused by AMS) are the diagram's own
 * (NotifyApplicantDelegate), and the breach notice is NotifySupervisorDelegate's. Built into every
 * version of the diagram (ProcessListeners), so no diagram edit loses them; sent once the step is
 * committed, and no personal data but the applicant's own in her own notices.
 */
@Component
public class TurnNotices {

  private static final String SUBJECT = "[Lupa Passphrase] ";

  private final Mailer mailer;
  private final NotifySettings settings;

  public TurnNotices(Mailer mailer, NotifySettings settings) {
    this.mailer = mailer;
    this.settings = settings;
  }

  /** A user task was created: whoever now has their turn is told. */
  void taskCreated(DelegateTask task) {
    String request = task.getExecution().getProcessBusinessKey();
    String step = SopStep.byTask(task.getBpmnModelInstance(), task.getTaskDefinitionKey())
        .map(found -> " (langkah " + found.number() + ", waktu baku " + found.standardTimeInWords() + ")").orElse("");
    boolean rejectedBefore = VerificationDecision.REJECT.name().equals(task.getVariable(ProcessVariables.VERIFICATION_DECISION));
    switch (task.getTaskDefinitionKey()) {
      case ProcessIds.TASK_VERIFY_REQUEST -> mailer.sendAfterCommit(verifiers(task),
          SUBJECT + request + ": permohonan menunggu verifikator",
          "Permohonan lupa passphrase " + request + (rejectedBefore ? " diajukan kembali setelah diperbaiki" : " diajukan")
              + " dan menunggu pemeriksaan verifikator" + step + ".\n\n"
              + "Buka tugasnya di Tasklist, klaim, lalu periksa surat pernyataan dan identitas pemohon:\n"
              + settings.taskLink(task.getId()) + "\n");
      case ProcessIds.TASK_CONFIRM_LINK_RECEIVED -> mailer.sendAfterCommit(NotifyApplicantDelegate.recipient(task.getExecution()),
          SUBJECT + request + ": disetujui, konfirmasi tautan reset",
          "Permohonan lupa passphrase " + request + " disetujui verifikator. AMS telah mengirim tautan reset ke e-mail "
              + "dinas Anda.\n\nKonfirmasi di Tasklist bahwa tautan itu sudah Anda terima" + step + ":\n"
              + settings.taskLink(task.getId()) + "\n\n"
              + "Jangan berikan passphrase Anda kepada siapa pun, termasuk verifikator.\n");
      case ProcessIds.TASK_SUBMIT_REQUEST -> {
        if (rejectedBefore) {
          mailer.sendAfterCommit(NotifyApplicantDelegate.recipient(task.getExecution()),
              SUBJECT + request + ": ditolak verifikator, mohon perbaiki",
              "Permohonan lupa passphrase " + request + " ditolak verifikator.\n\n"
                  + "Alasan: " + task.getVariable(ProcessVariables.REJECTION_REASON) + "\n\n"
                  + "Perbaiki permohonan lalu ajukan lagi di Tasklist" + step + ":\n"
                  + settings.taskLink(task.getId()) + "\n");
        }
      }
      default -> {
        // the applicant's step 4 follows her own step 3 at once; the AMS review is the verifiers' own follow-up
      }
    }
  }

  /** The request reached the end event "Sertifikat elektronik diterbitkan". */
  void certificateIssued(DelegateExecution execution) {
    String request = execution.getProcessBusinessKey();
    mailer.sendAfterCommit(NotifyApplicantDelegate.recipient(execution),
        SUBJECT + request + ": sertifikat elektronik diterbitkan",
        "Permohonan lupa passphrase " + request + " selesai: AMS melaporkan sertifikat elektronik Anda diterbitkan "
            + "kembali dengan passphrase baru.\n\nRiwayat permohonan Anda: " + settings.myRequestsLink() + "\n");
  }

  /** The verifiers, but not one who opened this request: she may not decide her own (four eyes), so it is not her turn. */
  private static List<String> verifiers(DelegateTask task) {
    Object applicant = task.getVariable(ProcessVariables.APPLICANT);
    return task.getProcessEngineServices().getIdentityService().createUserQuery()
        .memberOfGroup(Groups.VERIFIERS).list().stream()
        .filter(user -> !user.getId().equals(applicant))
        .map(User::getEmail).filter(Objects::nonNull).toList();
  }
}

package id.go.kapuaskab.lupapassphrase.process;

import id.go.kapuaskab.lupapassphrase.notify.Mailer;
import id.go.kapuaskab.lupapassphrase.notify.NotifySettings;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Tells the applicant how their request ended when it ended without them: expired, or refused by
 * AMS and sent to another SOP. The diagram picks the notice with the input parameter "notice".
 */
@Component("notifyApplicant")
@ReachableFromDiagram
public class NotifyApplicantDelegate implements JavaDelegate {

  private final Mailer mailer;
  private final NotifySettings settings;

  public NotifyApplicantDelegate(Mailer mailer, NotifySettings settings) {
    this.mailer = mailer;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String request = execution.getProcessBusinessKey();
    ApplicantNotice notice = ApplicantNotice.valueOf((String) execution.getVariable(ProcessVariables.NOTICE));
    switch (notice) {
      case EXPIRED -> mailer.send(recipient(execution),
          "[Lupa Passphrase] " + request + " kedaluwarsa",
          "Permohonan lupa passphrase " + request + " berakhir karena tidak diselesaikan dalam batas waktu.\n"
              + "Jika Anda masih memerlukan reset passphrase, silakan ajukan permohonan baru.\n\n"
              + "Riwayat permohonan Anda: " + settings.myRequestsLink());
      case REJECTED -> mailer.send(recipient(execution),
          "[Lupa Passphrase] " + request + " tidak dapat dilanjutkan",
          "Permohonan lupa passphrase " + request + " tidak dapat dilanjutkan.\n\n"
              + "Alasan: " + execution.getVariable(ProcessVariables.REFUSAL_REASON) + "\n"
              + relatedSop(execution)
              + "Catatan verifikator: " + execution.getVariable(ProcessVariables.VERIFIER_NOTE) + "\n\n"
              + "Riwayat permohonan Anda: " + settings.myRequestsLink());
    }
  }

  private static String relatedSop(DelegateExecution execution) {
    Object sop = execution.getVariable(ProcessVariables.RELATED_SOP);
    return sop == null ? "" : "SOP terkait: " + sop + "\n";
  }

  /** The official e-mail given in the request, else the one of the applicant's account. */
  static List<String> recipient(DelegateExecution execution) {
    Object email = execution.getVariable(ProcessVariables.OFFICIAL_EMAIL);
    if (email != null) {
      return List.of((String) email);
    }
    User user = execution.getProcessEngineServices().getIdentityService().createUserQuery()
        .userId((String) execution.getVariable(ProcessVariables.APPLICANT)).singleResult();
    return user == null || user.getEmail() == null ? List.of() : List.of(user.getEmail());
  }
}

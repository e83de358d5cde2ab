package id.go.kapuaskab.lupapassphrase.process;

import id.go.kapuaskab.lupapassphrase.notify.Mailer;
import id.go.kapuaskab.lupapassphrase.notify.NotifySettings;
import id.go.kapuaskab.lupapassphrase.notify.Wib;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Tells the supervisors (kepala bidang) that a step overran its standard time; no personal data in it. */
@Component("notifySupervisor")
@ReachableFromDiagram
public class NotifySupervisorDelegate implements JavaDelegate {

  private final Mailer mailer;
  private final NotifySettings settings;

  public NotifySupervisorDelegate(Mailer mailer, NotifySettings settings) {
    this.mailer = mailer;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SlaBreach breach = SlaBreach.readFrom(execution);
    SopStep step = SopStep.byTask(execution.getBpmnModelInstance(), breach.taskId()).orElseThrow();
    List<String> supervisors = execution.getProcessEngineServices().getIdentityService().createUserQuery()
        .memberOfGroup(settings.supervisorGroup()).list().stream()
        .map(User::getEmail).filter(Objects::nonNull).toList();
    String request = execution.getProcessBusinessKey();
    mailer.send(supervisors,
        "[Lupa Passphrase] " + request + ": waktu baku langkah " + step.number() + " terlampaui",
        "Permohonan " + request + " melampaui waktu baku SOP Lupa Passphrase.\n\n"
            + "Langkah: " + step.number() + " - " + step.title() + "\n"
            + "Batas waktu: " + Wib.format(breach.dueAt()) + "\n"
            + "Tercatat terlampaui: " + Wib.format(breach.firedAt()) + "\n"
            + "Penanggung jawab: " + breach.responsible() + "\n\n"
            + "Langkah tersebut tetap berjalan; tidak ada pekerjaan yang dibatalkan.");
  }
}

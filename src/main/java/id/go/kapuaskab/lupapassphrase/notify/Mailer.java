package id.go.kapuaskab.lupapassphrase.notify;

import id.go.kapuaskab.lupapassphrase.privacy.PersonalData;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Sends a notice by e-mail when SMTP is configured, and logs it (recipients masked) when it is not. */
@Component
public class Mailer {

  private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final NotifySettings settings;
  private final ObjectProvider<Mailbox> mailbox;

  public Mailer(ObjectProvider<JavaMailSender> sender, NotifySettings settings, ObjectProvider<Mailbox> mailbox) {
    this.sender = sender;
    this.settings = settings;
    this.mailbox = mailbox;
  }

  /**
   * Sends once the engine's transaction has committed: a notice says what happened, so it waits until
   * it has; and a mail server that is down must not undo the step a person just completed. Such a
   * notice is logged as not sent and not tried again.
   */
  public void sendAfterCommit(List<String> recipients, String subject, String body) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      send(recipients, subject, body);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        try {
          send(recipients, subject, body);
        } catch (RuntimeException e) {
          LOG.warn("Notice not sent: {} ({})", subject, e.toString());
        }
      }
    });
  }

  public void send(List<String> recipients, String subject, String body) {
    if (recipients.isEmpty()) {
      LOG.warn("Notice has no recipient, not sent: {}", subject);
      return;
    }
    mailbox.ifAvailable(box -> box.record(new Mailbox.Notice(List.copyOf(recipients), Instant.now(), subject, body)));
    List<String> masked = recipients.stream().map(PersonalData::maskEmail).toList();
    JavaMailSender smtp = sender.getIfAvailable();
    if (smtp == null) {
      LOG.info("Notice (no SMTP configured, not e-mailed) to {}: {}\n{}", masked, subject, body);
      return;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(settings.from());
    message.setTo(recipients.toArray(String[]::new));
    message.setSubject(subject);
    message.setText(body);
    smtp.send(message);
    LOG.info("Notice e-mailed to {}: {}", masked, subject);
  }
}

package id.go.kapuaskab.lupapassphrase.notify;

import id.go.kapuaskab.lupapassphrase.privacy.PersonalData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a notice by e-mail when SMTP is configured, and logs it (recipients masked) when it is not.
 * The log lines of sent and failed notices name the recipients masked and hold no notice text, which
 * may carry a person's data.
 */
@Component
public class Mailer {

  /** How long an attempt may take before another node may take the notice up (a node that stopped mid-send). */
  static final Duration CLAIM = Duration.ofMinutes(5);
  /** The pause after the first failed attempt; it doubles after each, up to {@link #LONGEST_PAUSE}. */
  static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
  static final Duration LONGEST_PAUSE = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final NotifySettings settings;
  private final ObjectProvider<Mailbox> mailbox;
  private final NoticeOutbox outbox;

  public Mailer(ObjectProvider<JavaMailSender> sender, NotifySettings settings, ObjectProvider<Mailbox> mailbox,
      NoticeOutbox outbox) {
    this.sender = sender;
    this.settings = settings;
    this.mailbox = mailbox;
    this.outbox = outbox;
  }

  /**
   * Sends once the engine's transaction has committed: a notice says what happened, so it waits until
   * it has; and a mail server that is down must not undo the step a person just completed. The notice
   * is kept in the outbox with the step, so a failed send is tried again (NoticeRetries), after a
   * restart too.
   */
  public void sendAfterCommit(List<String> recipients, String subject, String body) {
    if (recipients.isEmpty()) {
      LOG.warn("Notice has no recipient, not sent: {}", subject);
      return;
    }
    NoticeOutbox.Notice notice = outbox.add(recipients, subject, body, ClockUtil.getCurrentTime().toInstant().plus(CLAIM));
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      attempt(notice);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        attempt(notice);
      }
    });
  }

  /**
   * One attempt at a notice of the outbox, claimed for it: once sent it leaves the outbox (within a second); when it
   * fails it is due again after a pause, and after the last of {@code lupa-passphrase.notify.max-attempts}
   * it is given up (an error in the log for the operators) and deleted, its personal data with it.
   */
  void attempt(NoticeOutbox.Notice notice) {
    try {
      send(notice.to(), notice.subject(), notice.body());
      outbox.sent(notice);
    } catch (RuntimeException e) {
      List<String> masked = notice.to().stream().map(PersonalData::maskEmail).toList();
      if (notice.attempts() >= settings.maxAttempts()) {
        outbox.remove(notice);
        LOG.error("Notice to {} given up after {} attempts, not sent: {} ({})", masked, notice.attempts(),
            notice.subject(), failure(e));
        return;
      }
      Instant next = ClockUtil.getCurrentTime().toInstant().plus(pauseAfter(notice.attempts()));
      outbox.retryAt(notice, next);
      LOG.warn("Notice to {} not sent (attempt {} of {}), tried again from {}: {} ({})", masked, notice.attempts(),
          settings.maxAttempts(), next, notice.subject(), failure(e));
    }
  }

  /** Sends at once, in the caller's thread: a failure is the caller's (a delegate's job is retried by the engine). */
  public void send(List<String> recipients, String subject, String body) {
    if (recipients.isEmpty()) {
      LOG.warn("Notice has no recipient, not sent: {}", subject);
      return;
    }
    List<String> masked = recipients.stream().map(PersonalData::maskEmail).toList();
    JavaMailSender smtp = sender.getIfAvailable();
    if (smtp == null) {
      LOG.info("Notice (no SMTP configured, not e-mailed) to {}: {}\n{}", masked, subject, body);
    } else {
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom(settings.from());
      message.setTo(recipients.toArray(String[]::new));
      message.setSubject(subject);
      message.setText(body);
      smtp.send(message);
      LOG.info("Notice e-mailed to {}: {}", masked, subject);
    }
    mailbox.ifAvailable(box -> box.record(new Mailbox.Notice(List.copyOf(recipients), Instant.now(), subject, body)));
  }

  /** 1, 2, 4, … minutes, at most an hour. */
  static Duration pauseAfter(int attempts) {
    Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(attempts - 1, 10));
    return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
  }

  /** What failed, by kind only: a mail server's message may quote the addresses. */
  private static String failure(RuntimeException e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause == e ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " / " + cause.getClass().getSimpleName();
  }
}

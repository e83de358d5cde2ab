package id.go.kapuaskab.lupapassphrase.notify;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tries the notices of the outbox again once they are due: those whose send failed (the mail server
 * was down) and those a stopped node left mid-send. Every node reads the outbox every
 * {@code lupa-passphrase.notify.retry-interval}; a notice is claimed before it is sent, so one node sends it.
 */
@Component
class NoticeRetries implements DisposableBean {

  /** Notices taken up at each read; the rest wait for the next. */
  static final int AT_ONCE = 50;

  private static final Logger LOG = LoggerFactory.getLogger(NoticeRetries.class);

  private final NoticeOutbox outbox;
  private final Mailer mailer;
  private final NotifySettings settings;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread daemon = new Thread(runnable, "notice-retries");
    daemon.setDaemon(true);
    return daemon;
  });

  NoticeRetries(NoticeOutbox outbox, Mailer mailer, NotifySettings settings) {
    this.outbox = outbox;
    this.mailer = mailer;
    this.settings = settings;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    long interval = settings.retryInterval().toMillis();
    thread.scheduleWithFixedDelay(() -> {
      try {
        sendDue();
      } catch (RuntimeException e) {
        // the notices stay in the outbox; the next read tries again
        LOG.warn("Could not read the notice outbox: {}", e.getMessage());
      }
    }, interval, interval, TimeUnit.MILLISECONDS);
  }

  /** One read: every notice due now is claimed and sent, or put off again. */
  void sendDue() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    for (NoticeOutbox.Notice due : outbox.due(now, AT_ONCE)) {
      NoticeOutbox.Notice claimed = outbox.claim(due, now.plus(Mailer.CLAIM));
      if (claimed != null) {
        mailer.attempt(claimed);
      }
    }
  }

  @Override
  public void destroy() {
    thread.shutdownNow();
  }
}

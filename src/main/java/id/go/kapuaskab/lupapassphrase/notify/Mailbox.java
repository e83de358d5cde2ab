package id.go.kapuaskab.lupapassphrase.notify;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Every notice this node sent, kept in memory for the local demo's mailbox page (the newest
 * {@value #KEPT}), so a demo shows the whole conversation without a mail server. On where
 * {@code lupa-passphrase.notify.mailbox} is true: the local profile, never production, whose notices
 * are real people's mail.
 */
@Component
@ConditionalOnProperty("lupa-passphrase.notify.mailbox")
class Mailbox {

  static final int KEPT = 500;

  /** One notice as sent: to whom, when, its subject and text. */
  record Notice(List<String> to, Instant sent, String subject, String text) {
  }

  private final Deque<Notice> notices = new ArrayDeque<>();

  synchronized void record(Notice notice) {
    notices.addFirst(notice);
    while (notices.size() > KEPT) {
      notices.removeLast();
    }
  }

  /** The notices the filter lets through, newest first. */
  synchronized List<Notice> newestFirst(Predicate<Notice> filter) {
    return notices.stream().filter(filter).toList();
  }
}

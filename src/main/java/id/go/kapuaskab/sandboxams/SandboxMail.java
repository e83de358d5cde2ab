package id.go.kapuaskab.sandboxams;

import java.time.Instant;

/** A mail the sandbox AMS "sent": shown on its outbox page instead of leaving the machine. */
public record SandboxMail(String to, String subject, String body, String link, Instant sentAt) {

  /** The recipient as the log and the outbox page show it: the mailbox hidden but its first letter. */
  String maskedTo() {
    return to.charAt(0) + "***" + to.substring(to.indexOf('@'));
  }
}

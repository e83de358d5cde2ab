package id.go.kapuaskab.lupapassphrase.ams.api;

import java.time.Instant;

/** AMS's answer to a reset or a resend (contract schema ResetReceipt). */
public record ResetAnswer(String resetId, Instant requestedAt) {

  public boolean complete() {
    return resetId != null && !resetId.isBlank() && requestedAt != null;
  }
}

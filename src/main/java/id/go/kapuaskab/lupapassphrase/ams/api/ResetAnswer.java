package id.go.kapuaskab.lupapassphrase.ams.api;

import id.go.kapuaskab.lupapassphrase.ams.ResetReceipt;
import java.time.Instant;

/** AMS's answer to a reset or a resend (contract schema ResetReceipt). */
public record ResetAnswer(String resetId, Instant requestedAt) {

  public static ResetAnswer of(ResetReceipt receipt) {
    return new ResetAnswer(receipt.resetId(), receipt.requestedAt());
  }

  public boolean complete() {
    return resetId != null && !resetId.isBlank() && requestedAt != null;
  }

  public ResetReceipt toReceipt() {
    return new ResetReceipt(resetId, requestedAt);
  }
}

package id.go.kapuaskab.lupapassphrase.ams;

import java.time.Instant;

/**
 * AMS's answer to a reset or a resend.
 *
 * @param resetId AMS's id of the reset
 * @param requestedAt when AMS registered the reset, on AMS's clock; a certificate issued after the
 *     reset has a validity start at or after this instant
 */
public record ResetReceipt(String resetId, Instant requestedAt) {
}

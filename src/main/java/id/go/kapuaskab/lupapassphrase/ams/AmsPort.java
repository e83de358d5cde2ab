package id.go.kapuaskab.lupapassphrase.ams;

/**
 * What the process needs from AMS (BSrE's Aplikasi Manajemen Sertifikat). Every call that changes
 * something carries an idempotency key, so a retried call never sends the holder a second reset.
 * No call carries a passphrase, password, PIN or OTP: the holder types the new passphrase in AMS.
 *
 * <p>A business answer (holder not registered, certificate revoked, ...) is an {@link AmsRefusedException};
 * anything else that goes wrong is an {@link AmsFaultException}, to be retried. The contract is
 * docs/ams-api.yaml; {@code client.AmsHttpClient} implements it over HTTP.
 */
public interface AmsPort {

  /** Asks AMS to reset the holder's passphrase; AMS e-mails the holder a reset link. */
  ResetReceipt requestReset(Holder holder, String idempotencyKey);

  /** Asks AMS to send the reset link of the holder's open reset again. */
  ResetReceipt resendResetLink(Holder holder, String idempotencyKey);

  /** Reads the holder's certificate status and validity. */
  CertificateInfo certificateStatus(Holder holder);
}

package id.go.kapuaskab.sandboxams;

import id.go.kapuaskab.lupapassphrase.ams.api.CertificateStatus;
import id.go.kapuaskab.lupapassphrase.ams.api.HolderQuery;
import id.go.kapuaskab.lupapassphrase.ams.api.ResetAnswer;
import id.go.kapuaskab.lupapassphrase.ams.api.StatusAnswer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for AMS, for local runs and tests: it holds the holders of its own {@link SandboxFixture},
 * registers resets once per idempotency key, "e-mails" reset links into an outbox, and re-issues the
 * certificate when the holder sets a new passphrase through the link. The passphrase is checked and
 * then forgotten. Everything else it remembers is in its {@link SandboxStore}, so a restart forgets nothing.
 * {@link SandboxApiController} serves it over HTTP after the contract; {@link SandboxPagesController}
 * shows the outbox and the page a link opens.
 */
public class SandboxAms {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxAms.class);
  private static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(730);
  private static final int MIN_PASSPHRASE_LENGTH = 10;

  private final Clock clock;
  private final Supplier<String> resetPageUrl;
  private final SandboxStore store;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param resetPageUrl the URL reset links start with, asked when a link is sent (the server's
   *     port is known only once it runs)
   */
  SandboxAms(Clock clock, Supplier<String> resetPageUrl, SandboxStore store) {
    this.clock = clock;
    this.resetPageUrl = resetPageUrl;
    this.store = store;
    store.inTransaction(() -> {
      SandboxFixture.holders().forEach(store::addHolderIfMissing);
      return null;
    });
  }

  /** Registers a reset and sends the link, once per idempotency key; a repeated key gets the first receipt. */
  public synchronized ResetAnswer requestReset(HolderQuery holder, String idempotencyKey) {
    return store.inTransaction(() -> {
      SandboxHolder found = find(holder);
      Optional<SandboxStore.Reset> earlier = earlier(idempotencyKey, found);
      if (earlier.isPresent()) {
        return receipt(earlier.get());
      }
      if (found.status().refusesReset()) {
        throw new SandboxRefusedException(found.status());
      }
      SandboxStore.Reset reset = new SandboxStore.Reset(UUID.randomUUID().toString(), newToken(), found.nik(), now(), false);
      store.addReset(reset);
      store.rememberKey(idempotencyKey, reset);
      sendLink(found, reset);
      return receipt(reset);
    });
  }

  /** Sends the link of the holder's newest open reset again, once per idempotency key. */
  public synchronized ResetAnswer resendResetLink(HolderQuery holder, String idempotencyKey) {
    return store.inTransaction(() -> {
      SandboxHolder found = find(holder);
      Optional<SandboxStore.Reset> earlier = earlier(idempotencyKey, found);
      if (earlier.isPresent()) {
        return receipt(earlier.get());
      }
      SandboxStore.Reset open = store.newestOpenReset(found.nik())
          .orElseThrow(() -> new SandboxConflictException("The holder has no open reset to resend."));
      store.rememberKey(idempotencyKey, open);
      sendLink(found, open);
      return receipt(open);
    });
  }

  /** The holder's certificate as AMS reports it; a holder it does not know is NOT_REGISTERED. */
  public synchronized StatusAnswer certificateStatus(HolderQuery holder) {
    return lookup(holder).map(h -> new StatusAnswer(h.status(), h.validFrom(), h.validTo()))
        .orElseGet(() -> new StatusAnswer(CertificateStatus.NOT_REGISTERED, null, null));
  }

  /**
   * The holder types the new passphrase twice on the page the link opens. It must match and be
   * strong enough; then the certificate is issued anew. The passphrase itself is not kept.
   *
   * @return what went wrong, in words for the holder, or empty when the certificate was issued
   */
  public synchronized Optional<String> setNewPassphrase(String token, String passphrase, String repeated) {
    return store.inTransaction(() -> {
      Optional<SandboxStore.Reset> reset = store.resetByToken(token).filter(r -> !r.used());
      if (reset.isEmpty()) {
        return Optional.of("Tautan reset tidak berlaku atau sudah dipakai.");
      }
      if (passphrase == null || !passphrase.equals(repeated)) {
        return Optional.of("Kedua passphrase tidak sama.");
      }
      if (!strongEnough(passphrase)) {
        return Optional.of("Passphrase minimal " + MIN_PASSPHRASE_LENGTH
            + " karakter dan memuat huruf besar, huruf kecil serta angka.");
      }
      store.markUsed(reset.get());
      Instant validFrom = now();
      store.updateCertificate(reset.get().nik(), CertificateStatus.ISSUE, validFrom, validFrom.plus(CERTIFICATE_VALIDITY));
      // a NIK's last four digits, as the application's own log shows a holder
      String nik = reset.get().nik();
      LOG.info("Sandbox AMS: certificate of holder {} issued again", "*".repeat(12) + nik.substring(12));
      return Optional.empty();
    });
  }

  /** The name of the holder an unused reset link belongs to, for the page the link opens. */
  public synchronized Optional<String> holderNameForLink(String token) {
    return store.resetByToken(token).filter(reset -> !reset.used())
        .flatMap(reset -> store.holderByNik(reset.nik())).map(SandboxHolder::name);
  }

  /** The reset links "sent" so far, newest last. */
  public synchronized List<SandboxMail> outbox() {
    return store.mails();
  }

  /** How many distinct resets AMS registered for a holder (resends not counted). */
  public synchronized long resetCount(String nik) {
    return store.resetCount(nik);
  }

  private Optional<SandboxStore.Reset> earlier(String idempotencyKey, SandboxHolder holder) {
    Optional<SandboxStore.Reset> earlier = store.resetForKey(idempotencyKey);
    if (earlier.isPresent() && !earlier.get().nik().equals(holder.nik())) {
      throw new SandboxConflictException("The idempotency key was used before for another holder.");
    }
    return earlier;
  }

  private SandboxHolder find(HolderQuery holder) {
    return lookup(holder).orElseThrow(() -> new SandboxRefusedException(CertificateStatus.NOT_REGISTERED));
  }

  private Optional<SandboxHolder> lookup(HolderQuery holder) {
    return holder.nik() != null ? store.holderByNik(holder.nik()) : store.holderByEmail(holder.email());
  }

  private void sendLink(SandboxHolder holder, SandboxStore.Reset reset) {
    String link = resetPageUrl.get() + "/" + reset.token();
    SandboxMail mail = new SandboxMail(holder.email(), "Reset passphrase sertifikat elektronik",
        "Yth. " + holder.name() + ", buka tautan berikut untuk membuat passphrase baru: " + link, link, now());
    store.addMail(mail);
    LOG.info("Sandbox AMS: mail \"{}\" with a reset link sent to {}; read it at {}", mail.subject(), mail.maskedTo(),
        SandboxPaths.OUTBOX);
  }

  /** The clock to the millisecond, as the store keeps it, so an answer repeated later is the same answer. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static ResetAnswer receipt(SandboxStore.Reset reset) {
    return new ResetAnswer(reset.id(), reset.requestedAt());
  }

  private String newToken() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static boolean strongEnough(String passphrase) {
    return passphrase.length() >= MIN_PASSPHRASE_LENGTH
        && passphrase.chars().anyMatch(Character::isUpperCase)
        && passphrase.chars().anyMatch(Character::isLowerCase)
        && passphrase.chars().anyMatch(Character::isDigit);
  }
}

package id.go.kapuaskab.lupapassphrase.ams.sandbox;

import id.go.kapuaskab.lupapassphrase.ams.AmsRefusedException;
import id.go.kapuaskab.lupapassphrase.ams.CertificateInfo;
import id.go.kapuaskab.lupapassphrase.ams.CertificateStatus;
import id.go.kapuaskab.lupapassphrase.ams.Holder;
import id.go.kapuaskab.lupapassphrase.ams.ResetReceipt;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.demo.DemoPerson;
import id.go.kapuaskab.lupapassphrase.privacy.PersonalData;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for AMS, for local runs and tests: it holds the demo holders, registers resets once per
 * idempotency key, "e-mails" reset links into an outbox, and re-issues the certificate when the
 * holder sets a new passphrase through the link. The passphrase is checked and then forgotten.
 * {@link SandboxApiController} serves it over HTTP after the contract; {@link SandboxPagesController}
 * shows the outbox and the page a link opens.
 */
public class SandboxAms {

  private static final Logger LOG = LoggerFactory.getLogger(SandboxAms.class);
  private static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(730);
  private static final int MIN_PASSPHRASE_LENGTH = 10;

  private final Clock clock;
  private final Supplier<String> resetPageUrl;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, SandboxHolder> holdersByNik = new HashMap<>();
  private final Map<String, SandboxReset> resetsByKey = new HashMap<>();
  /** In the order registered, so that the newest open reset is the last one. */
  private final Map<String, SandboxReset> resetsByToken = new LinkedHashMap<>();
  private final List<SandboxMail> outbox = new ArrayList<>();

  /**
   * @param resetPageUrl the URL reset links start with, asked when a link is sent (the server's
   *     port is known only once it runs)
   */
  public SandboxAms(Clock clock, Supplier<String> resetPageUrl) {
    this.clock = clock;
    this.resetPageUrl = resetPageUrl;
    DemoPeople.ALL.stream().filter(DemoPerson::holdsCertificate).forEach(this::addHolder);
  }

  private void addHolder(DemoPerson person) {
    Instant validTo = person.validFrom().plus(CERTIFICATE_VALIDITY);
    holdersByNik.put(person.nik(), new SandboxHolder(person.nik(), person.email(),
        person.firstName() + " " + person.lastName(), person.certificate(), person.validFrom(), validTo));
  }

  /** Registers a reset and sends the link, once per idempotency key; a repeated key gets the first receipt. */
  public synchronized ResetReceipt requestReset(Holder holder, String idempotencyKey) {
    SandboxHolder found = find(holder);
    SandboxReset earlier = earlier(idempotencyKey, found);
    if (earlier != null) {
      return earlier.receipt();
    }
    if (found.status.refusesReset()) {
      throw new AmsRefusedException(found.status);
    }
    SandboxReset reset = new SandboxReset(UUID.randomUUID().toString(), newToken(), found.nik, clock.instant());
    resetsByKey.put(idempotencyKey, reset);
    resetsByToken.put(reset.token, reset);
    sendLink(found, reset);
    return reset.receipt();
  }

  /** Sends the link of the holder's newest open reset again, once per idempotency key. */
  public synchronized ResetReceipt resendResetLink(Holder holder, String idempotencyKey) {
    SandboxHolder found = find(holder);
    SandboxReset earlier = earlier(idempotencyKey, found);
    if (earlier != null) {
      return earlier.receipt();
    }
    SandboxReset open = resetsByToken.values().stream()
        .filter(reset -> reset.nik.equals(found.nik) && !reset.used)
        .reduce((older, newer) -> newer)
        .orElseThrow(() -> new SandboxConflictException("The holder has no open reset to resend."));
    resetsByKey.put(idempotencyKey, open);
    sendLink(found, open);
    return open.receipt();
  }

  /** The holder's certificate as AMS reports it; a holder it does not know is NOT_REGISTERED. */
  public synchronized CertificateInfo certificateStatus(Holder holder) {
    Optional<SandboxHolder> found = lookup(holder);
    return found.map(h -> new CertificateInfo(h.status, h.validFrom, h.validTo))
        .orElseGet(() -> new CertificateInfo(CertificateStatus.NOT_REGISTERED, null, null));
  }

  /**
   * The holder types the new passphrase twice on the page the link opens. It must match and be
   * strong enough; then the certificate is issued anew. The passphrase itself is not kept.
   *
   * @return what went wrong, in words for the holder, or empty when the certificate was issued
   */
  public synchronized Optional<String> setNewPassphrase(String token, String passphrase, String repeated) {
    SandboxReset reset = resetsByToken.get(token);
    if (reset == null || reset.used) {
      return Optional.of("Tautan reset tidak berlaku atau sudah dipakai.");
    }
    if (passphrase == null || !passphrase.equals(repeated)) {
      return Optional.of("Kedua passphrase tidak sama.");
    }
    if (!strongEnough(passphrase)) {
      return Optional.of("Passphrase minimal " + MIN_PASSPHRASE_LENGTH
          + " karakter dan memuat huruf besar, huruf kecil serta angka.");
    }
    reset.used = true;
    SandboxHolder holder = holdersByNik.get(reset.nik);
    holder.status = CertificateStatus.ISSUE;
    holder.validFrom = clock.instant();
    holder.validTo = holder.validFrom.plus(CERTIFICATE_VALIDITY);
    LOG.info("Sandbox AMS: certificate of holder {} issued again", PersonalData.maskNik(holder.nik));
    return Optional.empty();
  }

  /** The name of the holder an unused reset link belongs to, for the page the link opens. */
  public synchronized Optional<String> holderNameForLink(String token) {
    SandboxReset reset = resetsByToken.get(token);
    if (reset == null || reset.used) {
      return Optional.empty();
    }
    return Optional.of(holdersByNik.get(reset.nik).name);
  }

  /** The reset links "sent" so far, newest last. */
  public synchronized List<SandboxMail> outbox() {
    return List.copyOf(outbox);
  }

  /** How many distinct resets AMS registered for a holder (resends not counted). */
  public synchronized long resetCount(String nik) {
    return resetsByToken.values().stream().filter(reset -> reset.nik.equals(nik)).count();
  }

  private SandboxReset earlier(String idempotencyKey, SandboxHolder holder) {
    SandboxReset earlier = resetsByKey.get(idempotencyKey);
    if (earlier != null && !earlier.nik.equals(holder.nik)) {
      throw new SandboxConflictException("The idempotency key was used before for another holder.");
    }
    return earlier;
  }

  private SandboxHolder find(Holder holder) {
    return lookup(holder).orElseThrow(() -> new AmsRefusedException(CertificateStatus.NOT_REGISTERED));
  }

  private Optional<SandboxHolder> lookup(Holder holder) {
    if (holder.nik() != null) {
      return Optional.ofNullable(holdersByNik.get(holder.nik()));
    }
    return holdersByNik.values().stream().filter(h -> h.email.equalsIgnoreCase(holder.email())).findFirst();
  }

  private void sendLink(SandboxHolder holder, SandboxReset reset) {
    String link = resetPageUrl.get() + "/" + reset.token;
    SandboxMail mail = new SandboxMail(holder.email, "Reset passphrase sertifikat elektronik",
        "Yth. " + holder.name + ", buka tautan berikut untuk membuat passphrase baru: " + link, link, clock.instant());
    outbox.add(mail);
    LOG.info("Sandbox AMS: mail \"{}\" with a reset link sent to {}; read it at {}", mail.subject(),
        PersonalData.maskEmail(holder.email), SandboxPaths.OUTBOX);
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

  private static final class SandboxHolder {
    final String nik;
    final String email;
    final String name;
    CertificateStatus status;
    Instant validFrom;
    Instant validTo;

    SandboxHolder(String nik, String email, String name, CertificateStatus status, Instant validFrom, Instant validTo) {
      this.nik = nik;
      this.email = email;
      this.name = name;
      this.status = status;
      this.validFrom = validFrom;
      this.validTo = validTo;
    }
  }

  private static final class SandboxReset {
    final String id;
    final String token;
    final String nik;
    final Instant requestedAt;
    boolean used;

    SandboxReset(String id, String token, String nik, Instant requestedAt) {
      this.id = id;
      this.token = token;
      this.nik = nik;
      this.requestedAt = requestedAt;
    }

    ResetReceipt receipt() {
      return new ResetReceipt(id, requestedAt);
    }
  }
}

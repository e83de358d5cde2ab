package id.go.kapuaskab.lupapassphrase.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.demo.DemoPeople;
import id.go.kapuaskab.lupapassphrase.privacy.PersonalData;
import id.go.kapuaskab.lupapassphrase.support.RequestFixtures;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A notice whose send fails because the mail server is down waits in the outbox and arrives once the
 * server is back; one that never gets through is given up after the last attempt; one sent is not sent again. The real engine and
 * a real SMTP server (GreenMail), stopped and started again; the tests move the engine's clock and
 * run the retries themselves, as they run jobs.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoticeRetriesTest extends IntegrationTest {

  @Autowired
  private NoticeRetries retries;

  @Autowired
  private NoticeOutbox outbox;

  @Autowired
  private JdbcTemplate jdbc;

  @Value("${lupa-passphrase.notify.max-attempts}")
  private int maxAttempts;

  @Test
  void aTurnNoticeSentWhileTheMailServerIsDownArrivesWhenItIsBack(CapturedOutput log) throws MessagingException {
    int waitingBefore = outbox.waiting();
    ProcessInstance request;
    SMTP.stop();
    try {
      // the request enters the verifiers' queue: the step commits, its notice cannot be sent
      request = new RequestFixtures(engine).waitingForVerifier(DemoPeople.ANI);
      assertThat(outbox.waiting()).isEqualTo(waitingBefore + 1);

      // before its pause is over nothing is tried; after it, the server still down, it waits again
      retries.sendDue();
      moveClock(Mailer.pauseAfter(1).plusSeconds(1));
      retries.sendDue();
      assertThat(outbox.waiting()).isEqualTo(waitingBefore + 1);
    } finally {
      SMTP.start();
    }
    assertThat(SMTP.getReceivedMessages()).isEmpty();

    moveClock(Mailer.pauseAfter(2).plusSeconds(1));
    retries.sendDue();
    assertThat(Arrays.stream(SMTP.getReceivedMessages()).map(NoticeRetriesTest::subject))
        .contains("[Lupa Passphrase] " + request.getBusinessKey() + ": permohonan menunggu verifikator");
    assertThat(outbox.waiting()).isEqualTo(waitingBefore);

    // the log tells of each failed attempt with the recipients masked, and without the notice's text
    List<String> failures = log.getAll().lines().filter(line -> line.contains("not sent (attempt")).toList();
    assertThat(failures).hasSize(2).allMatch(line -> line.contains(PersonalData.maskEmail(DemoPeople.VERA.email()))
        && !line.contains(DemoPeople.VERA.email()) && !line.contains("Buka tugasnya"));
  }

  @Test
  void aNoticeThatNeverGetsThroughIsGivenUpAfterTheLastAttempt(CapturedOutput log) {
    int waitingBefore = outbox.waiting();
    SMTP.stop();
    try {
      new RequestFixtures(engine).waitingForVerifier(DemoPeople.ANI);
      for (int attempt = 1; attempt < maxAttempts; attempt++) {
        assertThat(outbox.waiting()).isEqualTo(waitingBefore + 1);
        moveClock(Mailer.pauseAfter(attempt).plusSeconds(1));
        retries.sendDue();
      }
    } finally {
      SMTP.start();
    }
    // gone, with the personal data in it; the operators read why in the log
    assertThat(outbox.waiting()).isEqualTo(waitingBefore);
    assertThat(log.getAll()).contains("given up after " + maxAttempts + " attempts");
  }

  @Test
  void aSentNoticeIsNotTriedAgainAndLeavesTheOutboxWithinSeconds() {
    ProcessInstance request = new RequestFixtures(engine).waitingForVerifier(DemoPeople.ANI);
    String subject = "[Lupa Passphrase] " + request.getBusinessKey() + ": permohonan menunggu verifikator";
    assertThat(received(subject)).isOne();

    // sent notices leave the table together, once a second: a read before that, past its claim, leaves it be
    moveClock(Mailer.CLAIM.plusMinutes(1));
    retries.sendDue();
    assertThat(received(subject)).isOne();

    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM " + NoticeOutbox.TABLE + " WHERE SUBJECT_ = ?", Integer.class, subject) == 0);
  }

  private static long received(String subject) {
    return Arrays.stream(SMTP.getReceivedMessages()).map(NoticeRetriesTest::subject).filter(subject::equals).count();
  }

  private static void moveClock(Duration by) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}

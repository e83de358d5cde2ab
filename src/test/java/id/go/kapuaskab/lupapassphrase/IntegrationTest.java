package id.go.kapuaskab.lupapassphrase;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import id.go.kapuaskab.lupapassphrase.process.ProcessCoverageRequirement;
import id.go.kapuaskab.lupapassphrase.support.TestCalendar;
import id.go.kapuaskab.lupapassphrase.support.TestDatabase;
import id.go.kapuaskab.lupapassphrase.support.Users;
import id.go.kapuaskab.sandboxams.SandboxAms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * The one application context every integration test shares: the real engine on H2 (and, in a second
 * run, on PostgreSQL: {@link TestDatabase}), the sandbox AMS, the demo users, the web server on a
 * random port, a real SMTP server (GreenMail), and the shipped service calendar as a file a test may
 * change ({@link TestCalendar}). The application is named, not searched for: the
 * stand-in AMS's tests, which share this context, sit outside the product's package.
 */
@SpringBootTest(classes = LupaPassphraseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabase.class)
@ExtendWith(TestDatabase.class)
@Tag(TestDatabase.TAG)
@Import({ProcessEngineCoverageConfiguration.class, ProcessCoverageRequirement.class})
public abstract class IntegrationTest {

  /**
   * On a port found free at the start and kept: a test may stop the mail server and start it again
   * where the application sends (notify/NoticeRetriesTest).
   */
  protected static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), null, ServerSetup.PROTOCOL_SMTP));

  static {
    SMTP.start();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void smtpAndDatabase(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    TestDatabase.register(registry);
    TestCalendar.register(registry);
  }

  @Autowired
  protected ProcessEngine engine;

  /** The sandbox AMS the application calls, to set up and read what AMS holds. */
  @Autowired
  protected SandboxAms ams;

  /** The web server's port: both REST doors and the webapps. */
  @LocalServerPort
  protected int port;

  /** Acts as the user from here on, with their groups, as the REST API and the webapps do. */
  protected void authenticateAs(String userId) {
    Users.authenticate(engine, userId);
  }

  @BeforeEach
  void initAssertions() {
    init(engine);
  }

  @AfterEach
  void resetEngineClockAndMail() throws Exception {
    ClockUtil.reset();
    engine.getIdentityService().clearAuthentication();
    SMTP.purgeEmailFromAllMailboxes();
  }
}

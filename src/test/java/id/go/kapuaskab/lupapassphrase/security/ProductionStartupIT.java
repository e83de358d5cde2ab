package id.go.kapuaskab.lupapassphrase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import id.go.kapuaskab.lupapassphrase.LupaPassphraseApplication;
import id.go.kapuaskab.lupapassphrase.ams.AmsNotConfiguredException;
import id.go.kapuaskab.lupapassphrase.ams.client.AmsNotConfiguredFailureAnalyzer;
import id.go.kapuaskab.lupapassphrase.support.Browserless;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

/** Without the local profile: no demo users, and no start without a safe administrator password or without AMS. */
class ProductionStartupIT {

  /** The application as production starts it: no profile, settings from the command line. */
  private static ConfigurableApplicationContext startProduction(String adminPassword) {
    // an AMS address as production has one; nothing here calls it
    return startProduction(adminPassword, "--lupa-passphrase.ams.base-url=http://localhost:9/ams",
        "--lupa-passphrase.ams.username=lupa-passphrase", "--lupa-passphrase.ams.password=ams-client-secret");
  }

  private static ConfigurableApplicationContext startProduction(String adminPassword, String... ams) {
    List<String> arguments = new ArrayList<>(List.of(
        "--spring.datasource.url=jdbc:h2:mem:production-startup-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
        "--server.port=0",
        // engines register by name JVM-wide; the shared test context's engine is "default"
        "--camunda.bpm.process-engine-name=production-startup-test",
        "--camunda.bpm.job-execution.enabled=false",
        "--lupa-passphrase.admin.username=persandian",
        "--lupa-passphrase.admin.password=" + adminPassword));
    arguments.addAll(List.of(ams));
    return new SpringApplicationBuilder(LupaPassphraseApplication.class).run(arguments.toArray(String[]::new));
  }

  @Test
  void refusesToStartWithoutAnAmsAddressOrItsCredentialsAndSaysWhatToSet() {
    for (String[] ams : List.of(new String[0], new String[] {"--lupa-passphrase.ams.base-url=http://localhost:9/ams"})) {
      Throwable failure = catchThrowable(() -> startProduction("Kapuas-Sandi-2026", ams).close());
      assertThat(failure).as(String.join(" ", ams)).hasRootCauseInstanceOf(AmsNotConfiguredException.class);
      FailureAnalysis analysis = new AmsNotConfiguredFailureAnalyzer().analyze(failure);
      assertThat(analysis.getDescription()).as(String.join(" ", ams)).containsAnyOf("No AMS address", "no client credentials");
      assertThat(analysis.getAction()).contains("LUPAPASSPHRASE_AMS_");
    }
  }

  @Test
  void refusesToStartWithAWeakAdministratorPasswordAndSaysWhy() {
    for (String unsafe : new String[] {"", "admin"}) {
      assertThatThrownBy(() -> startProduction(unsafe).close())
          .as("password '%s'", unsafe)
          .hasRootCauseInstanceOf(UnsafeAdminPasswordException.class);
    }
    FailureAnalysis analysis = new UnsafeAdminPasswordFailureAnalyzer()
        .analyze(new IllegalStateException(new UnsafeAdminPasswordException(PasswordRules.weaknesses(AdminAccount.describe("admin"), "admin"))));
    assertThat(analysis.getDescription()).contains("default or well-known password", "shorter than 12");
    assertThat(analysis.getAction()).contains("LUPAPASSPHRASE_ADMIN_PASSWORD");
  }

  @Test
  void startsWithASafePasswordCreatingOnlyTheAdministrator() {
    try (ConfigurableApplicationContext context = startProduction("Kapuas-Sandi-2026")) {
      ProcessEngine engine = context.getBean(ProcessEngine.class);

      assertThat(engine.getIdentityService().createUserQuery().list())
          .extracting(user -> user.getId()).containsExactly("persandian");
      assertThat(engine.getIdentityService().checkPassword("persandian", "Kapuas-Sandi-2026")).isTrue();
      assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("camunda-admin").count()).isEqualTo(1);
      assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();

      // the session (kept in the database) goes back only over HTTPS, whatever the request came over
      Browserless browser = new Browserless(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
      HttpResponse<String> page = browser.get("/camunda/app/tasklist/");
      assertThat(page.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
          .singleElement().satisfies(cookie -> assertThat(cookie).contains("Secure", "HttpOnly", "SameSite=Lax"));
    }
  }
}

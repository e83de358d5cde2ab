package id.go.kapuaskab.sandboxams;

import java.time.Clock;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The sandbox AMS: its store, its API and the guard of it, its pages. The application takes it in as
 * an auto-configuration (META-INF/spring/…AutoConfiguration.imports), so the product names no class of
 * it; {@link SandboxAmsApplication} runs it alone. It runs where it is switched on (the local profile,
 * the tests, alone for several nodes) and the application it runs in calls no AMS elsewhere: a
 * {@code lupa-passphrase.ams.base-url} on another host turns it off; unset, or a path of this
 * application ({@code /sandbox-ams}, the local profile's), leaves it on.
 */
@AutoConfiguration
@ConditionalOnExpression("${lupa-passphrase.ams.sandbox.enabled:false} and '${lupa-passphrase.ams.base-url:}' matches '(/.*)?'")
@EnableConfigurationProperties(SandboxSettings.class)
@Import({SandboxOutage.class, SandboxApiJournal.class, SandboxApiController.class, SandboxPagesController.class})
public class SandboxAmsConfiguration {

  @Bean
  SandboxStore sandboxStore(SandboxSettings settings) {
    if (blank(settings.storeUrl())) {
      throw new IllegalStateException("The sandbox AMS needs a store: set lupa-passphrase.ams.sandbox.store-url");
    }
    return SandboxStore.open(settings.storeUrl());
  }

  @Bean
  SandboxAms sandboxAms(SandboxSettings settings, Environment environment, SandboxStore store) {
    // where reset links point, asked as a link is sent: this application's port is known once its server runs
    Supplier<String> resetPage = () -> (blank(settings.linkBaseUrl())
        ? "http://localhost:" + environment.getRequiredProperty("local.server.port")
        : settings.linkBaseUrl().replaceAll("/+$", "")) + SandboxPaths.RESET_PAGE;
    return new SandboxAms(Clock.systemUTC(), resetPage, store);
  }

  @Bean
  FilterRegistrationBean<SandboxApiAuthentication> sandboxApiAuthentication(SandboxSettings settings) {
    if (blank(settings.username()) || blank(settings.password())) {
      throw new IllegalStateException("The sandbox AMS needs client credentials: set "
          + "lupa-passphrase.ams.sandbox.username and lupa-passphrase.ams.sandbox.password");
    }
    FilterRegistrationBean<SandboxApiAuthentication> registration =
        new FilterRegistrationBean<>(new SandboxApiAuthentication(settings.username(), settings.password()));
    registration.setName("sandbox-ams-api-authentication");
    registration.addUrlPatterns(SandboxPaths.API + "/*");
    return registration;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}

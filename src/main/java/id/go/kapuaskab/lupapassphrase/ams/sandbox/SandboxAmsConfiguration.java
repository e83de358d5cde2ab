package id.go.kapuaskab.lupapassphrase.ams.sandbox;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sandbox AMS and the guard of its API, where the sandbox runs ({@link ConditionalOnSandboxAms}). */
@Configuration
@ConditionalOnSandboxAms
public class SandboxAmsConfiguration {

  @Bean
  SandboxStore sandboxStore(SandboxSettings settings) {
    if (blank(settings.storeUrl())) {
      throw new IllegalStateException("The sandbox AMS needs a store: set lupa-passphrase.ams.sandbox.store-url");
    }
    return SandboxStore.open(settings.storeUrl());
  }

  @Bean
  SandboxAms sandboxAms(SandboxAddress address, SandboxStore store) {
    return new SandboxAms(Clock.systemUTC(), address::resetPageUrl, store);
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

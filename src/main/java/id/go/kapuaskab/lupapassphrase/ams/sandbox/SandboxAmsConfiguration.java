package id.go.kapuaskab.lupapassphrase.ams.sandbox;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sandbox AMS runs only where it is switched on (the local profile and the tests). */
@Configuration
@ConditionalOnProperty(name = "lupa-passphrase.ams.sandbox.enabled", havingValue = "true")
public class SandboxAmsConfiguration {

  @Bean
  SandboxAms sandboxAms(@Value("${lupa-passphrase.ams.sandbox.link-base-url}") String linkBaseUrl) {
    return new SandboxAms(Clock.systemUTC(), linkBaseUrl);
  }
}

package id.go.kapuaskab.lupapassphrase.ams.client;

import id.go.kapuaskab.lupapassphrase.ams.AmsPort;
import id.go.kapuaskab.lupapassphrase.ams.AmsSettings;
import id.go.kapuaskab.lupapassphrase.ams.sandbox.SandboxAddress;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The process talks to AMS over HTTP: the configured AMS, or else the sandbox AMS of this application. */
@Configuration
public class AmsClientConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(AmsClientConfiguration.class);

  @Bean
  AmsPort ams(AmsSettings settings, ObjectProvider<SandboxAddress> sandbox) {
    Supplier<String> baseUrl;
    if (settings.hasBaseUrl()) {
      String configured = settings.baseUrl();
      baseUrl = () -> configured;
      LOG.info("AMS: {}", configured);
    } else {
      SandboxAddress address = sandbox.getIfAvailable();
      if (address == null) {
        throw new IllegalStateException("No AMS: set lupa-passphrase.ams.base-url, "
            + "or lupa-passphrase.ams.sandbox.enabled=true for the sandbox AMS");
      }
      baseUrl = address::apiBaseUrl;
      LOG.warn("AMS: the SANDBOX AMS of this application (a stand-in, no real certificate is touched)");
    }
    return new AmsHttpClient(AmsConnection.restClient(settings).build(), baseUrl);
  }
}

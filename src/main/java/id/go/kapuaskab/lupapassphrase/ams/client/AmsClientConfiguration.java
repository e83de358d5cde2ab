package id.go.kapuaskab.lupapassphrase.ams.client;

import id.go.kapuaskab.lupapassphrase.ams.AmsNotConfiguredException;
import id.go.kapuaskab.lupapassphrase.ams.AmsPort;
import id.go.kapuaskab.lupapassphrase.ams.AmsSettings;
import id.go.kapuaskab.lupapassphrase.ams.InProcessAms;
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
  AmsPort ams(AmsSettings settings, ObjectProvider<InProcessAms> sandbox) {
    Supplier<String> baseUrl;
    if (settings.hasBaseUrl()) {
      if (!settings.hasCredentials()) {
        throw new AmsNotConfiguredException("AMS at " + settings.baseUrl() + " has no client credentials.",
            "Set LUPAPASSPHRASE_AMS_USERNAME and LUPAPASSPHRASE_AMS_PASSWORD (HTTP Basic), "
                + "or LUPAPASSPHRASE_AMS_BEARERTOKEN, to the credentials AMS gave this application.");
      }
      String configured = settings.baseUrl();
      baseUrl = () -> configured;
      LOG.info("AMS: {}", configured);
    } else {
      InProcessAms address = sandbox.getIfAvailable();
      if (address == null) {
        throw new AmsNotConfiguredException("No AMS address is set, and the sandbox AMS is off.",
            "Set LUPAPASSPHRASE_AMS_BASEURL to the AMS (or its adapter) serving docs/ams-api.yaml, with its "
                + "credentials; for a local demo, run with the 'local' profile (./mvnw spring-boot:run).");
      }
      baseUrl = address::apiBaseUrl;
      LOG.warn("AMS: the SANDBOX AMS of this application (a stand-in, no real certificate is touched)");
    }
    return new AmsHttpClient(AmsConnection.restClient(settings).build(), baseUrl);
  }
}

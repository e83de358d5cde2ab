package id.go.kapuaskab.lupapassphrase.ams.client;

import id.go.kapuaskab.lupapassphrase.ams.AmsNotConfiguredException;
import id.go.kapuaskab.lupapassphrase.ams.AmsPort;
import id.go.kapuaskab.lupapassphrase.ams.AmsSettings;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The process talks to AMS over HTTP, at the configured address: another host, or a path of this application. */
@Configuration
class AmsClientConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(AmsClientConfiguration.class);
  private static final String LOCAL_SERVER_PORT = "local.server.port";

  @Bean
  AmsPort ams(AmsSettings settings, Environment environment) {
    if (!settings.hasBaseUrl()) {
      throw new AmsNotConfiguredException("No AMS address is set.",
          "Set LUPAPASSPHRASE_AMS_BASEURL to the AMS (or its adapter) serving docs/ams-api.yaml, with its "
              + "credentials; for a local demo, run with the 'local' profile (./mvnw spring-boot:run).");
    }
    String configured = settings.baseUrl();
    if (!settings.hasCredentials()) {
      throw new AmsNotConfiguredException("AMS at " + configured + " has no client credentials.",
          "Set LUPAPASSPHRASE_AMS_USERNAME and LUPAPASSPHRASE_AMS_PASSWORD (HTTP Basic), "
              + "or LUPAPASSPHRASE_AMS_BEARERTOKEN, to the credentials AMS gave this application.");
    }
    Supplier<String> baseUrl;
    if (configured.startsWith("/")) {
      // a path of this application: its port, asked on each call, is known only once the web server runs
      baseUrl = () -> "http://localhost:" + environment.getRequiredProperty(LOCAL_SERVER_PORT) + configured;
      LOG.warn("AMS: {} of this application, the local profile's SANDBOX AMS (a stand-in, no real certificate "
          + "is touched)", configured);
    } else {
      baseUrl = () -> configured;
      LOG.info("AMS: {}", configured);
    }
    return new AmsHttpClient(AmsConnection.restClient(settings).build(), baseUrl);
  }
}

package id.go.kapuaskab.lupapassphrase.ams;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where AMS is and how to reach it.
 *
 * @param baseUrl AMS's base URL (the contract's paths follow it); a path alone, such as the local
 *     profile's {@code /sandbox-ams}, is on this application itself
 * @param username client name for HTTP Basic, with {@code password}
 * @param password client password for HTTP Basic
 * @param bearerToken a token instead of HTTP Basic
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer; well below the job lock time (5 minutes), so a
 *     hanging AMS fails the try instead of letting a second node pick up the same job
 * @param retryCycle how the AMS service tasks retry a fault, as an ISO 8601 repeating interval
 *     ({@code R3/PT5M}: three tries five minutes apart), then an incident
 */
@ConfigurationProperties("lupa-passphrase.ams")
public record AmsSettings(
    String baseUrl,
    String username,
    String password,
    String bearerToken,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout,
    @DefaultValue("R3/PT5M") String retryCycle) {

  public boolean hasBaseUrl() {
    return baseUrl != null && !baseUrl.isBlank();
  }

  /** HTTP Basic credentials or a bearer token. */
  public boolean hasCredentials() {
    return (username != null && !username.isBlank() && password != null && !password.isBlank())
        || (bearerToken != null && !bearerToken.isBlank());
  }

  /** Keeps the credentials out of anything that prints the settings. */
  @Override
  public String toString() {
    return "AmsSettings[baseUrl=" + baseUrl + ", username=" + username + ", password=" + hidden(password)
        + ", bearerToken=" + hidden(bearerToken) + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout + ", retryCycle=" + retryCycle + "]";
  }

  private static String hidden(String secret) {
    return secret == null || secret.isEmpty() ? "" : "***";
  }
}

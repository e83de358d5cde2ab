package id.go.kapuaskab.sandboxams;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sandbox AMS.
 *
 * @param enabled run it in this application (still off when the application's AMS base URL names
 *     another host)
 * @param linkBaseUrl where its reset links point, such as {@code https://lupa.example.go.id}; unset
 *     means this application on localhost
 * @param username client name its API accepts (HTTP Basic)
 * @param password client password its API accepts
 * @param storeUrl the JDBC URL of the database where it keeps what it knows ({@link SandboxStore})
 */
@ConfigurationProperties("lupa-passphrase.ams.sandbox")
record SandboxSettings(boolean enabled, String linkBaseUrl, String username, String password, String storeUrl) {

  @Override
  public String toString() {
    return "SandboxSettings[enabled=" + enabled + ", linkBaseUrl=" + linkBaseUrl + ", username=" + username
        + ", password=***, storeUrl=" + storeUrl + "]";
  }
}

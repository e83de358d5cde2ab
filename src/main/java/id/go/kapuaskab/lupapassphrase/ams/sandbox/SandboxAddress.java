package id.go.kapuaskab.lupapassphrase.ams.sandbox;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the running application serves the sandbox's pages. The port is read when asked, not at
 * start-up: it is known only once the web server runs (tests and {@code --server.port=0} pick a free one).
 */
@Component
@ConditionalOnSandboxAms
public class SandboxAddress {

  private static final String LOCAL_SERVER_PORT = "local.server.port";

  private final Environment environment;
  private final SandboxSettings settings;

  public SandboxAddress(Environment environment, SandboxSettings settings) {
    this.environment = environment;
    this.settings = settings;
  }

  /** The URL reset links start with, followed by a slash and the token. */
  public String resetPageUrl() {
    String base = settings.linkBaseUrl() == null || settings.linkBaseUrl().isBlank()
        ? "http://localhost:" + environment.getRequiredProperty(LOCAL_SERVER_PORT)
        : settings.linkBaseUrl().replaceAll("/+$", "");
    return base + SandboxPaths.RESET_PAGE;
  }
}

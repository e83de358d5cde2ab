package id.go.kapuaskab.lupapassphrase.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** The user logged into the webapps with the request's session, for one engine: what our own pages' endpoints serve. */
public final class WebappUser {

  private WebappUser() {
  }

  /** The session's user of the engine, or empty without a session or a login to that engine. */
  public static Optional<UserAuthentication> of(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    return session == null ? Optional.empty()
        : Optional.ofNullable((UserAuthentication) AuthenticationUtil.getAuthsFromSession(session)
            .getAuthenticationForProcessEngine(engineName));
  }
}

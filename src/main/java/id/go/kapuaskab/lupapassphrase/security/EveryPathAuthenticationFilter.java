package id.go.kapuaskab.lupapassphrase.security;

import jakarta.servlet.FilterConfig;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's HTTP Basic filter for /engine-rest without its one open path: /engine, the list of the
 * process engines, answered anyone. Nobody needs it before logging in (the webapps ask their own API).
 * Its logins are checked by {@link RememberedLogins}.
 */
class EveryPathAuthenticationFilter extends ProcessEngineAuthenticationFilter {

  private final ProcessEngine engine;

  EveryPathAuthenticationFilter(RememberedLogins logins, ProcessEngine engine) {
    this.authenticationProvider = logins;
    this.engine = engine;
  }

  @Override
  public void init(FilterConfig filterConfig) {
    servletPathPrefix = filterConfig.getInitParameter(SERVLET_PATH_PREFIX);
  }

  @Override
  protected boolean requiresEngineAuthentication(String requestUrl) {
    return true;
  }

  /** "/engine/", which names no engine, is asked of the default engine like "/engine". */
  @Override
  protected String extractEngineName(String requestUrl) {
    String engineName = super.extractEngineName(requestUrl);
    return engineName.isEmpty() ? DEFAULT_ENGINE_NAME : engineName;
  }

  /**
   * The node's one engine when the call names it. Camunda's filter searches the class path for an engine provider
   * (a service loader) at every call, reading its file afresh: 4 % of what the node allocated for a request.
   */
  @Override
  protected ProcessEngine getAddressedEngine(String engineName) {
    return engine.getName().equals(engineName) ? engine : null;
  }
}

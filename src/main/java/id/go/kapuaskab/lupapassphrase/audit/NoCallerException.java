package id.go.kapuaskab.lupapassphrase.audit;

/**
 * The history was to be read with nobody authenticated. Without an authenticated user the engine
 * checks no authorizations at all, so it would show everything: the read is refused instead.
 */
public class NoCallerException extends RuntimeException {

  public NoCallerException() {
    super("The SOP history is read with the rights of the calling user, and no user is authenticated.");
  }
}

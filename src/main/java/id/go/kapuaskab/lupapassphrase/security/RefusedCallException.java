package id.go.kapuaskab.lupapassphrase.security;

/**
 * A call refused with a status of its own: code where data belongs (400), what only an administrator may do (403), a task that no
 * longer exists (404), a task another user has claimed (409). Not a ProcessEngineException on
 * purpose: the REST resources turn those into 400 or 500 as they see fit, while this one reaches our
 * mapper whatever the resource.
 */
public class RefusedCallException extends RuntimeException {

  public static final int BAD_REQUEST = 400;
  public static final int FORBIDDEN = 403;
  public static final int NOT_FOUND = 404;
  public static final int CONFLICT = 409;

  private final int status;

  public RefusedCallException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}

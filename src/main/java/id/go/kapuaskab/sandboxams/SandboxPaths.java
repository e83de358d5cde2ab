package id.go.kapuaskab.sandboxams;

/**
 * Where the sandbox AMS lives in the application that runs it. It stands in for an external system:
 * its API checks its own client credentials (not Camunda users), and its pages are what AMS would
 * show the holder.
 */
public final class SandboxPaths {

  public static final String ROOT = "/sandbox-ams";
  /** The contract's API (docs/ams-api.yaml); the client's base URL is {@link #ROOT}. */
  public static final String API = ROOT + "/api";
  /** The mails the sandbox "sent", and the outage switch. */
  public static final String OUTBOX = ROOT + "/outbox";
  public static final String OUTAGE = ROOT + "/outage";
  /** A reset link is this path, a slash and the link's token. */
  public static final String RESET_PAGE = ROOT + "/reset";

  private SandboxPaths() {
  }
}

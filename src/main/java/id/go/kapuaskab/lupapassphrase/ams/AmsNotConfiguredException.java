package id.go.kapuaskab.lupapassphrase.ams;

/** The application cannot reach AMS as configured: no address, or an address without credentials. */
public class AmsNotConfiguredException extends RuntimeException {

  private final String action;

  public AmsNotConfiguredException(String problem, String action) {
    super(problem);
    this.action = action;
  }

  public String action() {
    return action;
  }
}

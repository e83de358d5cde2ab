package id.go.kapuaskab.lupapassphrase.ams.sandbox;

/** A request the sandbox cannot carry out as it stands (contract: 409); not about the holder's certificate. */
public class SandboxConflictException extends RuntimeException {

  public SandboxConflictException(String message) {
    super(message);
  }
}

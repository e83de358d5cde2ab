package id.go.kapuaskab.sandboxams;

/** A request the sandbox cannot carry out as it stands (contract: 409); not about the holder's certificate. */
class SandboxConflictException extends RuntimeException {

  SandboxConflictException(String message) {
    super(message);
  }
}

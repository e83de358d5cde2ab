package id.go.kapuaskab.lupapassphrase.security;

import java.util.List;

/** Production refuses to start without a proper administrator password. */
class UnsafeAdminPasswordException extends RuntimeException {

  private final List<String> weaknesses;

  public UnsafeAdminPasswordException(List<String> weaknesses) {
    super("Refusing to start: the administrator password is not safe (" + String.join("; ", weaknesses) + ")");
    this.weaknesses = weaknesses;
  }

  public List<String> weaknesses() {
    return weaknesses;
  }
}

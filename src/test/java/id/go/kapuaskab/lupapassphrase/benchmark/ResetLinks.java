package id.go.kapuaskab.lupapassphrase.benchmark;

import id.go.kapuaskab.sandboxams.SandboxAms;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The holder's side in AMS: every request of the benchmark is the same holder's, so any unused
 * reset link of theirs does; each is handed out once, in the order the sandbox sent them. A
 * request asks for one only after its own reset was sent, so there is always one to take.
 */
final class ResetLinks {

  private static final String NEW_PASSPHRASE = "Kapuas2026Baru";

  private final SandboxAms ams;
  private final AtomicInteger next = new AtomicInteger();

  ResetLinks(SandboxAms ams) {
    this.ams = ams;
  }

  /** The holder opens the next unused link and sets a new passphrase there. */
  void setNewPassphrase() {
    String link = ams.outbox().get(next.getAndIncrement()).link();
    String token = link.substring(link.lastIndexOf('/') + 1);
    ams.setNewPassphrase(token, NEW_PASSPHRASE, NEW_PASSPHRASE)
        .ifPresent(problem -> {
          throw new IllegalStateException("sandbox AMS refused the new passphrase: " + problem);
        });
  }
}

package id.go.kapuaskab.sandboxams;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The calls the sandbox's API received, oldest first, kept in its store, so the outbox page and tests
 * see what AMS was asked, also across a restart (a call repeated after a crash shows as two calls
 * with the same idempotency key).
 */
public class SandboxApiJournal {

  private final Clock clock = Clock.systemUTC();
  private final SandboxStore store;

  SandboxApiJournal(SandboxStore store) {
    this.store = store;
  }

  public synchronized void record(String operation, String idempotencyKey, int status) {
    store.addCall(clock.instant().truncatedTo(ChronoUnit.MILLIS), operation, idempotencyKey, status);
  }

  /** The number of the last call received so far; a mark for {@link #callsAfter}. */
  public synchronized long received() {
    return store.lastCallNumber();
  }

  /** The calls received after the given mark, oldest first. */
  public synchronized List<SandboxApiCall> callsAfter(long mark) {
    return store.callsAfter(mark);
  }
}

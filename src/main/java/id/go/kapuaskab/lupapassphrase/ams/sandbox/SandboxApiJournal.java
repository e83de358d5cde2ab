package id.go.kapuaskab.lupapassphrase.ams.sandbox;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.stereotype.Component;

/** The calls the sandbox's API received, oldest first, so the outbox page and tests see what AMS was asked. */
@Component
@ConditionalOnSandboxAms
public class SandboxApiJournal {

  /** Enough for a demo session; beyond it the oldest calls are dropped. */
  private static final int KEPT = 1000;

  private final Clock clock = Clock.systemUTC();
  private final Deque<SandboxApiCall> calls = new ArrayDeque<>();
  private long received;

  public synchronized void record(String operation, String idempotencyKey, int status) {
    if (calls.size() == KEPT) {
      calls.removeFirst();
    }
    received++;
    calls.addLast(new SandboxApiCall(received, clock.instant(), operation, idempotencyKey, status));
  }

  /** How many calls were received so far; a mark for {@link #callsAfter}. */
  public synchronized long received() {
    return received;
  }

  /** The calls received after the given mark, oldest first. */
  public synchronized List<SandboxApiCall> callsAfter(long mark) {
    return calls.stream().filter(call -> call.number() > mark).toList();
  }
}

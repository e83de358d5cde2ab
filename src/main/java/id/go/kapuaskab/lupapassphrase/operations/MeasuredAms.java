package id.go.kapuaskab.lupapassphrase.operations;

import id.go.kapuaskab.lupapassphrase.ams.AmsFaultException;
import id.go.kapuaskab.lupapassphrase.ams.AmsPort;
import id.go.kapuaskab.lupapassphrase.ams.AmsRefusedException;
import id.go.kapuaskab.lupapassphrase.ams.CertificateInfo;
import id.go.kapuaskab.lupapassphrase.ams.Holder;
import id.go.kapuaskab.lupapassphrase.ams.ResetReceipt;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The AMS port as the process sees it: every call passed on to the client, timed and counted by
 * operation and result ({@code lupa_ams_calls_seconds}), and the last success and the last fault kept
 * for the health check. A fault's message never carries personal data ({@link AmsFaultException}).
 */
@Component
@Primary
class MeasuredAms implements AmsPort {

  /** How a call ended: an answer, a refusal about the holder (a business answer), or a fault (retried). */
  enum Result {
    OK, REFUSED, FAULT;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A fault of a call to AMS, as the health check shows it. */
  record Fault(Instant at, String message) {
  }

  /** The buckets of the duration: AMS answers within the connect (5 s) and read (10 s) timeouts or fails. */
  private static final Duration[] BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15)};

  private final AmsPort ams;
  private final Map<AmsOperation, Map<Result, Timer>> calls = new EnumMap<>(AmsOperation.class);
  private volatile Instant lastSuccess;
  private volatile Fault lastFault;

  MeasuredAms(@Qualifier("ams") AmsPort ams, MeterRegistry registry) {
    this.ams = ams;
    for (AmsOperation operation : AmsOperation.values()) {
      Map<Result, Timer> byResult = new EnumMap<>(Result.class);
      for (Result result : Result.values()) {
        byResult.put(result, Timer.builder("lupa.ams.calls")
            .description("Calls to AMS by operation and result (ok, refused: a business answer, fault: retried)")
            .tags("operation", operation.label(), "result", result.label())
            .serviceLevelObjectives(BUCKETS)
            .register(registry));
      }
      calls.put(operation, byResult);
    }
  }

  @Override
  public ResetReceipt requestReset(Holder holder, String idempotencyKey) {
    return measured(AmsOperation.RESET, () -> ams.requestReset(holder, idempotencyKey));
  }

  @Override
  public ResetReceipt resendResetLink(Holder holder, String idempotencyKey) {
    return measured(AmsOperation.RESEND, () -> ams.resendResetLink(holder, idempotencyKey));
  }

  @Override
  public CertificateInfo certificateStatus(Holder holder) {
    return measured(AmsOperation.STATUS, () -> ams.certificateStatus(holder));
  }

  Optional<Instant> lastSuccess() {
    return Optional.ofNullable(lastSuccess);
  }

  Optional<Fault> lastFault() {
    return Optional.ofNullable(lastFault);
  }

  /** Whether the last call that ended ended in a fault. */
  boolean failing() {
    Fault fault = lastFault;
    Instant success = lastSuccess;
    return fault != null && (success == null || fault.at().isAfter(success));
  }

  private <T> T measured(AmsOperation operation, Supplier<T> call) {
    long started = System.nanoTime();
    try {
      T answer = call.get();
      lastSuccess = Instant.now();
      record(operation, Result.OK, started);
      return answer;
    } catch (AmsRefusedException refusal) {
      // AMS answered: it is reachable and works
      lastSuccess = Instant.now();
      record(operation, Result.REFUSED, started);
      throw refusal;
    } catch (RuntimeException fault) {
      // only a fault of ours promises a message without personal data
      lastFault = new Fault(Instant.now(), fault instanceof AmsFaultException ? fault.getMessage()
          : fault.getClass().getSimpleName());
      record(operation, Result.FAULT, started);
      throw fault;
    }
  }

  private void record(AmsOperation operation, Result result, long startedNanos) {
    calls.get(operation).get(result).record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
  }
}

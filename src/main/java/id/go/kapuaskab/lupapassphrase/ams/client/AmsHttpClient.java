package id.go.kapuaskab.lupapassphrase.ams.client;

import id.go.kapuaskab.lupapassphrase.ams.AmsFaultException;
import id.go.kapuaskab.lupapassphrase.ams.AmsPort;
import id.go.kapuaskab.lupapassphrase.ams.AmsRefusedException;
import id.go.kapuaskab.lupapassphrase.ams.CertificateInfo;
import id.go.kapuaskab.lupapassphrase.ams.Holder;
import id.go.kapuaskab.lupapassphrase.ams.ResetReceipt;
import id.go.kapuaskab.lupapassphrase.ams.api.AmsApi;
import id.go.kapuaskab.lupapassphrase.ams.api.HolderQuery;
import id.go.kapuaskab.lupapassphrase.ams.api.RefusalAnswer;
import id.go.kapuaskab.lupapassphrase.ams.api.ResetAnswer;
import id.go.kapuaskab.lupapassphrase.ams.api.StatusAnswer;
import id.go.kapuaskab.lupapassphrase.privacy.PersonalData;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.client.RestClientException;

/**
 * AMS over HTTP, after the contract docs/ams-api.yaml. A 2xx answer inside the contract is a result,
 * a 422 refusal is an {@link AmsRefusedException}, and everything else (no connection, no answer in
 * time, any other status, a body outside the contract) is an {@link AmsFaultException}. Each call is
 * logged with the holder masked.
 */
public class AmsHttpClient implements AmsPort {

  private static final Logger LOG = LoggerFactory.getLogger(AmsHttpClient.class);

  private final RestClient http;
  private final Supplier<String> baseUrl;

  /**
   * @param http a client made by {@link AmsConnection}
   * @param baseUrl AMS's base URL, asked on each call: for an AMS this application serves, its port
   *     is known only once the server runs
   */
  public AmsHttpClient(RestClient http, Supplier<String> baseUrl) {
    this.http = http;
    this.baseUrl = baseUrl;
  }

  @Override
  public ResetReceipt requestReset(Holder holder, String idempotencyKey) {
    return receipt(call(Operation.RESET, holder, idempotencyKey, ResetAnswer.class, ResetAnswer::complete));
  }

  @Override
  public ResetReceipt resendResetLink(Holder holder, String idempotencyKey) {
    return receipt(call(Operation.RESEND, holder, idempotencyKey, ResetAnswer.class, ResetAnswer::complete));
  }

  @Override
  public CertificateInfo certificateStatus(Holder holder) {
    StatusAnswer answer = call(Operation.STATUS, holder, null, StatusAnswer.class, StatusAnswer::complete);
    return new CertificateInfo(answer.status(), answer.validFrom(), answer.validTo());
  }

  private static ResetReceipt receipt(ResetAnswer answer) {
    return new ResetReceipt(answer.resetId(), answer.requestedAt());
  }

  /** By NIK, or else by e-mail: never both, as the contract asks. */
  private static HolderQuery query(Holder holder) {
    return holder.nik() != null ? new HolderQuery(holder.nik(), null) : new HolderQuery(null, holder.email());
  }

  private <T> T call(Operation operation, Holder holder, String idempotencyKey, Class<T> answerType,
      Predicate<T> complete) {
    String masked = holder.nik() != null ? PersonalData.maskNumber(holder.nik()) : PersonalData.maskEmail(holder.email());
    String who = "holder " + masked + (idempotencyKey == null ? "" : ", key " + idempotencyKey);
    long started = System.nanoTime();
    try {
      T answer = http.post()
          .uri(url(operation))
          .headers(headers -> {
            if (idempotencyKey != null) {
              headers.set(AmsApi.IDEMPOTENCY_KEY, idempotencyKey);
            }
          })
          .contentType(MediaType.APPLICATION_JSON)
          .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
          .body(query(holder))
          .exchange((request, response) -> read(operation, response, answerType, complete));
      LOG.info("AMS {} ({}): done in {} ms", operation.label, who, millis(started));
      return answer;
    } catch (AmsRefusedException refusal) {
      LOG.info("AMS {} ({}): refused, {} in {} ms", operation.label, who, refusal.status(), millis(started));
      throw refusal;
    } catch (AmsFaultException fault) {
      throw logged(fault, who, started);
    } catch (ResourceAccessException unreachable) {
      throw logged(new AmsFaultException(operation.fault(describe(unreachable.getCause())), unreachable),
          who, started);
    } catch (RestClientException unreadable) {
      // the cause is left out on purpose: a parser's message may quote the body, and with it personal data
      throw logged(new AmsFaultException(operation.fault("answer outside the contract (unreadable body)")),
          who, started);
    }
  }

  private static <T> T read(Operation operation, ConvertibleClientHttpResponse response, Class<T> answerType,
      Predicate<T> complete) throws IOException {
    HttpStatusCode status = response.getStatusCode();
    if (status.is2xxSuccessful()) {
      T answer = response.bodyTo(answerType);
      if (answer == null || !complete.test(answer)) {
        throw new AmsFaultException(operation.fault("answer outside the contract (fields missing)"));
      }
      return answer;
    }
    if (status.value() == AmsApi.REFUSED && operation.mayBeRefused) {
      RefusalAnswer refusal = response.bodyTo(RefusalAnswer.class);
      if (refusal == null || !refusal.complete()) {
        throw new AmsFaultException(operation.fault("refusal outside the contract"));
      }
      throw new AmsRefusedException(refusal.status());
    }
    HttpStatus known = HttpStatus.resolve(status.value());
    throw new AmsFaultException(operation.fault("AMS answered HTTP " + status.value()
        + (known == null ? "" : " " + known.getReasonPhrase())));
  }

  private String url(Operation operation) {
    String base = baseUrl.get();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + operation.path;
  }

  private AmsFaultException logged(AmsFaultException fault, String who, long started) {
    LOG.warn("{} ({}, {} ms)", fault.getMessage(), who, millis(started));
    return fault;
  }

  private static String describe(Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return "AMS not reachable (connect timeout)";
    }
    if (cause instanceof HttpTimeoutException) {
      return "no answer from AMS in time (read timeout)";
    }
    if (cause instanceof ConnectException) {
      return "AMS not reachable (connection refused)";
    }
    if (cause instanceof IOException io) {
      return "connection to AMS failed (" + io.getClass().getSimpleName()
          + (io.getMessage() == null ? "" : ": " + io.getMessage()) + ")";
    }
    return "connection to AMS failed";
  }

  private static long millis(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  private enum Operation {
    RESET("reset passphrase", AmsApi.RESET_PATH, true),
    RESEND("resend reset link", AmsApi.RESEND_PATH, true),
    STATUS("certificate status", AmsApi.STATUS_PATH, false);

    final String label;
    final String path;
    final boolean mayBeRefused;

    Operation(String label, String path, boolean mayBeRefused) {
      this.label = label;
      this.path = path;
      this.mayBeRefused = mayBeRefused;
    }

    String fault(String what) {
      return "AMS fault on " + label + ": " + what;
    }
  }
}

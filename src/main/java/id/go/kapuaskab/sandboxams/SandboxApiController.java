package id.go.kapuaskab.sandboxams;

import id.go.kapuaskab.lupapassphrase.ams.api.AmsApi;
import id.go.kapuaskab.lupapassphrase.ams.api.HolderQuery;
import id.go.kapuaskab.lupapassphrase.ams.api.RefusalAnswer;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox AMS over HTTP, exactly as docs/ams-api.yaml describes AMS: the answers of
 * {@link SandboxAms}, a 422 for a refusal, problems for everything else. The outage switch can make it
 * fail like a real AMS would. Its credentials are checked by {@link SandboxApiAuthentication}.
 */
@RestController
@RequestMapping(SandboxPaths.ROOT)
class SandboxApiController {

  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile(AmsApi.IDEMPOTENCY_KEY_PATTERN);
  private static final Pattern NIK = Pattern.compile("\\d{16}");
  private static final String NIK_FIELD = "nik";
  private static final String EMAIL_FIELD = "email";
  private static final Set<String> HOLDER_FIELDS = Set.of(NIK_FIELD, EMAIL_FIELD);

  private final SandboxAms ams;
  private final SandboxOutage outage;
  private final SandboxApiJournal journal;

  SandboxApiController(SandboxAms ams, SandboxOutage outage, SandboxApiJournal journal) {
    this.ams = ams;
    this.outage = outage;
    this.journal = journal;
  }

  @PostMapping(path = AmsApi.RESET_PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> requestReset(@RequestHeader(name = AmsApi.IDEMPOTENCY_KEY, required = false) String key,
      @RequestBody Map<String, Object> body) {
    HolderQuery holder = holderQuery(body);
    return answer(AmsApi.RESET_PATH, key, true, holder,
        () -> ams.requestReset(holder, key));
  }

  @PostMapping(path = AmsApi.RESEND_PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> resendResetLink(@RequestHeader(name = AmsApi.IDEMPOTENCY_KEY, required = false) String key,
      @RequestBody Map<String, Object> body) {
    HolderQuery holder = holderQuery(body);
    return answer(AmsApi.RESEND_PATH, key, true, holder,
        () -> ams.resendResetLink(holder, key));
  }

  @PostMapping(path = AmsApi.STATUS_PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<?> certificateStatus(@RequestBody Map<String, Object> body) {
    HolderQuery holder = holderQuery(body);
    return answer(AmsApi.STATUS_PATH, null, false, holder,
        () -> ams.certificateStatus(holder));
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
  public ResponseEntity<ProblemDetail> unreadable() {
    return problem(HttpStatus.BAD_REQUEST, "The body is not a JSON holder query.");
  }

  /**
   * The body as the contract allows it, or null: read strictly, so that a field the contract does not
   * name (a passphrase, say) is refused rather than quietly dropped.
   */
  private static HolderQuery holderQuery(Map<String, Object> body) {
    if (!HOLDER_FIELDS.containsAll(body.keySet()) || !body.values().stream().allMatch(String.class::isInstance)) {
      return null;
    }
    return new HolderQuery((String) body.get(NIK_FIELD), (String) body.get(EMAIL_FIELD));
  }

  private ResponseEntity<?> answer(String operation, String key, boolean keyRequired, HolderQuery holder,
      Supplier<Object> work) {
    ResponseEntity<?> response = carryOut(key, keyRequired, holder, work);
    journal.record(operation, key, response.getStatusCode().value());
    return response;
  }

  private ResponseEntity<?> carryOut(String key, boolean keyRequired, HolderQuery holder, Supplier<Object> work) {
    if (outage.mode() == SandboxOutage.Mode.DOWN) {
      return problem(HttpStatus.SERVICE_UNAVAILABLE, "The sandbox AMS is switched off (outage on the outbox page).");
    }
    if (keyRequired && (key == null || !IDEMPOTENCY_KEY.matcher(key).matches())) {
      return problem(HttpStatus.BAD_REQUEST, "The Idempotency-Key header is missing or malformed.");
    }
    if (holder == null || !holder.namesOneHolder() || (holder.nik() != null && !NIK.matcher(holder.nik()).matches())
        || (holder.email() != null && !holder.email().contains("@"))) {
      return problem(HttpStatus.BAD_REQUEST, "Name the holder by exactly one of a 16-digit nik or an email.");
    }
    ResponseEntity<?> response;
    try {
      response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(work.get());
    } catch (SandboxRefusedException refusal) {
      response = ResponseEntity.status(AmsApi.REFUSED).contentType(MediaType.APPLICATION_JSON)
          .body(RefusalAnswer.of(refusal.status()));
    } catch (SandboxConflictException conflict) {
      response = problem(HttpStatus.CONFLICT, conflict.getMessage());
    }
    if (outage.mode() == SandboxOutage.Mode.ANSWER_LOST) {
      return problem(HttpStatus.SERVICE_UNAVAILABLE, "The sandbox AMS carried the request out, then lost the answer.");
    }
    if (outage.mode() == SandboxOutage.Mode.SLOW) {
      answerLate();
    }
    return response;
  }

  private static void answerLate() {
    try {
      Thread.sleep(SandboxOutage.SLOW_ANSWER.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetail.forStatusAndDetail(status, detail));
  }
}

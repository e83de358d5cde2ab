package id.go.kapuaskab.lupapassphrase.process;

import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.APPLICANT;

import id.go.kapuaskab.lupapassphrase.request.InvalidInputException;
import id.go.kapuaskab.lupapassphrase.request.RequestRules;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Opens a request: only a logged-in applicant opens one, for themself; it gets a request number
 * that is unique, because AMS calls use it as their idempotency key; and whatever data it is
 * opened with must be a complete, valid request (a Tasklist start carries none: step 1 follows).
 */
@Component("openRequest")
public class OpenRequestListener implements ExecutionListener {

  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final RequestRules rules;
  private final SecureRandom random = new SecureRandom();

  public OpenRequestListener(RequestRules rules) {
    this.rules = rules;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      throw new InvalidInputException(APPLICANT, "Permohonan harus dibuka oleh pemohon yang sudah masuk (login).");
    }
    if (!user.getUserId().equals(execution.getVariable(APPLICANT))) {
      throw new InvalidInputException(APPLICANT, "Pemohon adalah pengguna yang membuka permohonan dan tidak boleh diisi.");
    }

    Set<String> names = execution.getVariableNames();
    rules.refuseCredentials(names);
    Set<String> unexpected = new HashSet<>(names);
    unexpected.remove(APPLICANT);
    RequestRules.REQUEST_FIELDS.forEach(unexpected::remove);
    if (!unexpected.isEmpty()) {
      throw new InvalidInputException(unexpected.iterator().next(), "Isian ini tidak dikenal pada permohonan.");
    }
    if (RequestRules.REQUEST_FIELDS.stream().anyMatch(names::contains)) {
      rules.checkRequest(execution);
    }

    execution.setProcessBusinessKey(newRequestNumber());
  }

  /** LP-yyyyMMdd-XXXXXX: the day in WIB and six random characters that cannot be misread. */
  private String newRequestNumber() {
    StringBuilder number = new StringBuilder("LP-")
        .append(DAY.format(ClockUtil.getCurrentTime().toInstant().atZone(WIB)))
        .append('-');
    for (int i = 0; i < 6; i++) {
      number.append(ALPHABET[random.nextInt(ALPHABET.length)]);
    }
    return number.toString();
  }
}

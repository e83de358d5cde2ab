package id.go.kapuaskab.lupapassphrase.process;

import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.AGENCY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.APPLICANT_NAME;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.NIK;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.NIP;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.OFFICIAL_EMAIL;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.STATEMENT_LETTER;

import id.go.kapuaskab.lupapassphrase.privacy.PersonalData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.stereotype.Component;

/**
 * SOP step 2: records, with the verifier's decision, what the verifier had in front of them: the
 * identity data (NIK, NIP and e-mail masked) and the letter by name, size and SHA-256. The request
 * cannot change after that but through a rejection, so the audit record shows what was checked.
 */
@Component("recordVerifiedRequest")
@ReachableFromDiagram
public class VerifiedRequestRecord implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (!execution.isCanceled()) {
      execution.setVariable(ProcessVariables.VERIFIED_REQUEST, describe(execution));
    }
  }

  static String describe(DelegateExecution execution) {
    FileValue letter = execution.getVariableTyped(STATEMENT_LETTER);
    return Objects.toString(execution.getVariable(APPLICANT_NAME), "-")
        + "; NIK " + PersonalData.maskNumber((String) execution.getVariable(NIK))
        + "; NIP " + PersonalData.maskNumber((String) execution.getVariable(NIP))
        + "; " + PersonalData.maskEmail((String) execution.getVariable(OFFICIAL_EMAIL))
        + "; " + Objects.toString(execution.getVariable(AGENCY), "-")
        + "; surat " + (letter == null ? "-" : letter.getFilename() + " (" + fingerprint(letter) + ")");
  }

  private static String fingerprint(FileValue letter) {
    try (InputStream in = letter.getValue()) {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[8192];
      long size = 0;
      for (int n; (n = in.read(buffer)) > 0; size += n) {
        sha256.update(buffer, 0, n);
      }
      return size + " bita, SHA-256 " + HexFormat.of().formatHex(sha256.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

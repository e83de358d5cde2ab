package id.go.kapuaskab.lupapassphrase.process;

import static id.go.kapuaskab.lupapassphrase.process.FormField.choice;
import static id.go.kapuaskab.lupapassphrase.process.FormField.file;
import static id.go.kapuaskab.lupapassphrase.process.FormField.flag;
import static id.go.kapuaskab.lupapassphrase.process.FormField.line;
import static id.go.kapuaskab.lupapassphrase.process.FormField.text;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.START_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_CONFIRM_LINK_RECEIVED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_REVIEW_AMS_REFUSAL;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SET_NEW_PASSPHRASE;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_SUBMIT_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessIds.TASK_VERIFY_REQUEST;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.ACTIVATION_DONE_IN_AMS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.AGENCY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.AGREEMENT_ACCEPTED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.APPLICANT_NAME;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.IDENTITY_VERIFIED;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.LINK_STATUS;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.NIK;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.NIP;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.OFFICIAL_EMAIL;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.REJECTION_REASON;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.STATEMENT_LETTER;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SUBMIT_ACTION;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFICATION_DECISION;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.VERIFIER_NOTE;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * What each form of forms/ sends, one declaration per diagram element that has a form: the only
 * variables a start or a task completion may carry. Everything else a caller sends is refused, so
 * the variables that steer the flow or enter the audit record can be written by the server alone.
 * FormFieldsTest holds these declarations against the form files. A new step of the diagram adds its
 * one declaration here; who does it, its standard time and what of it the audit record keeps are read
 * from the diagram.
 */
@Component
public class SopForms implements TaskForms {

  /** The request of step 1, in the order a person fills it in. */
  public static final List<FormField> REQUEST = List.of(
      line(APPLICANT_NAME, "Nama lengkap", 100),
      line(NIK, "NIK", 16),
      line(NIP, "NIP", 18),
      line(OFFICIAL_EMAIL, "E-mail dinas", 254),
      line(AGENCY, "Perangkat daerah", 150),
      file(STATEMENT_LETTER, "Surat pernyataan"));

  @Override
  public List<TaskForm> forms() {
    return List.of(
        // the start form only explains what follows: a request opens empty and step 1 fills it
        new TaskForm(START_REQUEST, List.of()),
        new TaskForm(TASK_SUBMIT_REQUEST,
            Stream.concat(Stream.of(choice(SUBMIT_ACTION, "Tindakan", SubmitAction.class)), REQUEST.stream()).toList()),
        new TaskForm(TASK_VERIFY_REQUEST, List.of(
            choice(VERIFICATION_DECISION, "Keputusan", VerificationDecision.class),
            flag(IDENTITY_VERIFIED, "Kecocokan identitas dan tanda tangan")
                .requiredWhen(VERIFICATION_DECISION, VerificationDecision.APPROVE),
            text(REJECTION_REASON, "Alasan penolakan", 500)
                .requiredWhen(VERIFICATION_DECISION, VerificationDecision.REJECT))),
        new TaskForm(TASK_CONFIRM_LINK_RECEIVED, List.of(choice(LINK_STATUS, "Konfirmasi tautan", LinkStatus.class))),
        new TaskForm(TASK_SET_NEW_PASSPHRASE, List.of(
            flag(ACTIVATION_DONE_IN_AMS, "Passphrase baru sudah dibuat di AMS").requiredAlways(),
            flag(AGREEMENT_ACCEPTED, "Perjanjian pemilik sertifikat elektronik").requiredAlways())),
        new TaskForm(TASK_REVIEW_AMS_REFUSAL,
            List.of(text(VERIFIER_NOTE, "Catatan untuk pemohon", 500).requiredAlways())));
  }

  public static FormField requestField(String name) {
    return REQUEST.stream().filter(field -> field.name().equals(name)).findFirst().orElseThrow();
  }
}

package id.go.kapuaskab.lupapassphrase.support;

import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.AGENCY;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.APPLICANT_NAME;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.NIK;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.NIP;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.OFFICIAL_EMAIL;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.STATEMENT_LETTER;
import static id.go.kapuaskab.lupapassphrase.process.ProcessVariables.SUBMIT_ACTION;

import id.go.kapuaskab.lupapassphrase.demo.DemoPerson;
import id.go.kapuaskab.lupapassphrase.process.SubmitAction;
import java.util.HashMap;
import java.util.Map;

/** The step-1 input of a demo holder, as the applicant's form sends it. */
public final class Requests {

  public static final String AGENCY_NAME = "Dinas Komunikasi Informatika Persandian dan Statistik";

  private Requests() {
  }

  /** The request fields only, without the action. */
  public static Map<String, Object> requestOf(DemoPerson holder) {
    Map<String, Object> request = new HashMap<>();
    request.put(APPLICANT_NAME, holder.firstName() + " " + holder.lastName());
    request.put(NIK, holder.nik());
    request.put(NIP, holder.nip());
    request.put(OFFICIAL_EMAIL, holder.email());
    request.put(AGENCY, AGENCY_NAME);
    request.put(STATEMENT_LETTER, Letters.pdf());
    return request;
  }

  /** A complete submission of step 1. */
  public static Map<String, Object> submissionOf(DemoPerson holder) {
    Map<String, Object> submission = requestOf(holder);
    submission.put(SUBMIT_ACTION, SubmitAction.SUBMIT.name());
    return submission;
  }
}

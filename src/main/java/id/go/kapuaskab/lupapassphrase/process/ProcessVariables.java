package id.go.kapuaskab.lupapassphrase.process;

/** Names of the process variables; each is written in one place and read through these names. */
public final class ProcessVariables {

  /** The user who opened the request (the start event's initiator); applicant tasks go to them. */
  public static final String APPLICANT = "applicant";

  // step 1: the request, as the applicant submits it
  public static final String SUBMIT_ACTION = "submitAction";
  public static final String APPLICANT_NAME = "applicantName";
  public static final String NIK = "nik";
  public static final String NIP = "nip";
  public static final String OFFICIAL_EMAIL = "officialEmail";
  public static final String AGENCY = "agency";
  public static final String STATEMENT_LETTER = "statementLetter";

  // step 2: the verifier's decision
  public static final String VERIFICATION_DECISION = "verificationDecision";
  public static final String IDENTITY_VERIFIED = "identityVerified";
  public static final String REJECTION_REASON = "rejectionReason";
  /** Written by the server with the decision: the identity data (masked) and the letter the verifier checked. */
  public static final String VERIFIED_REQUEST = "verifiedRequest";

  // AMS answers
  public static final String RESET_REQUESTED_AT = "resetRequestedAt";
  public static final String LINK_RESEND_COUNT = "linkResendCount";
  public static final String CERTIFICATE_STATUS = "certificateStatus";
  public static final String CERTIFICATE_VALID_FROM = "certificateValidFrom";
  public static final String CERTIFICATE_ISSUED = "certificateIssued";
  public static final String AMS_REFUSAL = "amsRefusal";
  public static final String RELATED_SOP = "relatedSop";
  /** Set by the error boundary events from the error's message. */
  public static final String REFUSAL_REASON = "refusalReason";

  // steps 3 and 4: the applicant's confirmations
  public static final String LINK_STATUS = "linkStatus";
  public static final String ACTIVATION_DONE_IN_AMS = "activationDoneInAms";
  public static final String AGREEMENT_ACCEPTED = "agreementAccepted";

  // review of an AMS refusal
  public static final String VERIFIER_NOTE = "verifierNote";

  // SLA breach, local to each instance of the breach event subprocess
  public static final String SLA_ESCALATION_CODE = "slaEscalationCode";
  public static final String SLA_TASK = "slaTask";
  public static final String SLA_DUE_AT = "slaDueAt";
  public static final String SLA_FIRED_AT = "slaFiredAt";
  public static final String SLA_RESPONSIBLE = "slaResponsible";

  /** Local to each SOP step's task: its standard time in words, as the diagram's timer sets it, for the forms. */
  public static final String STANDARD_TIME = "standardTime";
  /**
   * Local to each SOP step's task counted in service hours: when its standard time runs out, in WIB, and
   * when the service time starts if the office is closed as the task is made, for the forms.
   */
  public static final String SERVICE_CLOCK = "serviceClock";

  /** Input parameter of the applicant notice tasks: which notice to send. */
  public static final String NOTICE = "notice";

  private ProcessVariables() {
  }
}

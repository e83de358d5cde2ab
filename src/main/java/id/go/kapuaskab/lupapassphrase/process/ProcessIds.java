package id.go.kapuaskab.lupapassphrase.process;

/** The IDs of bpmn/lupa-passphrase.bpmn that code refers to; the diagram is the source, these follow it. */
public final class ProcessIds {

  public static final String PROCESS_KEY = "lupa-passphrase";

  public static final String START_REQUEST = "StartEvent_RequestStarted";
  public static final String TASK_SUBMIT_REQUEST = "Task_SubmitRequest";
  public static final String TASK_VERIFY_REQUEST = "Task_VerifyRequest";
  public static final String TASK_RESET_PASSPHRASE = "Task_ResetPassphrase";
  public static final String TASK_CONFIRM_LINK_RECEIVED = "Task_ConfirmLinkReceived";
  public static final String TASK_RESEND_RESET_LINK = "Task_ResendResetLink";
  public static final String TASK_SET_NEW_PASSPHRASE = "Task_SetNewPassphrase";
  public static final String TASK_CHECK_CERTIFICATE_STATUS = "Task_CheckCertificateStatus";
  public static final String TASK_REVIEW_AMS_REFUSAL = "Task_ReviewAmsRefusal";
  public static final String TASK_NOTIFY_APPLICANT_EXPIRED = "Task_NotifyApplicantExpired";
  public static final String TASK_NOTIFY_APPLICANT_REJECTED = "Task_NotifyApplicantRejected";
  public static final String TASK_NOTIFY_SUPERVISOR = "Task_NotifySupervisor";

  public static final String TIMER_SUBMIT_REQUEST_SLA = "Timer_SubmitRequestSla";
  public static final String TIMER_VERIFY_REQUEST_SLA = "Timer_VerifyRequestSla";
  public static final String TIMER_CONFIRM_LINK_SLA = "Timer_ConfirmLinkSla";
  public static final String TIMER_SET_PASSPHRASE_SLA = "Timer_SetPassphraseSla";
  public static final String TIMER_SUBMIT_REQUEST_DEADLINE = "Timer_SubmitRequestDeadline";
  public static final String TIMER_ACTIVATION_DEADLINE = "Timer_ActivationDeadline";

  public static final String SUBPROCESS_SLA_BREACH = "SubProcess_SlaBreach";
  public static final String START_SLA_BREACHED = "StartEvent_SlaBreached";

  public static final String END_CERTIFICATE_ISSUED = "EndEvent_CertificateIssued";
  public static final String END_REQUEST_WITHDRAWN = "EndEvent_RequestWithdrawn";
  public static final String END_REQUEST_EXPIRED = "EndEvent_RequestExpired";
  public static final String END_REQUEST_REJECTED = "EndEvent_RequestRejected";
  public static final String END_SUPERVISOR_NOTIFIED = "EndEvent_SupervisorNotified";

  /** The error the AMS delegates throw for a business answer (not registered, revoked, ...). */
  public static final String ERROR_AMS_REFUSED = "AMS_REFUSED";

  public static final String GROUP_APPLICANTS = "pemohon";
  public static final String GROUP_VERIFIERS = "verifikator";
  public static final String GROUP_SUPERVISORS = "kepala-bidang";
  public static final String GROUP_AUDITORS = "auditor";
  public static final String GROUP_ADMINS = "camunda-admin";
  /** Reads the metrics and the health details (operations.OperatorAccess); no grant in the engine. */
  public static final String GROUP_OPERATORS = "operator";

  private ProcessIds() {
  }
}

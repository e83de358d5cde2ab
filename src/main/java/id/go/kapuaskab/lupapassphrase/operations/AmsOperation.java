package id.go.kapuaskab.lupapassphrase.operations;

import id.go.kapuaskab.lupapassphrase.process.ProcessIds;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The calls the process makes to AMS, each with the service task of the diagram that makes it. */
enum AmsOperation {
  RESET(ProcessIds.TASK_RESET_PASSPHRASE),
  RESEND(ProcessIds.TASK_RESEND_RESET_LINK),
  STATUS(ProcessIds.TASK_CHECK_CERTIFICATE_STATUS);

  private final String serviceTask;

  AmsOperation(String serviceTask) {
    this.serviceTask = serviceTask;
  }

  /** The label value: reset, resend, status. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<AmsOperation> ofServiceTask(String activityId) {
    return Arrays.stream(values()).filter(operation -> operation.serviceTask.equals(activityId)).findFirst();
  }
}

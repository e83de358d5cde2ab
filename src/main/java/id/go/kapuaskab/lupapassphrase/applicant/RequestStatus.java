package id.go.kapuaskab.lupapassphrase.applicant;

import java.time.Instant;

/**
 * One request as the applicant's page shows it.
 *
 * @param number the request number (the business key)
 * @param opened when the request was opened
 * @param stage where it stands (the code, for the page's styling)
 * @param state the stage in words
 * @param detail the reason or note that goes with the stage (a rejection's reason, AMS's refusal and
 *     the verifier's note), or null
 * @param turn whose turn it is, in words
 * @param step the current SOP step ("Langkah 2 dari 4: …"), or null when no SOP step is open
 * @param standardTime the current step's standard time in words, or null
 * @param due when the current step falls due, or null
 * @param overdue whether that moment has passed
 * @param taskId the applicant's own open task, to open it in Tasklist, or null when it is not her turn
 * @param ended when the request ended, or null while it runs
 */
record RequestStatus(String number, Instant opened, Stage stage, String state, String detail, String turn,
    String step, String standardTime, Instant due, boolean overdue, String taskId, Instant ended) {
}

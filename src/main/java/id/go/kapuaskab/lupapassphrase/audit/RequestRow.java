package id.go.kapuaskab.lupapassphrase.audit;

import java.time.Instant;
import java.util.List;

/**
 * One request as the history list shows it.
 *
 * @param id the process instance
 * @param businessKey the request number (LP-...)
 * @param applicant the user who opened it
 * @param applicantName the name the applicant gave in step 1, or null before that
 * @param definitionId the process definition (version) it runs on
 * @param version the number of that version of the SOP's diagram (SopVersions lists them)
 * @param start when it was opened
 * @param end when it ended, or null while it runs
 * @param durationSeconds from opening to end, or to now while it runs
 * @param outcome how it ended
 * @param breaches how many times a step overran its standard time
 * @param problems what in its record is not as the server writes it (changed by an administrator), if anything
 */
public record RequestRow(String id, String businessKey, String applicant, String applicantName, String definitionId,
    int version, Instant start, Instant end, long durationSeconds, Outcome outcome, int breaches, List<String> problems) {
}

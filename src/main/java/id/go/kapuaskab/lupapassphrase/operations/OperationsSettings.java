package id.go.kapuaskab.lupapassphrase.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the node reports on itself.
 *
 * @param databaseReadInterval the counts that need the database (open requests, jobs, incidents, locked
 *     accounts) are read at most once per this interval, however often the node is scraped: the scrape interval
 * @param jobsOverdueAfter a job that could run but still waits this long after its due time (or, without one,
 *     after it was made) counts as overdue: the backlog
 * @param jobAcquisitionStuckAfter the job executor counts as stuck when it has not looked for jobs for this
 *     long; it looks at least once a minute (camunda.bpm.job-execution.max-wait)
 * @param amsProbeInterval the health check opens a connection to AMS at most once per this interval
 */
@ConfigurationProperties("lupa-passphrase.operations")
record OperationsSettings(
    @DefaultValue("15s") Duration databaseReadInterval,
    @DefaultValue("1m") Duration jobsOverdueAfter,
    @DefaultValue("2m") Duration jobAcquisitionStuckAfter,
    @DefaultValue("30s") Duration amsProbeInterval) {
}

package id.go.kapuaskab.lupapassphrase.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail notices. The SMTP server itself is Spring Boot's {@code spring.mail.*}; without
 * {@code spring.mail.host} the notices are written to the log instead.
 *
 * @param from sender address of the notices
 * @param supervisorGroup the group told about SLA breaches
 * @param baseUrl the address people open the application at, for the links in the notices
 * @param retryInterval how often each node looks for notices to try again (NoticeRetries)
 * @param maxAttempts attempts at a notice before it is given up; with pauses of 1, 2, 4, … minutes up
 *     to an hour, the default's last one comes about six hours after the first
 */
@ConfigurationProperties("lupa-passphrase.notify")
public record NotifySettings(
    @DefaultValue("no-reply@kapuaskab.go.id") String from,
    @DefaultValue("kepala-bidang") String supervisorGroup,
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("30s") Duration retryInterval,
    @DefaultValue("12") int maxAttempts) {

  /** Tasklist with the task open. */
  public String taskLink(String taskId) {
    return baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  /** Tasklist with the applicant's page open. */
  public String myRequestsLink() {
    return baseUrl + "/camunda/app/tasklist/default/#/?permohonan-saya=1";
  }
}

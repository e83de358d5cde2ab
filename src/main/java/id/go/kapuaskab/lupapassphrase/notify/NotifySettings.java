package id.go.kapuaskab.lupapassphrase.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * E-mail notices. The SMTP server itself is Spring Boot's {@code spring.mail.*}; without
 * {@code spring.mail.host} the notices are written to the log instead.
 *
 * @param from sender address of the notices
 * @param supervisorGroup the group told about SLA breaches
 */
@ConfigurationProperties("lupa-passphrase.notify")
public record NotifySettings(
    @DefaultValue("no-reply@kapuaskab.go.id") String from,
    @DefaultValue("kepala-bidang") String supervisorGroup) {
}

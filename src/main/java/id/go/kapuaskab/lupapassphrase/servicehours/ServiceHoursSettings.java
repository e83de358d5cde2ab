package id.go.kapuaskab.lupapassphrase.servicehours;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the service calendar is kept.
 *
 * @param calendar the calendar file ({@code file:/etc/lupa-passphrase/kalender-layanan.yaml}); unset: the
 *     shipped {@code classpath:service-hours/kalender-layanan.yaml}. A file is read again when it changes.
 */
@ConfigurationProperties("lupa-passphrase.service-hours")
public record ServiceHoursSettings(Resource calendar) {
}

package id.go.kapuaskab.lupapassphrase.request;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What a request must carry.
 *
 * @param officialEmailDomains domains (and their subdomains) accepted as official e-mail
 * @param letterMaxSize the largest statement letter accepted
 */
@ConfigurationProperties("lupa-passphrase.request")
public record RequestSettings(
    @DefaultValue("go.id") List<String> officialEmailDomains,
    @DefaultValue("2MB") DataSize letterMaxSize) {
}

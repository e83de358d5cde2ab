package id.go.kapuaskab.lupapassphrase.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The production administrator, from the environment (LUPAPASSPHRASE_ADMIN_USERNAME,
 * LUPAPASSPHRASE_ADMIN_PASSWORD). There is no default password.
 */
@ConfigurationProperties("lupa-passphrase.admin")
record AdminSettings(@DefaultValue("admin") String username, String password) {
}

package id.go.kapuaskab.lupapassphrase.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many wrong passwords one client may send before its logins wait (LoginGuard). The engine's own
 * delay per account is set with the engine's properties (camunda.bpm.generic-properties.properties.login-*).
 *
 * @param maxFailuresPerClient wrong passwords from one client address within the window, after which its logins
 *        answer 429 until the window ends
 * @param clientWindow how long a client's count lasts, from its first wrong password
 * @param clientsRemembered how many client addresses each node keeps a count for at most
 * @param basicLoginsRemembered how long a node remembers an HTTP Basic login to /engine-rest the engine accepted
 *        ({@link RememberedLogins}); a change made on another node holds on this one within that time; 0 checks
 *        every call
 * @param loginsRemembered how many such logins each node remembers at most
 */
@ConfigurationProperties("lupa-passphrase.login")
record LoginSettings(
    @DefaultValue("5") int maxFailuresPerClient,
    @DefaultValue("15m") Duration clientWindow,
    @DefaultValue("100000") long clientsRemembered,
    @DefaultValue("30s") Duration basicLoginsRemembered,
    @DefaultValue("10000") long loginsRemembered) {
}

package id.go.kapuaskab.lupapassphrase.ams.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * The sandbox AMS runs where it is switched on (the local profile, the tests, alone for several nodes)
 * and the application it runs in calls no AMS elsewhere: a {@code lupa-passphrase.ams.base-url} on
 * another host turns it off; unset, or a path of this application ({@code /sandbox-ams}), leaves it on.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnExpression("${lupa-passphrase.ams.sandbox.enabled:false} and '${lupa-passphrase.ams.base-url:}' matches '(/.*)?'")
public @interface ConditionalOnSandboxAms {
}

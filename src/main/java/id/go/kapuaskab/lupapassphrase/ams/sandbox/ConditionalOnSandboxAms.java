package id.go.kapuaskab.lupapassphrase.ams.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * The sandbox AMS runs where it is switched on (the local profile, the tests) and no real AMS is
 * configured: setting {@code lupa-passphrase.ams.base-url} turns it off.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnExpression("${lupa-passphrase.ams.sandbox.enabled:false} and '${lupa-passphrase.ams.base-url:}'.isBlank()")
public @interface ConditionalOnSandboxAms {
}

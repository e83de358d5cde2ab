package id.go.kapuaskab.lupapassphrase.setup;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The phase a {@link SetupStep} runs in, written on the class where a reader looks first. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SetupPhase {

  SetupStep.Phase value();
}

package id.go.kapuaskab.lupapassphrase.process;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean that the diagram names in an expression (a delegate, a listener, a helper such as
 * {@code ${amsRetry.timeCycle}}): only beans so marked can be reached from an expression
 * ({@link DiagramExpressions}); the rest of the application context (settings, data sources, the
 * engine's services) cannot.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReachableFromDiagram {
}

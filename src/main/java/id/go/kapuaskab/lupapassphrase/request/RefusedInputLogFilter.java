package id.go.kapuaskab.lupapassphrase.request;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Arrays;
import org.slf4j.Marker;

/**
 * Keeps refused input out of the error log: the engine logs every exception that ends a command as
 * ENGINE-16004 at ERROR, but a refused form is the user's mistake, answered with 400, not a fault.
 */
public class RefusedInputLogFilter extends TurboFilter {

  private static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    boolean refusedInput = t instanceof InvalidInputException
        || (params != null && Arrays.stream(params).anyMatch(InvalidInputException.class::isInstance));
    return refusedInput ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}

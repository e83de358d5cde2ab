package id.go.kapuaskab.lupapassphrase.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import id.go.kapuaskab.lupapassphrase.request.InvalidInputException;
import id.go.kapuaskab.lupapassphrase.request.OpenRequestLimitException;
import id.go.kapuaskab.lupapassphrase.security.RefusedCallException;
import java.util.Arrays;
import org.slf4j.Marker;

/**
 * Keeps refused input and refused calls out of the error log: the engine logs every exception that
 * ends a command as ENGINE-16004 at ERROR, but a refused form or a call the caller may not make is
 * answered with 4xx and logged once by the mapper, it is not a fault of the server.
 */
public class RefusedInputLogFilter extends TurboFilter {

  private static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (logger == null || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    boolean refusedInput = refused(t) || (params != null && Arrays.stream(params).anyMatch(RefusedInputLogFilter::refused));
    return refusedInput ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  private static boolean refused(Object thrown) {
    return thrown instanceof InvalidInputException || thrown instanceof RefusedCallException
        || thrown instanceof OpenRequestLimitException;
  }
}

package id.go.kapuaskab.lupapassphrase.request;

import java.security.SecureRandom;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.IntUnaryOperator;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Request numbers: LP-yyyyMMdd-XXXXXX, the day in WIB and six random characters that cannot be misread
 * (32^6, about a billion a day). A number already given to a request, running or finished, is drawn
 * again; AMS calls use the number as their idempotency key, so no two requests may share one.
 */
@Component
class RequestNumbers {

  static final int ATTEMPTS = 10;
  private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

  private final IntUnaryOperator random;

  public RequestNumbers() {
    this(new SecureRandom()::nextInt);
  }

  /** With a source of random numbers below a bound (for tests that make numbers collide). */
  RequestNumbers(IntUnaryOperator random) {
    this.random = random;
  }

  /** A number no request has, drawn inside the command that opens the request. */
  public String next() {
    CommandContext command = Context.getCommandContext();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      String number = draw();
      // whoever opens the request may not read other requests: the check looks at all of them
      boolean taken = command.runWithoutAuthorization(() -> command.getProcessEngineConfiguration().getHistoryService()
          .createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).count() > 0);
      if (!taken) {
        return number;
      }
    }
    throw new IllegalStateException("No free request number after " + ATTEMPTS + " draws");
  }

  private String draw() {
    StringBuilder number = new StringBuilder("LP-")
        .append(DAY.format(ClockUtil.getCurrentTime().toInstant().atZone(WIB)))
        .append('-');
    for (int i = 0; i < 6; i++) {
      number.append(ALPHABET[random.applyAsInt(ALPHABET.length)]);
    }
    return number.toString();
  }
}

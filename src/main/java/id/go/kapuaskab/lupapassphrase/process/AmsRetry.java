package id.go.kapuaskab.lupapassphrase.process;

import id.go.kapuaskab.lupapassphrase.ams.AmsSettings;
import java.util.Set;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.springframework.stereotype.Component;

/**
 * The retry cycle of the AMS service tasks, which the diagram reads as {@code ${amsRetry.timeCycle}}
 * in their "retry time cycle": the operator sets it (lupa-passphrase.ams.retry-cycle), the process
 * owner sees where it applies. Checked at start-up, because the engine would quietly fall back to
 * three immediate tries on a value it cannot read.
 */
@Component(AmsRetry.BEAN)
@ReachableFromDiagram
public class AmsRetry {

  public static final String BEAN = "amsRetry";
  /** The expression in the diagram. */
  public static final String EXPRESSION = "${" + BEAN + ".timeCycle}";
  /** The delegates that call AMS: each service task naming one retries on this cycle. */
  public static final Set<String> AMS_CALLS = Set.of(AmsResetPassphraseDelegate.BEAN, AmsResendResetLinkDelegate.BEAN,
      AmsCertificateStatusDelegate.BEAN);

  private final String timeCycle;

  public AmsRetry(AmsSettings settings) {
    this.timeCycle = settings.retryCycle();
    try {
      DurationHelper cycle = new DurationHelper(timeCycle);
      if (cycle.getTimes() < 1) {
        throw new IllegalArgumentException("no repetition");
      }
    } catch (Exception e) {
      throw new IllegalStateException("lupa-passphrase.ams.retry-cycle must be a repeating interval "
          + "such as R3/PT5M, not '" + timeCycle + "'", e);
    }
  }

  public String getTimeCycle() {
    return timeCycle;
  }
}

package id.go.kapuaskab.lupapassphrase.ams.client;

import id.go.kapuaskab.lupapassphrase.ams.AmsNotConfiguredException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in one sentence what AMS setting a start lacks, instead of a stack trace. */
public class AmsNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<AmsNotConfiguredException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AmsNotConfiguredException cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}

package id.go.kapuaskab.lupapassphrase.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kapuaskab.lupapassphrase.ams.AmsSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A retry cycle the engine could not read would quietly become three immediate tries: it stops the start instead. */
class AmsRetryTest {

  @Test
  void aRepeatingIntervalIsTaken() {
    assertThat(new AmsRetry(settings("R5/PT1M")).getTimeCycle()).isEqualTo("R5/PT1M");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "3", "PT5M", "R3/lima menit"})
  void anythingElseStopsTheStart(String cycle) {
    assertThatThrownBy(() -> new AmsRetry(settings(cycle)))
        .hasMessageContaining("lupa-passphrase.ams.retry-cycle");
  }

  private static AmsSettings settings(String cycle) {
    return new AmsSettings(null, "u", "p", null, Duration.ofSeconds(5), Duration.ofSeconds(10), cycle);
  }
}

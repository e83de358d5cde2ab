package id.go.kapuaskab.lupapassphrase.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures a spreadsheet gives for the same column: MEDIAN and PERCENTILE.INC. */
class PercentilesTest {

  @Test
  void interpolatesBetweenTheClosestRanksAsSpreadsheetsDo() {
    List<Long> seconds = List.of(30L, 60L, 90L, 180L);

    assertThat(Percentiles.inclusive(seconds, 0.5)).isEqualTo(75);
    assertThat(Percentiles.inclusive(seconds, 0.9)).isEqualTo(153);
    assertThat(Percentiles.inclusive(seconds, 0.0)).isEqualTo(30);
    assertThat(Percentiles.inclusive(seconds, 1.0)).isEqualTo(180);
  }

  @Test
  void oneValueIsEveryPercentile() {
    assertThat(Percentiles.inclusive(List.of(720L), 0.5)).isEqualTo(720);
    assertThat(Percentiles.inclusive(List.of(720L), 0.9)).isEqualTo(720);
  }
}

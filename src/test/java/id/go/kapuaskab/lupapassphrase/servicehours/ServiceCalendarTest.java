package id.go.kapuaskab.lupapassphrase.servicehours;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The shipped calendar's arithmetic, at the moments the issue names. */
class ServiceCalendarTest {

  private final ServiceCalendar calendar = shipped();

  @Test
  void aRequestAt1655OnAFridayBeforeAHolidayWaitsForTuesdayMorning() {
    // Friday 14 August 2026, 16.55 WIB: the office closed at 16.30; Monday 17 August is Independence Day
    Instant friday = wib("2026-08-14T16:55");

    assertThat(calendar.after(friday, Duration.ofMinutes(5))).isEqualTo(wib("2026-08-18T07:35"));
    assertThat(calendar.after(friday, Duration.ofMinutes(2))).isEqualTo(wib("2026-08-18T07:32"));
    // a day is a service day: from Tuesday's opening to Wednesday's
    assertThat(calendar.after(friday, Duration.ofDays(1))).isEqualTo(wib("2026-08-19T07:30"));
    assertThat(calendar.closedUntil(friday)).contains(wib("2026-08-18T07:30"));
  }

  @Test
  void aMondayRequestAt0729StartsCountingAt0730() {
    Instant monday = wib("2026-08-10T07:29");

    assertThat(calendar.after(monday, Duration.ofMinutes(5))).isEqualTo(wib("2026-08-10T07:35"));
    assertThat(calendar.closedUntil(monday)).contains(wib("2026-08-10T07:30"));
    assertThat(calendar.closedUntil(wib("2026-08-10T07:30"))).isEmpty();
  }

  @Test
  void aStepSpanningTheLunchBreakCountsOnlyTheOpenMinutes() {
    Instant beforeLunch = wib("2026-08-10T11:58");

    assertThat(calendar.after(beforeLunch, Duration.ofMinutes(5))).isEqualTo(wib("2026-08-10T13:03"));
    assertThat(calendar.serviceTime(beforeLunch, wib("2026-08-10T13:03"))).isEqualTo(Duration.ofMinutes(5));
    // Friday's break is longer (Friday prayer)
    assertThat(calendar.after(wib("2026-08-14T11:28"), Duration.ofMinutes(5))).isEqualTo(wib("2026-08-14T13:03"));
  }

  @Test
  void withinServiceHoursNothingChanges() {
    Instant morning = wib("2026-08-11T09:00");

    assertThat(calendar.after(morning, Duration.ofMinutes(10))).isEqualTo(morning.plus(Duration.ofMinutes(10)));
    assertThat(calendar.serviceTime(morning, morning.plusSeconds(420))).isEqualTo(Duration.ofSeconds(420));
    assertThat(calendar.after(morning, Duration.ofDays(1))).isEqualTo(wib("2026-08-12T09:00"));
  }

  @Test
  void aLongWeekendOfCutiBersamaAndHolidaysIsSkipped() {
    // Idul Fitri 2026: cuti bersama 20, 23, 24 March, holidays 21-22 March, Nyepi 19 March, cuti bersama 18 March
    assertThat(calendar.after(wib("2026-03-17T15:58"), Duration.ofMinutes(5))).isEqualTo(wib("2026-03-25T07:33"));
    assertThat(calendar.serviceTime(wib("2026-03-17T15:58"), wib("2026-03-25T07:33"))).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aYearWithoutAListCountsItsWeekdaysOnly() {
    assertThat(calendar.listed(2026)).isTrue();
    assertThat(calendar.listed(2027)).isFalse();
    // 1 January 2027 is a Friday; without the 2027 decree it is counted as a working day, not guessed a holiday
    assertThat(calendar.after(wib("2027-01-01T09:00"), Duration.ofMinutes(5))).isEqualTo(wib("2027-01-01T09:05"));
  }

  @Test
  void twoNodesInDifferentTimeZonesComputeTheSameDueTime() {
    TimeZone before = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      Instant first = shipped().after(wib("2026-08-14T16:55"), Duration.ofMinutes(5));
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Makassar"));
      Instant second = shipped().after(wib("2026-08-14T16:55"), Duration.ofMinutes(5));

      assertThat(first).isEqualTo(second).isEqualTo(wib("2026-08-18T07:35"));
    } finally {
      TimeZone.setDefault(before);
    }
  }

  static ServiceCalendar shipped() {
    try (Reader text = new InputStreamReader(ServiceCalendarTest.class.getResourceAsStream(
        "/service-hours/kalender-layanan.yaml"), StandardCharsets.UTF_8)) {
      return CalendarFile.read("kalender-layanan.yaml", text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Instant wib(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Jakarta")).toInstant();
  }
}

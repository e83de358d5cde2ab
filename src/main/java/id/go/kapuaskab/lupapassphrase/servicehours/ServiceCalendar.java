package id.go.kapuaskab.lupapassphrase.servicehours;

import id.go.kapuaskab.lupapassphrase.notify.Wib;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * When the office serves, in WIB: the opening hours of each weekday (a day's hours without its
 * breaks), the days it is closed (national holidays, cuti bersama, its own closures), and the years
 * whose national list it has. A year without a list counts its weekdays only; the operator is warned,
 * nothing is guessed.
 *
 * @param week each weekday's open spans, in order; a weekday not named is closed
 * @param closed the closed days, each with what it is
 * @param listedYears the years whose national holidays and cuti bersama are listed
 */
public record ServiceCalendar(Map<DayOfWeek, List<Span>> week, Map<LocalDate, String> closed, Set<Integer> listedYears) {

  /** Further than this without an open hour, the calendar cannot be meant (a closure of a whole year). */
  private static final int MAX_CLOSED_DAYS = 400;

  /** One open span of a day, from {@code start} until {@code end}. */
  public record Span(LocalTime start, LocalTime end) {
  }

  /**
   * When a service time that starts at {@code start} runs out: days count as service days (the same
   * clock time on the next open day, or that day's next open moment), hours and minutes as open time.
   */
  public Instant after(Instant start, Duration serviceTime) {
    Instant moment = start;
    long days = serviceTime.toDaysPart();
    if (days > 0) {
      moment = openingAtOrAfter(moment);
      for (long day = 0; day < days; day++) {
        moment = sameTimeNextOpenDay(moment);
      }
    }
    Duration left = serviceTime.minusDays(days);
    if (left.isZero()) {
      return moment;
    }
    LocalDate date = local(moment).toLocalDate();
    for (int i = 0; i < MAX_CLOSED_DAYS; i++, date = date.plusDays(1)) {
      for (Interval open : openOn(date)) {
        Instant from = open.start().isAfter(moment) ? open.start() : moment;
        if (!from.isBefore(open.end())) {
          continue;
        }
        Duration available = Duration.between(from, open.end());
        if (left.compareTo(available) <= 0) {
          return from.plus(left);
        }
        left = left.minus(available);
      }
    }
    throw noOpening(start);
  }

  /** The open time between two moments: what a step took in service time. */
  public Duration serviceTime(Instant from, Instant until) {
    Duration total = Duration.ZERO;
    if (!until.isAfter(from)) {
      return total;
    }
    for (LocalDate date = local(from).toLocalDate(); !date.isAfter(local(until).toLocalDate()); date = date.plusDays(1)) {
      for (Interval open : openOn(date)) {
        Instant start = open.start().isAfter(from) ? open.start() : from;
        Instant end = open.end().isBefore(until) ? open.end() : until;
        if (end.isAfter(start)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  /** When the office opens next, if it is closed at this moment; empty while it is open. */
  public Optional<Instant> closedUntil(Instant moment) {
    Instant opening = openingAtOrAfter(moment);
    return opening.equals(moment) ? Optional.empty() : Optional.of(opening);
  }

  /** Whether the year's national holidays and cuti bersama are in the calendar. */
  public boolean listed(int year) {
    return listedYears.contains(year);
  }

  /** The moment itself if the office is open then, otherwise its next opening. */
  private Instant openingAtOrAfter(Instant moment) {
    LocalDate date = local(moment).toLocalDate();
    for (int i = 0; i < MAX_CLOSED_DAYS; i++, date = date.plusDays(1)) {
      for (Interval open : openOn(date)) {
        if (open.end().isAfter(moment)) {
          return open.start().isAfter(moment) ? open.start() : moment;
        }
      }
    }
    throw noOpening(moment);
  }

  private Instant sameTimeNextOpenDay(Instant moment) {
    ZonedDateTime local = local(moment);
    LocalDate date = local.toLocalDate().plusDays(1);
    for (int i = 0; i < MAX_CLOSED_DAYS; i++, date = date.plusDays(1)) {
      if (!openOn(date).isEmpty()) {
        return openingAtOrAfter(date.atTime(local.toLocalTime()).atZone(Wib.ZONE).toInstant());
      }
    }
    throw noOpening(moment);
  }

  private List<Interval> openOn(LocalDate date) {
    if (closed.containsKey(date)) {
      return List.of();
    }
    List<Interval> open = new ArrayList<>();
    for (Span span : week.getOrDefault(date.getDayOfWeek(), List.of())) {
      open.add(new Interval(date.atTime(span.start()).atZone(Wib.ZONE).toInstant(),
          date.atTime(span.end()).atZone(Wib.ZONE).toInstant()));
    }
    return open;
  }

  private static ZonedDateTime local(Instant moment) {
    return moment.atZone(Wib.ZONE);
  }

  private static IllegalStateException noOpening(Instant from) {
    return new IllegalStateException("Kalender layanan tidak memiliki jam buka dalam " + MAX_CLOSED_DAYS
        + " hari setelah " + Wib.format(Date.from(from)));
  }

  private record Interval(Instant start, Instant end) {
  }
}

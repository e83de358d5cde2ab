package id.go.kapuaskab.lupapassphrase.servicehours;

import id.go.kapuaskab.lupapassphrase.notify.Wib;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The office's service calendar as the product uses it: read from the operator's file at start (a wrong
 * file stops the start, naming its lines), read again when the file changes (a wrong change is logged and
 * the calendar before it kept), and known to the engine as the business calendar {@value #NAME}, so a timer
 * the diagram puts on service hours and every reader of the history count the same time. Timers take the
 * calendar of the moment they are made; one already waiting keeps its due time.
 */
@Component
public class ServiceHours implements BusinessCalendar {

  /** The name under which the engine's business calendars hold it. */
  public static final String NAME = "jamLayanan";

  private static final Logger LOG = LoggerFactory.getLogger(ServiceHours.class);

  private final Resource location;
  private volatile Loaded loaded;

  public ServiceHours(ServiceHoursSettings settings) {
    this.location = settings.calendar();
    this.loaded = load();
    warnAboutUnlistedYears(loaded.calendar());
  }

  /** The calendar in force: the file's, read again if it changed since. */
  public ServiceCalendar calendar() {
    Loaded current = loaded;
    if (location.isFile() && modified() != current.modified()) {
      try {
        current = load();
        loaded = current;
        LOG.info("Kalender layanan dibaca ulang dari {}", location);
        warnAboutUnlistedYears(current.calendar());
      } catch (RuntimeException e) {
        // keep counting with the calendar that was valid; the operator sees why in the log
        LOG.error("Kalender layanan yang diubah tidak dipakai; kalender sebelumnya tetap berlaku. {}", e.getMessage());
        loaded = new Loaded(current.calendar(), modified());
        return current.calendar();
      }
    }
    return current.calendar();
  }

  /** The service calendar of this engine, as its business calendars hold it. */
  public static ServiceHours of(ProcessEngine engine) {
    if (((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBusinessCalendarManager()
        .getBusinessCalendar(NAME) instanceof ServiceHours hours) {
      return hours;
    }
    throw new IllegalStateException("The engine has no business calendar " + NAME);
  }

  @Override
  public Date resolveDuedate(String duration) {
    return resolveDuedate(duration, (Date) null);
  }

  @Override
  public Date resolveDuedate(String duration, Date startDate) {
    Instant start = (startDate == null ? ClockUtil.getCurrentTime() : startDate).toInstant();
    try {
      return Date.from(calendar().after(start, Duration.parse(duration)));
    } catch (DateTimeParseException e) {
      throw new ProcessEngineException("Jam layanan menghitung durasi hari, jam, menit dan detik saja (seperti PT5M "
          + "atau P1D), bukan " + duration, e);
    }
  }

  @Override
  public Date resolveDuedate(String duration, Task task) {
    return resolveDuedate(duration);
  }

  private Loaded load() {
    long modified = modified();
    try (Reader text = new InputStreamReader(location.getInputStream(), StandardCharsets.UTF_8)) {
      return new Loaded(CalendarFile.read(String.valueOf(location.getFilename()), text), modified);
    } catch (IOException e) {
      throw new UncheckedIOException("Kalender layanan " + location + " tidak dapat dibaca", e);
    }
  }

  private long modified() {
    try {
      return location.isFile() ? location.lastModified() : 0;
    } catch (IOException e) {
      return -1;
    }
  }

  /** This year's and next year's lists: the next one is added when its decree is out, until then warned about. */
  private void warnAboutUnlistedYears(ServiceCalendar calendar) {
    int year = ClockUtil.getCurrentTime().toInstant().atZone(Wib.ZONE).getYear();
    for (int each = year; each <= year + 1; each++) {
      if (!calendar.listed(each)) {
        LOG.warn("Kalender layanan {} belum memuat libur nasional dan cuti bersama tahun {}: hari kerja tahun itu dihitung "
            + "tanpa hari libur sampai daftarnya (SKB tahun itu) ditambahkan", location.getFilename(), each);
      }
    }
  }

  private record Loaded(ServiceCalendar calendar, long modified) {
  }
}

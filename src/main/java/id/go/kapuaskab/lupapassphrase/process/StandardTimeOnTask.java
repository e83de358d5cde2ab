package id.go.kapuaskab.lupapassphrase.process;

import id.go.kapuaskab.lupapassphrase.servicehours.ServiceCalendar;
import id.go.kapuaskab.lupapassphrase.servicehours.ServiceHours;
import id.go.kapuaskab.lupapassphrase.notify.Wib;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Gives each SOP step's task its standard time, as the timer of the task's own diagram version sets
 * it, in words ("5 menit"), as the task-local variable standardTime: the forms show it from there, so
 * a process owner who changes a timer changes what the forms say. Built into every user task
 * (ProcessListeners) and acting on the SOP steps, not drawn in the diagram, so no edit of the diagram
 * can leave a form without it. A step counted in service hours also gets, as serviceClock, when its
 * standard time runs out and, while the office is closed, when the service time starts.
 */
class StandardTimeOnTask implements TaskListener {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy HH.mm 'WIB'",
      Locale.forLanguageTag("id-ID")).withZone(Wib.ZONE);

  private final ServiceHours hours;

  StandardTimeOnTask(ServiceHours hours) {
    this.hours = hours;
  }

  @Override
  public void notify(DelegateTask task) {
    SopStep.byTask(task.getBpmnModelInstance(), task.getTaskDefinitionKey()).ifPresent(step -> {
      task.setVariableLocal(ProcessVariables.STANDARD_TIME, inWords(step.standardTime()));
      if (step.serviceHours()) {
        task.setVariableLocal(ProcessVariables.SERVICE_CLOCK,
            serviceClock(hours.calendar(), task.getCreateTime().toInstant(), step.standardTime()));
      }
    });
  }

  /** "Dihitung dalam jam layanan; batas Senin 17 Agustus 2026 07.35 WIB. Waktu layanan dimulai …". */
  static String serviceClock(ServiceCalendar calendar, Instant created, Duration standard) {
    String due = "Dihitung dalam jam layanan kantor; batas " + WHEN.format(calendar.after(created, standard)) + ".";
    return calendar.closedUntil(created).map(opening -> due + " Waktu layanan dimulai " + WHEN.format(opening) + ".")
        .orElse(due);
  }

  /** A duration as people say it: "2 menit", "1 jam 30 menit", "1 hari". */
  static String inWords(Duration duration) {
    List<String> parts = new ArrayList<>();
    if (duration.toDaysPart() > 0) {
      parts.add(duration.toDaysPart() + " hari");
    }
    if (duration.toHoursPart() > 0) {
      parts.add(duration.toHoursPart() + " jam");
    }
    if (duration.toMinutesPart() > 0) {
      parts.add(duration.toMinutesPart() + " menit");
    }
    if (duration.toSecondsPart() > 0 || parts.isEmpty()) {
      parts.add(duration.toSecondsPart() + " detik");
    }
    return String.join(" ", parts);
  }
}

package id.go.kapuaskab.sandboxams;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sandbox's pages, in place of the holder's mailbox and of AMS's own reset page. The new
 * passphrase goes from the form straight to {@link SandboxAms#setNewPassphrase} and is dropped there:
 * it is never put in the model, a log line or a redirect.
 */
@Controller
class SandboxPagesController {

  private static final String OUTBOX_VIEW = "sandbox-ams/outbox";
  private static final String RESET_VIEW = "sandbox-ams/reset";
  private static final String RESET_DONE_VIEW = "sandbox-ams/reset-done";
  private static final int CALLS_SHOWN = 20;
  /** Times as the office reads them: Western Indonesia Time. */
  private static final DateTimeFormatter WIB = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm:ss 'WIB'",
      Locale.forLanguageTag("id-ID")).withZone(ZoneId.of("Asia/Jakarta"));

  private final SandboxAms ams;
  private final SandboxOutage outage;
  private final SandboxApiJournal journal;

  public SandboxPagesController(SandboxAms ams, SandboxOutage outage, SandboxApiJournal journal) {
    this.ams = ams;
    this.outage = outage;
    this.journal = journal;
  }

  @GetMapping({SandboxPaths.ROOT, SandboxPaths.ROOT + "/"})
  public String root() {
    return "redirect:" + SandboxPaths.OUTBOX;
  }

  @GetMapping(SandboxPaths.OUTBOX)
  public String outbox(Model model) {
    List<MailView> mails = ams.outbox().stream()
        .map(mail -> new MailView(WIB.format(mail.sentAt()), mail.maskedTo(), mail.subject(), mail.body(), mail.link()))
        .toList();
    List<CallView> calls = journal.callsAfter(Math.max(0, journal.received() - CALLS_SHOWN)).stream()
        .map(call -> new CallView(WIB.format(call.receivedAt()), call.operation(),
            call.idempotencyKey() == null ? "-" : call.idempotencyKey(), call.status()))
        .toList();
    model.addAttribute("mails", newestFirst(mails));
    model.addAttribute("calls", newestFirst(calls));
    model.addAttribute("outage", outage.mode());
    model.addAttribute("modes", SandboxOutage.Mode.values());
    return OUTBOX_VIEW;
  }

  @PostMapping(SandboxPaths.OUTAGE)
  public String outage(@RequestParam SandboxOutage.Mode mode) {
    outage.set(mode);
    return "redirect:" + SandboxPaths.OUTBOX;
  }

  @GetMapping(SandboxPaths.RESET_PAGE + "/{token}")
  public String resetPage(@PathVariable String token, Model model) {
    model.addAttribute("token", token);
    model.addAttribute("holderName", ams.holderNameForLink(token).orElse(null));
    return RESET_VIEW;
  }

  @PostMapping(SandboxPaths.RESET_PAGE + "/{token}")
  public String setNewPassphrase(@PathVariable String token, @RequestParam(required = false) String passphrase,
      @RequestParam(required = false) String passphraseRepeated, Model model) {
    Optional<String> holder = ams.holderNameForLink(token);
    Optional<String> problem = ams.setNewPassphrase(token, passphrase, passphraseRepeated);
    model.addAttribute("token", token);
    model.addAttribute("holderName", holder.orElse(null));
    if (problem.isPresent()) {
      model.addAttribute("problem", problem.get());
      return RESET_VIEW;
    }
    return RESET_DONE_VIEW;
  }

  private static <T> List<T> newestFirst(List<T> oldestFirst) {
    List<T> newestFirst = new ArrayList<>(oldestFirst);
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  /** A mail as the outbox page shows it: the recipient masked, as anything unauthenticated would show it. */
  public record MailView(String sentAt, String to, String subject, String body, String link) {
  }

  /** A call to the API as the outbox page shows it. */
  public record CallView(String receivedAt, String operation, String idempotencyKey, int status) {
  }
}

package id.go.kapuaskab.lupapassphrase.notify;

import id.go.kapuaskab.lupapassphrase.session.WebappUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local demo's mailbox (Mailbox) for whoever is logged into a webapp: a person reads the
 * notices sent to their account's e-mail address, the administrator every notice. Without the
 * mailbox (production) the path does not exist; without a session it answers 401.
 */
@RestController
@ConditionalOnProperty("lupa-passphrase.notify.mailbox")
class MailboxController {

  public static final String PATH = "/api/kotak-surat";

  private final Mailbox mailbox;
  private final ProcessEngine engine;

  MailboxController(Mailbox mailbox, ProcessEngine engine) {
    this.mailbox = mailbox;
    this.engine = engine;
  }

  @GetMapping(PATH)
  ResponseEntity<List<Mailbox.Notice>> notices(HttpServletRequest request) {
    UserAuthentication user = WebappUser.of(request, engine.getName()).orElse(null);
    if (user == null) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    List<Mailbox.Notice> notices;
    if (user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
      notices = mailbox.newestFirst(notice -> true);
    } else {
      User account = engine.getIdentityService().createUserQuery().userId(user.getIdentityId()).singleResult();
      String email = account == null ? null : account.getEmail();
      notices = email == null ? List.of()
          : mailbox.newestFirst(notice -> notice.to().stream().anyMatch(email::equalsIgnoreCase));
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(notices);
  }
}

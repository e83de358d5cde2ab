package id.go.kapuaskab.lupapassphrase.request;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The forms' read-only source of the request's rules (FormRules), for whoever is logged into a
 * webapp: the forms run inside Tasklist and call it with their session. Nothing here is personal
 * data; without a session it answers 401 like every other endpoint.
 */
@RestController
class FormRulesController {

  public static final String PATH = "/api/formulir/aturan";

  private final FormRules.Source rules;

  public FormRulesController(FormRules.Source rules) {
    this.rules = rules;
  }

  @GetMapping(PATH)
  public ResponseEntity<FormRules> rules(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || AuthenticationUtil.getAuthsFromSession(session).getAuthentications().isEmpty()) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(rules.rules());
  }
}

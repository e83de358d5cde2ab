package id.go.kapuaskab.lupapassphrase.applicant;

import id.go.kapuaskab.lupapassphrase.session.WebappUser;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The applicant's page's data, for whoever is logged into a webapp (Tasklist calls it with its
 * session): the caller's own requests only; another person's number answers 404, as one that does
 * not exist. Without a session it answers 401. Read only, so no CSRF token is needed.
 */
@RestController
class MyRequestsController {

  public static final String PATH = "/api/permohonan-saya";

  private final MyRequests requests;
  private final String engineName;

  MyRequestsController(MyRequests requests, ProcessEngine engine) {
    this.requests = requests;
    this.engineName = engine.getName();
  }

  @GetMapping(PATH)
  ResponseEntity<List<RequestStatus>> all(HttpServletRequest request) {
    return caller(request).map(userId -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
            .body(requests.of(userId)))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).build());
  }

  @GetMapping(PATH + "/{number}")
  ResponseEntity<RequestStatus> one(HttpServletRequest request, @PathVariable String number) {
    Optional<String> userId = caller(request);
    if (userId.isEmpty()) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
    }
    return requests.one(userId.get(), number)
        .map(found -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(found))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  private Optional<String> caller(HttpServletRequest request) {
    return WebappUser.of(request, engineName).map(UserAuthentication::getIdentityId);
  }
}

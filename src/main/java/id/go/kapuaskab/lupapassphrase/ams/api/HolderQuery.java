package id.go.kapuaskab.lupapassphrase.ams.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every AMS request: the holder, by NIK or else by official e-mail, never both (the
 * least personal data that finds them), and never in the URL.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HolderQuery(String nik, String email) {

  /** Exactly one of the two is given, as the contract requires. */
  public boolean namesOneHolder() {
    return (nik == null) != (email == null);
  }
}

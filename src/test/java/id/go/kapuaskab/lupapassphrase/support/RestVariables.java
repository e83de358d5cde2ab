package id.go.kapuaskab.lupapassphrase.support;

import id.go.kapuaskab.lupapassphrase.demo.DemoPerson;
import id.go.kapuaskab.lupapassphrase.process.SubmitAction;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Variables as the REST API takes them ({"value": …, "type": …}), and step 1 as a form sends it there. */
public final class RestVariables {

  private RestVariables() {
  }

  public static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  public static Map<String, Object> bool(boolean value) {
    return Map.of("value", value, "type", "Boolean");
  }

  public static Map<String, Object> file(String name, String mimeType, byte[] bytes) {
    return Map.of("value", Base64.getEncoder().encodeToString(bytes), "type", "File",
        "valueInfo", Map.of("filename", name, "mimeType", mimeType));
  }

  /** The request fields of step 1 for the holder, the letter a small PDF; a map to change as a test needs. */
  public static Map<String, Object> requestOf(DemoPerson holder) {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("applicantName", string(holder.firstName() + " " + holder.lastName()));
    form.put("nik", string(holder.nik()));
    form.put("nip", string(holder.nip()));
    form.put("officialEmail", string(holder.email()));
    form.put("agency", string(Requests.AGENCY_NAME));
    form.put("statementLetter", file("surat-pernyataan.pdf", "application/pdf", Letters.PDF));
    return form;
  }

  /** A complete submission of step 1. */
  public static Map<String, Object> submissionOf(DemoPerson holder) {
    Map<String, Object> form = requestOf(holder);
    form.put("submitAction", string(SubmitAction.SUBMIT.name()));
    return form;
  }
}

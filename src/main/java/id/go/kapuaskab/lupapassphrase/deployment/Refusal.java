package id.go.kapuaskab.lupapassphrase.deployment;

/**
 * One reason a deployment would break the service, as the process owner reads it in Camunda Modeler.
 *
 * @param file the deployed file ("lupa-passphrase.bpmn", "forms/submit-request.html")
 * @param element the diagram element's id, or null for the file as a whole
 * @param rule what is wrong, in Bahasa Indonesia
 */
record Refusal(String file, String element, String rule) {

  @Override
  public String toString() {
    return file + (element == null ? "" : ", elemen " + element) + ": " + rule;
  }
}

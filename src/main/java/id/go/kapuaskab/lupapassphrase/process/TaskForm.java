package id.go.kapuaskab.lupapassphrase.process;

import java.util.List;

/**
 * What the form of one diagram element (a start event or a user task) sends: the only fields a start
 * or a completion there may carry.
 *
 * @param elementId the start event or user task
 * @param fields the form's fields, in the order a person fills them in
 */
record TaskForm(String elementId, List<FormField> fields) {

  public TaskForm {
    fields = List.copyOf(fields);
  }
}

package id.go.kapuaskab.lupapassphrase.process;

import static id.go.kapuaskab.lupapassphrase.process.FormField.choice;
import static id.go.kapuaskab.lupapassphrase.process.FormField.text;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The one declaration in Java that a new step needs, here for the countersigning step NewStepTest
 * adds to a copy of the diagram: what its form sends. Everything else about the step comes from the
 * diagram and the form.
 */
@Component
public class CountersignForm implements TaskForms {

  static final String TASK = "Task_CountersignRequest";
  static final String DECISION = "countersignDecision";
  static final String NOTE = "countersignNote";

  @Override
  public List<TaskForm> forms() {
    return List.of(new TaskForm(TASK, List.of(
        choice(DECISION, "Keputusan kepala bidang", VerificationDecision.class),
        text(NOTE, "Catatan kepala bidang", 500))));
  }
}

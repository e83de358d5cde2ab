package id.go.kapuaskab.lupapassphrase.process;

import java.util.List;

/** Declares what the forms of some diagram elements send; {@link FormFields} gathers every declaration. */
interface TaskForms {

  List<TaskForm> forms();
}

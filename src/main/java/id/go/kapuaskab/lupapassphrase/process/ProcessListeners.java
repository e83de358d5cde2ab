package id.go.kapuaskab.lupapassphrase.process;

import id.go.kapuaskab.lupapassphrase.servicehours.ServiceHours;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Listeners the process needs on every version of its diagram, built in as the diagram is parsed. */
public class ProcessListeners extends AbstractProcessEnginePlugin {

  private final ServiceHours hours;
  private final TurnNotices notices;

  public ProcessListeners(ServiceHours hours, TurnNotices notices) {
    this.hours = hours;
    this.notices = notices;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new StandardTimes(new StandardTimeOnTask(hours)));
    listeners.add(new RequestNumberInTaskNames());
    listeners.add(new Notices(notices));
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private static final class StandardTimes extends AbstractBpmnParseListener {

    private final StandardTimeOnTask listener;

    StandardTimes(StandardTimeOnTask listener) {
      this.listener = listener;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
          .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
    }
  }

  /**
   * Every user task is named with its request's number (on the cards and in the task's header of
   * Tasklist), so two open requests are two different cards.
   */
  private static final class RequestNumberInTaskNames extends AbstractBpmnParseListener {

    private final TaskListener listener = task -> {
      String number = task.getExecution().getProcessBusinessKey();
      if (number != null && task.getName() != null) {
        task.setName(task.getName() + " · " + number);
      }
    };

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
          .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, listener);
    }
  }

  /** The e-mails that tell each person it is their turn (TurnNotices). */
  private static final class Notices extends AbstractBpmnParseListener {

    private final TaskListener taskCreated;
    private final ExecutionListener certificateIssued;

    Notices(TurnNotices notices) {
      this.taskCreated = notices::taskCreated;
      this.certificateIssued = notices::certificateIssued;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
          .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, taskCreated);
    }

    @Override
    public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl activity) {
      if (ProcessIds.END_CERTIFICATE_ISSUED.equals(activity.getId())) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, certificateIssued);
      }
    }
  }
}

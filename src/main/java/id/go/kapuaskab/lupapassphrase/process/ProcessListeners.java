package id.go.kapuaskab.lupapassphrase.process;

import id.go.kapuaskab.lupapassphrase.servicehours.ServiceHours;
import java.util.ArrayList;
import java.util.List;
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

  public ProcessListeners(ServiceHours hours) {
    this.hours = hours;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new StandardTimes(new StandardTimeOnTask(hours)));
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
}

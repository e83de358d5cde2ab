package id.go.kapuaskab.lupapassphrase.security;

import id.go.kapuaskab.lupapassphrase.request.SubmissionCheck;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The server owns the request: every call a logged-in user makes (REST, Tasklist, Cockpit) meets
 * the same rules in the engine itself, whichever API it came through. Three parts:
 * {@link CallerCommands} lets such a caller run only the commands the SOP has people run; the guarded
 * services check what those commands carry (a start at its start event with the start form's fields,
 * a completion with exactly its form's fields, a claim for oneself, a deployment without activation time
 * or tenant); and the rules built into the
 * user tasks: {@link ClaimedTaskRule} keeps a claimed task for its assignee, {@link OwnRequestRule}
 * keeps a verifier's step away from the request's own applicant. And built into the process: whoever
 * opens a request may read it ({@link OwnRequestGrant}).
 */
public class CallerGuard extends AbstractProcessEnginePlugin {

  private final SubmissionCheck submissions;

  public CallerGuard(SubmissionCheck submissions) {
    this.submissions = submissions;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    IdentityService identity = new GuardedIdentityService();
    configuration.setIdentityService(identity);
    GuardedTaskService tasks = new GuardedTaskService(identity, submissions);
    configuration.setTaskService(tasks);
    configuration.setFormService(new GuardedFormService(identity, submissions));
    configuration.setRuntimeService(new GuardedRuntimeService(identity, submissions));
    configuration.setRepositoryService(new GuardedRepositoryService());

    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new CallerCommands(identity, EngineCommands.load()));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

    List<BpmnParseListener> parseListeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      parseListeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    parseListeners.add(new UserTaskRules(new ClaimedTaskRule(identity), new OwnRequestRule(identity)));
    parseListeners.add(new OwnRequestGrant(identity));
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }

  /** Builds the task rules into the user tasks as they are parsed, where no diagram change can leave them out. */
  private static final class UserTaskRules extends AbstractBpmnParseListener {

    private static final String CANDIDATE_GROUPS = "candidateGroups";

    private final ClaimedTaskRule claimed;
    private final OwnRequestRule ownRequest;

    UserTaskRules(ClaimedTaskRule claimed, OwnRequestRule ownRequest) {
      this.claimed = claimed;
      this.ownRequest = ownRequest;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, claimed);
      if (userTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, CANDIDATE_GROUPS) != null) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, ownRequest);
      }
    }
  }
}

package id.go.kapuaskab.lupapassphrase.security;

import id.go.kapuaskab.lupapassphrase.process.ProcessIds;
import id.go.kapuaskab.lupapassphrase.request.InvalidInputException;
import id.go.kapuaskab.lupapassphrase.request.SubmissionCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;

/**
 * A process start as a caller builds it, passed on to the engine's builder while it notes what the
 * caller asked for; on execution a caller other than an administrator is held to the start rules
 * (StartRules) and the start form's fields, before the engine sees any of it.
 */
class GuardedInstantiation implements ProcessInstantiationBuilder {

  private static final String CASE_INSTANCE = "caseInstanceId";

  private final ProcessInstantiationBuilder engine;
  private final IdentityService identity;
  private final SubmissionCheck submissions;
  private final Map<String, Object> variables = new LinkedHashMap<>();
  private boolean instructions;
  private String businessKey;
  private String caseInstanceId;

  GuardedInstantiation(ProcessInstantiationBuilder engine, IdentityService identity, SubmissionCheck submissions) {
    this.engine = engine;
    this.identity = identity;
    this.submissions = submissions;
  }

  @Override
  public ProcessInstance execute() {
    return execute(false, false);
  }

  @Override
  public ProcessInstance execute(boolean skipCustomListeners, boolean skipIoMappings) {
    return executeWithVariablesInReturn(skipCustomListeners, skipIoMappings);
  }

  @Override
  public ProcessInstanceWithVariables executeWithVariablesInReturn() {
    return executeWithVariablesInReturn(false, false);
  }

  @Override
  public ProcessInstanceWithVariables executeWithVariablesInReturn(boolean skipCustomListeners, boolean skipIoMappings) {
    if (Caller.subjectToRules(identity).isPresent()) {
      if (instructions || skipCustomListeners || skipIoMappings) {
        throw StartRules.notAtTheStartEvent();
      }
      StartRules.refuseBusinessKey(businessKey);
      if (caseInstanceId != null) {
        throw new InvalidInputException(CASE_INSTANCE, "Permohonan tidak dibuka dari sebuah kasus.");
      }
      submissions.check(ProcessIds.START_REQUEST, variables);
    }
    engine.businessKey(StartRules.blankAsNone(businessKey));
    return engine.executeWithVariablesInReturn(skipCustomListeners, skipIoMappings);
  }

  @Override
  public ProcessInstantiationBuilder businessKey(String businessKey) {
    this.businessKey = businessKey;
    return this;
  }

  @Override
  public ProcessInstantiationBuilder caseInstanceId(String caseInstanceId) {
    this.caseInstanceId = caseInstanceId;
    engine.caseInstanceId(caseInstanceId);
    return this;
  }

  @Override
  public ProcessInstantiationBuilder processDefinitionTenantId(String tenantId) {
    engine.processDefinitionTenantId(tenantId);
    return this;
  }

  @Override
  public ProcessInstantiationBuilder processDefinitionWithoutTenantId() {
    engine.processDefinitionWithoutTenantId();
    return this;
  }

  @Override
  public ProcessInstantiationBuilder startBeforeActivity(String activityId) {
    instructions = true;
    engine.startBeforeActivity(activityId);
    return this;
  }

  @Override
  public ProcessInstantiationBuilder startAfterActivity(String activityId) {
    instructions = true;
    engine.startAfterActivity(activityId);
    return this;
  }

  @Override
  public ProcessInstantiationBuilder startTransition(String transitionId) {
    instructions = true;
    engine.startTransition(transitionId);
    return this;
  }

  @Override
  public ProcessInstantiationBuilder setVariable(String name, Object value) {
    variables.put(name, value);
    engine.setVariable(name, value);
    return this;
  }

  @Override
  public ProcessInstantiationBuilder setVariableLocal(String name, Object value) {
    variables.put(name, value);
    engine.setVariableLocal(name, value);
    return this;
  }

  @Override
  public ProcessInstantiationBuilder setVariables(Map<String, Object> variables) {
    if (variables != null) {
      this.variables.putAll(variables);
    }
    engine.setVariables(variables);
    return this;
  }

  @Override
  public ProcessInstantiationBuilder setVariablesLocal(Map<String, Object> variables) {
    if (variables != null) {
      this.variables.putAll(variables);
    }
    engine.setVariablesLocal(variables);
    return this;
  }
}

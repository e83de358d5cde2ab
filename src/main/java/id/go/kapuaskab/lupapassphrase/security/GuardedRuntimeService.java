package id.go.kapuaskab.lupapassphrase.security;

import id.go.kapuaskab.lupapassphrase.request.SubmissionCheck;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;

/**
 * The runtime service as callers reach it: every start (startProcessInstanceBy…, the REST start)
 * goes through a builder that refuses start instructions, skipped listeners or mappings, a chosen
 * request number and variables the start form does not have.
 */
class GuardedRuntimeService extends RuntimeServiceImpl {

  private final IdentityService identity;
  private final SubmissionCheck submissions;

  GuardedRuntimeService(IdentityService identity, SubmissionCheck submissions) {
    this.identity = identity;
    this.submissions = submissions;
  }

  @Override
  public ProcessInstantiationBuilder createProcessInstanceById(String processDefinitionId) {
    return new GuardedInstantiation(super.createProcessInstanceById(processDefinitionId), identity, submissions);
  }

  @Override
  public ProcessInstantiationBuilder createProcessInstanceByKey(String processDefinitionKey) {
    return new GuardedInstantiation(super.createProcessInstanceByKey(processDefinitionKey), identity, submissions);
  }
}

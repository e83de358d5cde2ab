package id.go.kapuaskab.lupapassphrase.setup;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * One thing the application sets up in the engine once it is built; {@link EngineSetup} runs them by
 * the phase each names with {@link SetupPhase}.
 */
public interface SetupStep {

  /**
   * The phases, in the order they run, each saying what the later ones need of it. Steps of one phase
   * do not depend on each other.
   */
  enum Phase {
    /** The process and its forms (ProcessDeployer): the retention below is set on its versions. */
    DEPLOYMENT,
    /** Tasklist's filters (TasklistFilters): the grants below name filters, and a grant needs the filter's id. */
    FILTERS,
    /** Groups and grants (AuthorizationSetup): the users below are made members of these groups. */
    AUTHORIZATIONS,
    /** The users: the production administrator (AdminAccount) or, locally, the demo users (DemoIdentities). */
    USERS,
    /** Retention on every version of every process (RetentionPolicy), the one just deployed included. */
    RETENTION
  }

  void apply(ProcessEngine engine);
}

package id.go.kapuaskab.lupapassphrase.operations;

import id.go.kapuaskab.lupapassphrase.cluster.NodeName;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.MDC;

/**
 * The node's name in the log context (MDC key {@value #NODE}) of everything the engine does, on every
 * thread: a job run by the job executor, a call through REST or the webapps. The engine itself adds the
 * request number (MDC key requestNumber, camunda.bpm.generic-properties.properties.logging-context-business-key)
 * while it works on a request, so each log line of that work names both; the JSON logs carry them as fields.
 */
public class NodeInLogs extends AbstractProcessEnginePlugin {

  static final String NODE = "node";

  private final String name;

  public NodeInLogs(NodeName node) {
    this.name = node.value();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new NamingNode());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  private final class NamingNode extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (MDC.get(NODE) != null) {
        return next.execute(command);
      }
      MDC.put(NODE, name);
      try {
        return next.execute(command);
      } finally {
        MDC.remove(NODE);
      }
    }
  }
}

package id.go.kapuaskab.lupapassphrase.operations;

import id.go.kapuaskab.lupapassphrase.cluster.NodeName;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.autoconfigure.metrics.MeterRegistryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Every metric of this node carries its name (label {@code node}, lupa-passphrase.node.name), the one it
 * locks jobs with and writes into the job log, so a figure leads to the node and its logs.
 */
@Component
class NodeTag implements MeterRegistryCustomizer<MeterRegistry> {

  private final String name;

  NodeTag(NodeName node) {
    this.name = node.value();
  }

  @Override
  public void customize(MeterRegistry registry) {
    registry.config().commonTags("node", name);
  }
}

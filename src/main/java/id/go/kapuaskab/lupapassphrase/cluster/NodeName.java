package id.go.kapuaskab.lupapassphrase.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/**
 * This node's name, distinct per node and kept across restarts: on its job locks and in the job log
 * ({@link NodeIdentity}), in the logs and on the metrics. One bean, so all of them name the node alike.
 *
 * @param value the name: lupa-passphrase.node.name, or host:port where it is unset
 */
public record NodeName(String value) {

  public static NodeName of(NodeSettings settings, int port) {
    return new NodeName(settings.name() == null || settings.name().isBlank() ? defaultName(port) : settings.name().trim());
  }

  private static String defaultName(int port) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + ":" + (port > 0 ? Integer.toString(port) : UUID.randomUUID().toString().substring(0, 8));
  }
}

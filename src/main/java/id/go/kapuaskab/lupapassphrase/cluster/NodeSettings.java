package id.go.kapuaskab.lupapassphrase.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This node among the nodes on one database.
 *
 * @param name the node's name, distinct per node and the same across its restarts, such as
 *     {@code lupa-1}; unset: this host's name and the server port. It owns the node's job locks and
 *     names the node in the job log.
 */
@ConfigurationProperties("lupa-passphrase.node")
public record NodeSettings(String name) {
}

package id.go.kapuaskab.lupapassphrase.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Registers our exception mapper in every Jersey application of the process: /engine-rest and the
 * webapps' own REST APIs (Tasklist submits forms through the latter), which we cannot configure.
 */
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public class InvalidInputAutoDiscoverable implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(InvalidInputExceptionMapper.class)) {
      context.register(InvalidInputExceptionMapper.class);
    }
  }
}

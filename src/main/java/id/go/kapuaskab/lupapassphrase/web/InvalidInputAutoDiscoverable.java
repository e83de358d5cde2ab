package id.go.kapuaskab.lupapassphrase.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import java.util.List;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Registers our exception mappers, and the filters on what a call may send and read, in every Jersey
 * application of the process: /engine-rest and the webapps' own REST APIs (Tasklist submits forms
 * through the latter), which we cannot configure.
 */
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public class InvalidInputAutoDiscoverable implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    for (Class<?> provider : List.of(InvalidInputExceptionMapper.class, RefusedCallExceptionMapper.class,
        TaskAlreadyClaimedExceptionMapper.class, OpenRequestLimitExceptionMapper.class,
        BodyRequiredFilter.class,
        NoSerializedObjects.ObjectParts.class,
        WebappCountsFilter.class)) {
      if (!context.getConfiguration().isRegistered(provider)) {
        context.register(provider);
      }
    }
  }
}

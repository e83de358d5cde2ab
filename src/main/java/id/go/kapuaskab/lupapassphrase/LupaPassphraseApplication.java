package id.go.kapuaskab.lupapassphrase;

import id.go.kapuaskab.sandboxams.SandboxAmsApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The SOP "Lupa Passphrase" on an embedded Camunda 7 engine with Tasklist, Cockpit, Admin and REST;
 * or, with the profile sandbox-ams, only the sandbox AMS, to be shared by several nodes.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LupaPassphraseApplication {

  public static void main(String[] args) {
    if (SandboxAmsApplication.requested(args)) {
      SandboxAmsApplication.run(args);
    } else {
      SpringApplication.run(LupaPassphraseApplication.class, args);
    }
  }
}

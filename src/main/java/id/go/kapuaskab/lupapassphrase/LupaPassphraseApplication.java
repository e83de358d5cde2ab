package id.go.kapuaskab.lupapassphrase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The SOP "Lupa Passphrase" on an embedded Camunda 7 engine with Tasklist, Cockpit, Admin and REST. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LupaPassphraseApplication {

  public static void main(String[] args) {
    SpringApplication.run(LupaPassphraseApplication.class, args);
  }
}

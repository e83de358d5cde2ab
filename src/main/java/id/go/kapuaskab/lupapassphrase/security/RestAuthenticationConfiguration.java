package id.go.kapuaskab.lupapassphrase.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** /engine-rest answers only to HTTP Basic against the engine's own users (the stock starter leaves it open). */
@Configuration
class RestAuthenticationConfiguration {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(RememberedLogins logins,
      ProcessEngine engine) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new EveryPathAuthenticationFilter(logins, engine));
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    return registration;
  }
}

package id.go.kapuaskab.lupapassphrase.database;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The engine is built only after Liquibase has brought the schema up to date: with schema-update off
 * it checks the schema when it is built, and fails on one that is missing or old. Spring Boot runs
 * Liquibase before the beans it knows need the database; this names the engine's (registered in
 * META-INF/spring.factories).
 */
public class EngineDependsOnSchema extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngineConfiguration.class, ProcessEngineFactoryBean.class);
  }
}

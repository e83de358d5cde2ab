package id.go.kapuaskab.lupapassphrase.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The Modeler's "AMS: ..." templates name real delegates, and the diagram's AMS tasks use them as written. */
class ElementTemplatesTest extends IntegrationTest {

  private static final Path TEMPLATES = Path.of("bpmn/.camunda/element-templates/ams-service-tasks.json");
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  @Autowired
  private ApplicationContext context;

  @Test
  void everyTemplateNamesAnAsyncDelegateThatExists() throws Exception {
    JsonNode templates = new ObjectMapper().readTree(TEMPLATES.toFile());
    assertThat(templates).extracting(template -> template.get("name").asText())
        .containsExactly("AMS: reset passphrase", "AMS: kirim ulang tautan reset", "AMS: status sertifikat");
    for (JsonNode template : templates) {
      Map<String, String> bound = bindings(template);
      String bean = bound.get("camunda:delegateExpression").replaceAll("^\\$\\{|}$", "");
      assertThat(context.getBean(bean)).as(template.get("name").asText()).isInstanceOf(JavaDelegate.class);
      assertThat(bound.get("camunda:asyncBefore")).isEqualTo("true");
    }
  }

  @Test
  void theDiagramsAmsTasksAreWhatTheirTemplateWrites() throws Exception {
    Map<String, Map<String, String>> templates = new HashMap<>();
    for (JsonNode template : new ObjectMapper().readTree(TEMPLATES.toFile())) {
      templates.put(template.get("id").asText(), bindings(template));
    }
    BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn/lupa-passphrase.bpmn").toFile());

    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      String delegate = task.getCamundaDelegateExpression();
      if (!delegate.startsWith("${ams")) {
        continue;
      }
      Map<String, String> template = templates.get(task.getAttributeValueNs(CAMUNDA, "modelerTemplate"));
      assertThat(template).as("template of %s", task.getId()).isNotNull();
      assertThat(delegate).isEqualTo(template.get("camunda:delegateExpression"));
      assertThat(String.valueOf(task.isCamundaAsyncBefore())).isEqualTo(template.get("camunda:asyncBefore"));
    }
  }

  private static Map<String, String> bindings(JsonNode template) {
    Map<String, String> bound = new HashMap<>();
    template.get("properties").forEach(property ->
        bound.put(property.get("binding").get("name").asText(), property.get("value").asText()));
    return bound;
  }
}

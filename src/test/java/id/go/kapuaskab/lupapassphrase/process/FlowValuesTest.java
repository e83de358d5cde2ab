package id.go.kapuaskab.lupapassphrase.process;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.audit.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;

/**
 * The values that steer the flow are the enums the code uses: the diagram's conditions and inputs
 * name only their constants, and every constant has its way through the diagram; the Cockpit pages
 * label every one. (The forms' options come from the same enums, through FormFields: FormFieldsTest.)
 */
class FlowValuesTest {

  private static final Map<String, Class<? extends Enum<?>>> STEERING = Map.of(
      ProcessVariables.SUBMIT_ACTION, SubmitAction.class,
      ProcessVariables.VERIFICATION_DECISION, VerificationDecision.class,
      ProcessVariables.LINK_STATUS, LinkStatus.class);
  private static final Pattern COMPARISON = Pattern.compile("\\$\\{(\\w+) == '(\\w+)'}");
  private static final Path COCKPIT_LABELS =
      Path.of("src/main/resources/META-INF/resources/webjars/camunda/app/cockpit/scripts/riwayat-sop/format.js");

  private final BpmnModelInstance diagram = Bpmn.readModelFromFile(Path.of("bpmn/lupa-passphrase.bpmn").toFile());

  @Test
  void theDiagramsConditionsNameTheEnumsConstantsAndEachHasItsWay() {
    Map<String, Set<String>> compared = new HashMap<>();
    for (SequenceFlow flow : diagram.getModelElementsByType(SequenceFlow.class)) {
      if (flow.getConditionExpression() == null) {
        continue;
      }
      Matcher comparison = COMPARISON.matcher(flow.getConditionExpression().getTextContent());
      while (comparison.find()) {
        assertThat(STEERING).as("a condition of %s compares %s", flow.getId(), comparison.group(1))
            .containsKey(comparison.group(1));
        compared.computeIfAbsent(comparison.group(1), name -> new HashSet<>()).add(comparison.group(2));
      }
    }
    STEERING.forEach((variable, values) -> assertThat(compared.get(variable)).as(variable)
        .containsExactlyInAnyOrderElementsOf(names(values)));
  }

  @Test
  void theNoticeTasksAskForNoticesTheDelegateKnows() {
    List<String> notices = diagram.getModelElementsByType(CamundaInputParameter.class).stream()
        .filter(parameter -> parameter.getCamundaName().equals(ProcessVariables.NOTICE))
        .map(CamundaInputParameter::getTextContent).toList();

    assertThat(notices).containsExactlyInAnyOrderElementsOf(names(ApplicantNotice.class));
  }

  @Test
  void theCockpitPagesLabelEveryDecisionAndOutcome() throws Exception {
    String labels = Files.readString(COCKPIT_LABELS);

    assertThat(keysOf(labels, "DECISION")).containsExactlyInAnyOrderElementsOf(names(VerificationDecision.class));
    assertThat(keysOf(labels, "OUTCOME")).containsExactlyInAnyOrderElementsOf(names(Outcome.class));
  }

  private static List<String> names(Class<? extends Enum<?>> values) {
    return Arrays.stream(values.getEnumConstants()).map(Enum::name).toList();
  }

  private static List<String> keysOf(String script, String constant) {
    Matcher object = Pattern.compile("export const " + constant + " = \\{(.*?)};", Pattern.DOTALL).matcher(script);
    assertThat(object.find()).as("format.js defines %s", constant).isTrue();
    return Pattern.compile("(\\w+):").matcher(object.group(1)).results().map(match -> match.group(1)).toList();
  }
}

package id.go.kapuaskab.lupapassphrase.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kapuaskab.lupapassphrase.IntegrationTest;
import id.go.kapuaskab.lupapassphrase.process.ProcessIds;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The rules every deployment of the SOP meets, here on the files of bpmn/ and forms/ as the build has
 * them: they pass, and each kind of break is found with the element it is on.
 */
class DiagramRulesTest extends IntegrationTest {

  private static final String DIAGRAM = "bpmn/lupa-passphrase.bpmn";

  @Autowired
  private DiagramRules rules;

  @Test
  void theDiagramAndFormsOfTheBuildPassEveryRule() {
    assertThat(check(UnaryOperator.identity())).isEmpty();
  }

  @Test
  void eachBreakIsFoundOnItsElement() {
    assertThat(check(diagram -> diagram.replace("camunda:delegateExpression=\"${notifySupervisor}\"",
        "camunda:class=\"java.lang.Runtime\""))).extracting(Refusal::element, Refusal::rule)
        .anySatisfy(refusal -> assertThat(refusal.toList()).containsExactly(ProcessIds.TASK_NOTIFY_SUPERVISOR,
            "kelas Java (camunda:class) tidak boleh disebut diagram: pakai Delegate expression dengan bean yang "
                + "disediakan server"));
    assertThat(check(diagram -> diagram.replace("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${linkResendCount &lt; 3}",
        "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">linkResendCount &lt; 3")))
        .extracting(Refusal::toString).containsExactly(DIAGRAM + ", elemen SequenceFlow_ResendAllowed: diagram tidak boleh "
            + "memuat skrip");
    assertThat(check(diagram -> diagram.replace("embedded:deployment:forms/verify-request.html",
        "embedded:deployment:forms/periksa.html"))).extracting(Refusal::toString).containsExactly(
        DIAGRAM + ", elemen " + ProcessIds.TASK_VERIFY_REQUEST + ": formulir 'embedded:deployment:forms/periksa.html' "
            + "tidak ada di deployment ini (sertakan berkasnya dari folder forms/)");
    assertThat(check(diagram -> diagram.replace("camunda:formRef=\"review-ams-refusal\" camunda:formRefBinding=\"deployment\"",
        ""))).extracting(Refusal::toString).containsExactly(
        DIAGRAM + ", elemen " + ProcessIds.TASK_REVIEW_AMS_REFUSAL + ": tidak menyebut formulir (Form key atau Form reference)");
  }

  @Test
  void theModelersLintIsRunAndAReferenceToNothingIsFoundNotThrown() {
    assertThat(check(diagram -> diagram.replace("<bpmn:sequenceFlow id=\"SequenceFlow_LinkResent\"",
        "<bpmn:sequenceFlow id=\"SequenceFlow_LinkResent\" name=\"kembali\""))).isEmpty(); // a warning only
    assertThat(check(diagram -> diagram.replaceFirst("<bpmn:incoming>SequenceFlow_LinkResent</bpmn:incoming>",
        "<bpmn:incoming>SequenceFlow_Nowhere</bpmn:incoming>"))).extracting(Refusal::toString).singleElement()
        .asString().startsWith(DIAGRAM + ": lint Modeler: diagram merujuk elemen yang tidak ada").contains("SequenceFlow_Nowhere");
  }

  @Test
  void aFormLackingAFieldTheStepTakesIsFound() {
    Map<String, byte[]> files = files(UnaryOperator.identity());
    files.put("forms/set-new-passphrase.form", new String(files.get("forms/set-new-passphrase.form"), StandardCharsets.UTF_8)
        .replace("\"key\": \"agreementAccepted\"", "\"key\": \"agreement\"").getBytes(StandardCharsets.UTF_8));

    assertThat(rules.check(DIAGRAM, files, id -> Optional.empty())).extracting(Refusal::toString).containsExactly(
        "forms/set-new-passphrase.form, elemen Task_SetNewPassphrase: formulir mengirim isian 'agreement', yang tidak "
            + "diterima server untuk langkah ini (process/SopForms)",
        "forms/set-new-passphrase.form, elemen Task_SetNewPassphrase: formulir tidak memuat isian 'agreementAccepted' "
            + "(Perjanjian pemilik sertifikat elektronik) yang diterima server untuk langkah ini");
  }

  private List<Refusal> check(UnaryOperator<String> change) {
    return rules.check(DIAGRAM, files(change), id -> Optional.empty());
  }

  private static Map<String, byte[]> files(UnaryOperator<String> change) {
    Map<String, byte[]> files = new LinkedHashMap<>(new ProcessDeployer(new PathMatchingResourcePatternResolver())
        .readResources());
    files.put(DIAGRAM, change.apply(new String(files.get(DIAGRAM), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    return files;
  }
}

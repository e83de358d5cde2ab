package id.go.kapuaskab.lupapassphrase.deployment;

import id.go.kapuaskab.lupapassphrase.process.AmsRetry;
import id.go.kapuaskab.lupapassphrase.process.FormField;
import id.go.kapuaskab.lupapassphrase.process.FormFields;
import id.go.kapuaskab.lupapassphrase.process.FormFiles;
import id.go.kapuaskab.lupapassphrase.process.FormFiles.SentField;
import id.go.kapuaskab.lupapassphrase.process.SopStep;
import id.go.kapuaskab.lupapassphrase.process.TaskProperties;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.xml.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What the SOP's diagram must hold to run on this server, checked on a whole deployment (the diagram
 * with the forms it will use): every form a task or start event names is there, each sends exactly
 * what the server accepts for that step (process/SopForms), timers can be read, each SOP step has its
 * standard-time timer, each AMS call its retry cycle, and expressions name only the beans the diagram
 * may reach; and the diagram passes the Camunda Modeler's own lint, as the build runs it ({@link ModelerLint}).
 * The same rules every deployment meets (SopDeployments) and the files of bpmn/ and forms/ meet in the
 * build (DiagramRulesTest). Each rule broken is one {@link Refusal}, in Bahasa Indonesia.
 * <p>A lint warning (or info) does not refuse: {@code ./mvnw verify} passes with it, so the server does
 * too, and logs it for whoever reads the deployment's log.
 */
public final class DiagramRules {

  private static final Logger LOG = LoggerFactory.getLogger(DiagramRules.class);

  /** The forms of a deployment by the name the diagram uses for them (forms/x.html, forms/x.form). */
  public static final String FORMS_FOLDER = "forms/";
  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final String BINDING_DEPLOYMENT = "deployment";
  /** An expression of the engine's language in an attribute or a text. */
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
  /** A name an expression starts from: not after a dot, not a number. */
  private static final Pattern ROOT = Pattern.compile("(?<![\\w.$])\\s*([A-Za-z_][A-Za-z0-9_]*)");
  private static final Set<String> EL_WORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true",
      "false", "null", "empty", "div", "mod", "instanceof");

  private final FormFields formFields;
  private final BeanNames beans;

  public DiagramRules(FormFields formFields, BeanNames beans) {
    this.formFields = formFields;
    this.beans = beans;
  }

  /**
   * Checks the diagram file against the deployment it comes in.
   *
   * @param file the diagram's resource name
   * @param resources every file of the deployment by resource name, the diagram included
   * @param deployedCamundaForm the latest deployed Camunda Form of an id (JSON), for a formRef bound "latest"
   */
  public List<Refusal> check(String file, Map<String, byte[]> resources,
      Function<String, Optional<String>> deployedCamundaForm) {
    List<Refusal> refusals = new ArrayList<>();
    BpmnModelInstance diagram;
    try {
      diagram = Bpmn.readModelFromStream(new ByteArrayInputStream(resources.get(file)));
    } catch (RuntimeException e) {
      return List.of(new Refusal(file, null, "bukan diagram BPMN yang dapat dibaca (" + e.getMessage() + ")"));
    }
    checkLint(file, diagram, refusals);
    Forms forms = new Forms(resources, deployedCamundaForm);
    for (UserTask task : diagram.getModelElementsByType(UserTask.class)) {
      checkForm(file, task, task.getCamundaFormKey(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), true,
          forms, refusals);
      checkSopStep(file, diagram, task, refusals);
    }
    for (StartEvent start : diagram.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormKey() != null || start.getCamundaFormRef() != null) {
        checkForm(file, start, start.getCamundaFormKey(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(),
            false, forms, refusals);
      }
    }
    diagram.getModelElementsByType(TimerEventDefinition.class).forEach(timer -> checkTimer(file, timer, refusals));
    diagram.getModelElementsByType(ServiceTask.class).forEach(task -> checkAmsCall(file, task, refusals));
    checkExpressions(file, resources.get(file), refusals);
    return refusals;
  }

  private static void checkLint(String file, BpmnModelInstance diagram, List<Refusal> refusals) {
    List<ModelerLint.Finding> findings;
    try {
      findings = ModelerLint.lint(diagram);
    } catch (ModelException e) {
      // a reference to an id the file lacks, which bpmnlint reports as an import error ("unresolved reference")
      refusals.add(new Refusal(file, null, "lint Modeler: diagram merujuk elemen yang tidak ada (" + e.getMessage() + ")"));
      return;
    }
    for (ModelerLint.Finding finding : findings) {
      if (finding.level() == ModelerLint.Level.ERROR) {
        refusals.add(new Refusal(file, finding.element(), "aturan lint Modeler " + finding.rule() + ": "
            + finding.message()));
      } else {
        LOG.warn("{}, element {}: Modeler lint {} ({}): {}", file, finding.element(), finding.rule(),
            finding.level(), finding.message());
      }
    }
  }

  private void checkForm(String file, FlowElement element, String formKey, String formRef, String binding,
      boolean required, Forms forms, List<Refusal> refusals) {
    Optional<List<FormField>> declared = formFields.of(element.getId());
    if (formKey == null && formRef == null) {
      if (required || declared.isPresent()) {
        refusals.add(new Refusal(file, element.getId(), "tidak menyebut formulir (Form key atau Form reference)"));
      }
      return;
    }
    if (declared.isEmpty()) {
      refusals.add(new Refusal(file, element.getId(), "server tidak mengenal formulir langkah ini: isian yang boleh "
          + "dikirim setiap langkah dinyatakan di process/SopForms"));
      return;
    }
    String formName = formKey != null ? formKey : formRef;
    Optional<FormFile> form;
    try {
      form = formKey != null ? forms.embedded(formKey) : forms.camunda(formRef, BINDING_DEPLOYMENT.equals(binding));
    } catch (RuntimeException e) {
      refusals.add(new Refusal(file, element.getId(), "formulir '" + formName + "' tidak dapat dibaca ("
          + e.getMessage() + ")"));
      return;
    }
    if (form.isEmpty()) {
      refusals.add(new Refusal(file, element.getId(), "formulir '" + formName + "' tidak ada di deployment ini "
          + (formKey != null || BINDING_DEPLOYMENT.equals(binding) ? "" : "dan belum pernah dipasang ")
          + "(sertakan berkasnya dari folder forms/)"));
      return;
    }
    compareFields(form.get().name(), element.getId(), declared.get(), form.get().fields(), refusals);
  }

  /** What the form sends against what the server accepts for the element; the refusals name the form's file. */
  private static void compareFields(String file, String element, List<FormField> declared,
      Map<String, SentField> sent, List<Refusal> refusals) {
    for (SentField field : sent.values()) {
      Optional<FormField> accepted = declared.stream().filter(d -> d.name().equals(field.name())).findFirst();
      if (accepted.isEmpty()) {
        refusals.add(new Refusal(file, element, "formulir mengirim isian '" + field.name()
            + "', yang tidak diterima server untuk langkah ini (process/SopForms)"));
      } else if (!field.matches(accepted.get())) {
        FormField d = accepted.get();
        refusals.add(new Refusal(file, element, "isian '" + field.name() + "' berbeda dari yang diterima server: " + describe(field.kind(), field.maxLength()) + " di formulir, "
            + describe(d.kind(), d.maxLength()) + " di server"));
      }
    }
    for (FormField field : declared) {
      if (!sent.containsKey(field.name())) {
        refusals.add(new Refusal(file, element, "formulir tidak memuat isian '" + field.name()
            + "' (" + field.label() + ") yang diterima server untuk langkah ini"));
      }
    }
  }

  private static String describe(FormField.Kind kind, int maxLength) {
    return switch (kind) {
      case TEXT -> "teks paling panjang " + maxLength;
      case FLAG -> "ya/tidak";
      case FILE -> "berkas";
    };
  }

  private static void checkSopStep(String file, BpmnModelInstance diagram, UserTask task, List<Refusal> refusals) {
    Optional<String> number = TaskProperties.of(task, TaskProperties.SOP_STEP);
    if (number.isEmpty()) {
      return;
    }
    if (!number.get().matches("[1-9][0-9]{0,2}")) {
      refusals.add(new Refusal(file, task.getId(), "properti " + TaskProperties.SOP_STEP + " harus nomor langkah SOP, "
          + "bukan '" + number.get() + "'"));
      return;
    }
    try {
      SopStep.byTask(diagram, task.getId());
    } catch (IllegalStateException e) {
      refusals.add(new Refusal(file, task.getId(), "langkah SOP " + number.get() + " tanpa waktu baku: beri tugas ini "
          + "timer non-interupsi yang alurnya berakhir pada end event eskalasi"));
    } catch (RuntimeException e) {
      refusals.add(new Refusal(file, task.getId(), "waktu baku langkah SOP " + number.get()
          + " harus durasi ISO 8601 seperti PT5M"));
    }
  }

  private static void checkTimer(String file, TimerEventDefinition timer, List<Refusal> refusals) {
    String element = ((BaseElement) timer.getParentElement()).getId();
    String value;
    try {
      if (timer.getTimeDuration() != null) {
        value = timer.getTimeDuration().getTextContent().trim();
        if (!isExpression(value)) {
          new DurationHelper(value);
        }
      } else if (timer.getTimeCycle() != null) {
        value = timer.getTimeCycle().getTextContent().trim();
        if (!isExpression(value) && value.startsWith("R")) {
          new DurationHelper(value);
        }
      } else if (timer.getTimeDate() != null) {
        value = timer.getTimeDate().getTextContent().trim();
        if (!isExpression(value)) {
          parseDate(value);
        }
      } else {
        refusals.add(new Refusal(file, element, "timer tanpa durasi, tanggal atau siklus"));
      }
    } catch (Exception e) {
      refusals.add(new Refusal(file, element, "waktu timer tidak dapat dibaca: tulis durasi ISO 8601 seperti PT5M "
          + "atau P1D"));
    }
  }

  private static void parseDate(String value) {
    try {
      OffsetDateTime.parse(value);
    } catch (RuntimeException e) {
      LocalDateTime.parse(value);
    }
  }

  private static boolean isExpression(String value) {
    return value.contains("${") || value.contains("#{");
  }

  private static void checkAmsCall(String file, ServiceTask task, List<Refusal> refusals) {
    String delegate = task.getCamundaDelegateExpression();
    if (delegate == null || AmsRetry.AMS_CALLS.stream().noneMatch(bean -> delegate.equals("${" + bean + "}"))) {
      return;
    }
    if (!task.isCamundaAsyncBefore()) {
      refusals.add(new Refusal(file, task.getId(), "panggilan AMS harus berjalan sendiri: centang Asynchronous before"));
    }
    CamundaFailedJobRetryTimeCycle cycle = task.getExtensionElements() == null ? null
        : task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class).list()
            .stream().findFirst().orElse(null);
    if (cycle == null || !AmsRetry.EXPRESSION.equals(cycle.getTextContent().trim())) {
      refusals.add(new Refusal(file, task.getId(), "panggilan AMS harus memakai Retry time cycle " + AmsRetry.EXPRESSION));
    }
  }

  /** Every expression, in any attribute or text of the file, names only beans the diagram may reach. */
  private void checkExpressions(String file, byte[] xml, List<Refusal> refusals) {
    Element root;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
    } catch (Exception e) {
      refusals.add(new Refusal(file, null, "bukan XML yang dapat dibaca"));
      return;
    }
    Set<String> reported = new TreeSet<>();
    walk(file, root, null, reported, refusals);
  }

  private void walk(String file, Node node, String elementId, Set<String> reported, List<Refusal> refusals) {
    if (node instanceof Element element) {
      if (element.hasAttribute("id")) {
        elementId = element.getAttribute("id");
      }
      NamedNodeMap attributes = element.getAttributes();
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr attribute = (Attr) attributes.item(i);
        boolean delegate = CAMUNDA_NS.equals(attribute.getNamespaceURI())
            && "delegateExpression".equals(attribute.getLocalName());
        checkText(file, elementId, attribute.getValue(), delegate, reported, refusals);
        if (CAMUNDA_NS.equals(attribute.getNamespaceURI()) && "class".equals(attribute.getLocalName())) {
          refusals.add(new Refusal(file, elementId, "kelas Java (camunda:class) tidak boleh disebut diagram: pakai "
              + "Delegate expression dengan bean yang disediakan server"));
        }
      }
      // a script task or listener, a script from a file, a condition written in a script language
      if ("script".equals(element.getLocalName()) || element.hasAttribute("scriptFormat")
          || element.hasAttributeNS(CAMUNDA_NS, "resource") || element.hasAttribute("language")) {
        refusals.add(new Refusal(file, elementId, "diagram tidak boleh memuat skrip"));
      }
    } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
      checkText(file, elementId, node.getNodeValue(), false, reported, refusals);
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      walk(file, child, elementId, reported, refusals);
    }
  }

  private void checkText(String file, String elementId, String text, boolean delegate, Set<String> reported,
      List<Refusal> refusals) {
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      Matcher root = ROOT.matcher(QUOTED.matcher(expression.group(1)).replaceAll("''"));
      boolean first = true;
      while (root.find()) {
        String name = root.group(1);
        if (EL_WORDS.contains(name)) {
          continue;
        }
        boolean unreachable = beans.isBean().test(name) && !beans.reachable().contains(name);
        boolean notADelegate = delegate && first && !beans.reachable().contains(name);
        if ((unreachable || notADelegate) && reported.add(elementId + "/" + name)) {
          refusals.add(new Refusal(file, elementId, "ekspresi menyebut '" + name + "', yang bukan bean yang boleh "
              + "dijangkau diagram (yang boleh: " + String.join(", ", new TreeSet<>(beans.reachable())) + ")"));
        }
        first = false;
      }
    }
  }

  /** A form as a file of the deployment: its name and what it sends. */
  private record FormFile(String name, Map<String, SentField> fields) {
  }

  /** The forms a deployment offers the diagram. */
  private static final class Forms {

    private final Map<String, byte[]> resources;
    private final Function<String, Optional<String>> deployedCamundaForm;

    Forms(Map<String, byte[]> resources, Function<String, Optional<String>> deployedCamundaForm) {
      this.resources = resources;
      this.deployedCamundaForm = deployedCamundaForm;
    }

    Optional<FormFile> embedded(String formKey) {
      if (!formKey.startsWith(FormFiles.EMBEDDED_DEPLOYMENT)) {
        throw new IllegalArgumentException("Form key harus " + FormFiles.EMBEDDED_DEPLOYMENT + "forms/…, bukan '"
            + formKey + "'");
      }
      String name = formKey.substring(FormFiles.EMBEDDED_DEPLOYMENT.length());
      return Optional.ofNullable(resources.get(name))
          .map(bytes -> new FormFile(name, FormFiles.ofHtml(new String(bytes, StandardCharsets.UTF_8))));
    }

    Optional<FormFile> camunda(String id, boolean thisDeploymentOnly) {
      for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
        String json = new String(resource.getValue(), StandardCharsets.UTF_8);
        if (resource.getKey().endsWith(".form") && FormFiles.camundaFormId(json).filter(id::equals).isPresent()) {
          return Optional.of(new FormFile(resource.getKey(), FormFiles.ofCamundaForm(json)));
        }
      }
      return thisDeploymentOnly ? Optional.empty()
          : deployedCamundaForm.apply(id).map(json -> new FormFile(id + " (terpasang)", FormFiles.ofCamundaForm(json)));
    }
  }
}

package id.go.kapuaskab.lupapassphrase.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.CompensateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.DataObject;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Error;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.LaneSet;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.RootElement;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The Camunda Modeler's lint as {@code ./mvnw verify} runs it on bpmn/ (src/lint/.bpmnlintrc: bpmnlint's
 * "recommended" rules and its "conditional-event", and camunda-compat for Camunda 7.24), ported to Java so
 * the server lints what it is sent without Node. Each rule keeps bpmnlint's name, level and element, so
 * a refusal names what {@code sh src/lint/lint.sh} prints for the same file (the Modeler's problems panel
 * shows a part of these rules); ModelerLintParityTest runs bpmnlint itself on the same diagrams and compares.
 * <p>Two rules are left out, as neither can matter for a diagram Camunda 7 runs:
 * {@code no-overlapping-elements} (a warning that two shapes are drawn over one another: layout only,
 * nothing the engine reads) and {@code ad-hoc-sub-process} (Camunda 7 has no ad-hoc sub-process: its
 * model API does not know the element and its engine ignores it as an unsupported activity).
 */
final class ModelerLint {

  /** A rule's level in the lint's configuration: an error fails the build and refuses a deployment. */
  enum Level { ERROR, WARNING, INFO }

  /**
   * One problem the lint finds.
   *
   * @param rule the rule's name as bpmnlint prints it ("label-required", "camunda-compat/history-time-to-live")
   * @param element the id of the element it is on
   * @param message what is wrong, in Bahasa Indonesia
   */
  record Finding(String rule, String element, Level level, String message) {
  }

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Map<String, Level> LEVELS = levels();

  private final BpmnModelInstance diagram;
  private final List<Finding> findings = new ArrayList<>();

  private ModelerLint(BpmnModelInstance diagram) {
    this.diagram = diagram;
  }

  /** Every problem the Modeler's lint finds in the diagram. */
  static List<Finding> lint(BpmnModelInstance diagram) {
    ModelerLint lint = new ModelerLint(diagram);
    lint.run();
    return List.copyOf(lint.findings);
  }

  private static Map<String, Level> levels() {
    Map<String, Level> levels = new LinkedHashMap<>();
    Stream.of("conditional-event", "conditional-flows", "end-event-required", "event-based-gateway",
        "event-sub-process-typed-start-event", "label-required", "link-event", "no-bpmndi", "no-complex-gateway",
        "no-disconnected", "no-duplicate-sequence-flows", "no-gateway-join-fork", "no-implicit-split",
        "no-implicit-end", "no-implicit-start", "single-blank-start-event", "single-event-definition",
        "start-event-required", "sub-process-blank-start-event").forEach(rule -> levels.put(rule, Level.ERROR));
    Stream.of("fake-join", "global", "no-inclusive-gateway", "superfluous-gateway", "superfluous-label",
        "superfluous-termination").forEach(rule -> levels.put(rule, Level.WARNING));
    levels.put("camunda-compat/history-time-to-live", Level.INFO);
    return levels;
  }

  private void report(String rule, BaseElement element, String message) {
    findings.add(new Finding(rule, element.getId(), LEVELS.get(rule), message));
  }

  private void run() {
    for (FlowNode node : all(FlowNode.class)) {
      checkFlowNode(node);
    }
    for (Process process : all(Process.class)) {
      checkContainer(process, "Proses", process.getFlowElements());
      checkHistoryTimeToLive(process);
    }
    for (SubProcess subProcess : all(SubProcess.class)) {
      checkContainer(subProcess, "Subproses", subProcess.getFlowElements());
      checkSubProcessStarts(subProcess);
    }
    checkSequenceFlows();
    checkLabels();
    checkGlobals();
    checkDiagramInterchange();
  }

  // flow nodes: how they connect ////////////////////////////////////////////////////////////////////

  private void checkFlowNode(FlowNode node) {
    int incoming = node.getIncoming().size();
    int outgoing = node.getOutgoing().size();
    boolean activityOrEvent = node instanceof Activity || node instanceof Event;
    if (activityOrEvent && incoming > 1) {
      report("fake-join", node, "beberapa alur masuk tanpa gateway yang menggabungkannya");
    }
    if (activityOrEvent && node.getOutgoing().stream().filter(flow -> !isConditional(flow) && !isDefault(node, flow))
        .count() > 1) {
      report("no-implicit-split", node, "alur bercabang tanpa gateway");
    }
    if ((node instanceof Task || node instanceof Gateway || node instanceof SubProcess || node instanceof Event)
        && !isEventSubProcess(node) && !isCompensationLinked(node) && incoming == 0 && outgoing == 0) {
      report("no-disconnected", node, "elemen tidak tersambung ke alur mana pun");
    }
    if (isImplicitStart(node)) {
      report("no-implicit-start", node, "elemen tanpa alur masuk: mulailah dari start event");
    }
    if (isImplicitEnd(node)) {
      report("no-implicit-end", node, "elemen tanpa alur keluar: akhiri dengan end event");
    }
    if (node instanceof Gateway) {
      checkGateway((Gateway) node, incoming, outgoing);
    }
    if (node instanceof Event) {
      checkEvent((Event) node);
    }
    if (isConditionalForking(node)) {
      node.getOutgoing().stream().filter(flow -> !isConditional(flow) && !isDefault(node, flow))
          .forEach(flow -> report("conditional-flows", flow, "alur keluar dari percabangan bersyarat tanpa syarat "
              + "(Condition) dan bukan alur default"));
    }
  }

  private void checkGateway(Gateway gateway, int incoming, int outgoing) {
    if (incoming > 1 && outgoing > 1) {
      report("no-gateway-join-fork", gateway, "gateway menggabungkan sekaligus mencabangkan alur: pakai dua gateway");
    }
    if (incoming == 1 && outgoing == 1) {
      report("superfluous-gateway", gateway, "gateway berlebih: hanya satu alur masuk dan satu alur keluar");
    }
    if (gateway instanceof ComplexGateway) {
      report("no-complex-gateway", gateway, "complex gateway tidak dianjurkan (Camunda 7 tidak menjalankannya)");
    }
    if (gateway instanceof InclusiveGateway) {
      report("no-inclusive-gateway", gateway, "inclusive gateway tidak dianjurkan");
    }
    if (gateway instanceof EventBasedGateway) {
      if (outgoing < 2) {
        report("event-based-gateway", gateway, "event-based gateway harus punya paling sedikit 2 alur keluar");
      }
      gateway.getOutgoing().stream().filter(ModelerLint::isConditional).forEach(flow -> report("event-based-gateway",
          flow, "alur keluar dari event-based gateway tidak boleh bersyarat"));
    }
  }

  private void checkEvent(Event event) {
    Collection<EventDefinition> definitions = eventDefinitions(event);
    if (definitions.size() > 1) {
      report("single-event-definition", event, "event dengan lebih dari satu definisi event");
    }
    ConditionalEventDefinition conditional = definitions.stream().filter(ConditionalEventDefinition.class::isInstance)
        .map(ConditionalEventDefinition.class::cast).findFirst().orElse(null);
    if (conditional != null && isInExecutableProcess(event)
        && (conditional.getCondition() == null || conditional.getCondition().getTextContent().isEmpty())) {
      report("conditional-event", event, "conditional event tanpa syarat (Condition)");
    }
  }

  private static boolean isImplicitStart(FlowNode node) {
    if (!(node instanceof Event || node instanceof Activity || node instanceof Gateway)
        || node instanceof Activity && ((Activity) node).isForCompensation() || isEventSubProcess(node)
        || node instanceof IntermediateCatchEvent && isLinkEvent((Event) node)
        || node instanceof StartEvent || node instanceof BoundaryEvent) {
      return false;
    }
    return node.getIncoming().isEmpty();
  }

  private boolean isImplicitEnd(FlowNode node) {
    if (!(node instanceof Event || node instanceof Activity || node instanceof Gateway) || isEventSubProcess(node)
        || node instanceof IntermediateThrowEvent && isLinkEvent((Event) node) || node instanceof EndEvent
        || node instanceof BoundaryEvent && isOnly(node, CompensateEventDefinition.class) && hasAssociation(node)
        || node instanceof Activity && ((Activity) node).isForCompensation()) {
      return false;
    }
    return node.getOutgoing().isEmpty();
  }

  /** A compensation boundary event the process's associations start from (to its compensation activity). */
  private boolean hasAssociation(FlowNode node) {
    ModelElementInstance process = node.getParentElement();
    while (process != null && !(process instanceof Process)) {
      process = process.getParentElement();
    }
    return process != null && ((Process) process).getArtifacts().stream()
        .anyMatch(artifact -> node.getId().equals(artifact.getAttributeValue("sourceRef")));
  }

  private static boolean isCompensationLinked(FlowNode node) {
    boolean boundary = node instanceof BoundaryEvent && eventDefinitions((Event) node).size() == 1
        && eventDefinitions((Event) node).iterator().next() instanceof CompensateEventDefinition;
    return boundary || node instanceof Activity && ((Activity) node).isForCompensation();
  }

  private static boolean isConditionalForking(FlowNode node) {
    return node.getAttributeValue("default") != null || node.getOutgoing().stream().anyMatch(ModelerLint::isConditional);
  }

  // processes and sub-processes ///////////////////////////////////////////////////////////////////////

  private void checkContainer(BaseElement container, String kind, Collection<FlowElement> elements) {
    List<StartEvent> blankStarts = elements.stream().filter(StartEvent.class::isInstance).map(StartEvent.class::cast)
        .filter(start -> start.getEventDefinitions().isEmpty()).toList();
    if (blankStarts.size() > 1) {
      report("single-blank-start-event", container, kind + " dengan lebih dari satu start event tanpa jenis");
    }
    if (elements.stream().noneMatch(StartEvent.class::isInstance)) {
      report("start-event-required", container, kind + " tanpa start event");
    }
    if (elements.stream().noneMatch(EndEvent.class::isInstance)) {
      report("end-event-required", container, kind + " tanpa end event");
    }
    checkLinks(elements);
    checkTermination(elements);
  }

  private void checkSubProcessStarts(SubProcess subProcess) {
    for (FlowElement element : subProcess.getFlowElements()) {
      if (!(element instanceof StartEvent start)) {
        continue;
      }
      if (subProcess.triggeredByEvent() && start.getEventDefinitions().isEmpty()) {
        report("event-sub-process-typed-start-event", start, "start event subproses peristiwa harus berjenis "
            + "(timer, pesan, sinyal, galat, eskalasi, kondisi)");
      }
      if (!subProcess.triggeredByEvent() && !start.getEventDefinitions().isEmpty()) {
        report("sub-process-blank-start-event", start, "start event subproses harus tanpa jenis");
      }
    }
  }

  private void checkLinks(Collection<FlowElement> elements) {
    Map<String, List<Event>> byName = new LinkedHashMap<>();
    for (FlowElement element : elements) {
      if (!(element instanceof Event event)
          || eventDefinitions(event).stream().noneMatch(LinkEventDefinition.class::isInstance)) {
        continue;
      }
      String name = eventDefinitions(event).stream().filter(LinkEventDefinition.class::isInstance).findFirst()
          .map(definition -> ((LinkEventDefinition) definition).getName()).orElse(null);
      if (name == null || name.isEmpty()) {
        report("link-event", event, "link event tanpa nama link");
      }
      // bpmnlint groups unnamed links under "_", and checks that group like a name
      byName.computeIfAbsent(name == null || name.isEmpty() ? "_" : name, key -> new ArrayList<>()).add(event);
    }
    byName.forEach((name, events) -> {
      if (events.size() == 1) {
        Event event = events.get(0);
        report("link-event", event, "pasangan link " + (event instanceof ThrowEvent ? "catch" : "throw")
            + " event bernama " + name + " tidak ada di lingkup ini");
        return;
      }
      List<Event> catches = events.stream().filter(CatchEvent.class::isInstance).toList();
      if (catches.size() > 1) {
        catches.forEach(event -> report("link-event", event, "link catch event bernama " + name
            + " lebih dari satu di lingkup ini"));
      } else if (catches.isEmpty()) {
        events.forEach(event -> report("link-event", event, "link catch event bernama " + name
            + " tidak ada di lingkup ini"));
      }
    });
  }

  private void checkTermination(Collection<FlowElement> elements) {
    List<FlowNode> ends = elements.stream().filter(FlowNode.class::isInstance).map(FlowNode.class::cast)
        .filter(node -> node.getOutgoing().isEmpty()).toList();
    List<FlowNode> terminates = ends.stream().filter(ModelerLint::isTerminateEnd).toList();
    if (terminates.size() == 1 && ends.stream().allMatch(end -> isTerminateEnd(end) || isInterruptingEventSub(end))) {
      report("superfluous-termination", terminates.get(0), "terminate end event berlebih: tidak ada alur lain "
          + "yang perlu dihentikan");
    }
  }

  private static boolean isTerminateEnd(FlowNode node) {
    return node instanceof EndEvent end
        && end.getEventDefinitions().stream().anyMatch(TerminateEventDefinition.class::isInstance);
  }

  private static boolean isInterruptingEventSub(FlowNode node) {
    return isEventSubProcess(node) && ((SubProcess) node).getFlowElements().stream()
        .anyMatch(element -> element instanceof StartEvent start && start.isInterrupting());
  }

  private void checkHistoryTimeToLive(Process process) {
    String ttl = process.getAttributeValueNs(CAMUNDA_NS, "historyTimeToLive");
    if (process.isExecutable() && (ttl == null || ttl.isEmpty())) {
      report("camunda-compat/history-time-to-live", process, "proses tanpa History time to live");
    }
  }

  // sequence flows and names /////////////////////////////////////////////////////////////////////////

  private void checkSequenceFlows() {
    Set<String> keys = new HashSet<>();
    Set<String> outgoingReported = new HashSet<>();
    Set<String> incomingReported = new HashSet<>();
    for (SequenceFlow flow : all(SequenceFlow.class)) {
      String source = Objects.requireNonNullElse(flow.getAttributeValue("sourceRef"), flow.getId());
      String target = Objects.requireNonNullElse(flow.getAttributeValue("targetRef"), flow.getId());
      String condition = isConditional(flow) ? flow.getConditionExpression().getTextContent() : "";
      if (!keys.add(source + "#" + target + "#" + condition)) {
        report("no-duplicate-sequence-flows", flow, "alur ganda: alur lain sudah menghubungkan kedua elemen ini");
        if (outgoingReported.add(source)) {
          findings.add(new Finding("no-duplicate-sequence-flows", source, Level.ERROR, "alur keluar ganda"));
        }
        if (incomingReported.add(target)) {
          findings.add(new Finding("no-duplicate-sequence-flows", target, Level.ERROR, "alur masuk ganda"));
        }
      }
      checkSuperfluousLabel(flow);
    }
  }

  private void checkSuperfluousLabel(SequenceFlow flow) {
    if (isBlank(flow.getName()) || isConditional(flow)) {
      return;
    }
    FlowNode source = flow.getSource();
    boolean decision = (source instanceof ExclusiveGateway || source instanceof InclusiveGateway)
        && source.getOutgoing().size() > 1;
    if (source == null || !isDefault(source, flow) && !decision) {
      report("superfluous-label", flow, "label alur berlebih: alur ini tanpa syarat dan bukan cabang keputusan");
    }
  }

  private void checkLabels() {
    String missing = "elemen tanpa nama/label";
    for (FlowNode node : all(FlowNode.class)) {
      boolean joiningGateway = node instanceof Gateway && node.getOutgoing().size() <= 1;
      if (!(node instanceof ParallelGateway || node instanceof EventBasedGateway || joiningGateway
          || node instanceof SubProcess) && isBlank(node.getName())) {
        report("label-required", node, missing);
      }
    }
    all(SequenceFlow.class).stream().filter(flow -> isConditional(flow) && isBlank(flow.getName()))
        .forEach(flow -> report("label-required", flow, missing));
    all(Participant.class).stream().filter(participant -> isBlank(participant.getName()))
        .forEach(participant -> report("label-required", participant, missing));
    all(Lane.class).stream().filter(lane -> isBlank(lane.getName())).forEach(lane -> report("label-required", lane,
        missing));
  }

  /**
   * Errors, escalations, messages and signals: each named, each used, no two of a kind with one name. As in
   * bpmnlint, a name left out counts as given; only an empty one is missing.
   */
  private void checkGlobals() {
    Definitions definitions = diagram.getDefinitions();
    List<RootElement> globals = definitions.getRootElements().stream().filter(element -> element instanceof Error
        || element instanceof Escalation || element instanceof Message || element instanceof Signal).toList();
    Set<String> used = new HashSet<>();
    all(ErrorEventDefinition.class).forEach(definition -> used.add("error:" + definition.getAttributeValue("errorRef")));
    all(EscalationEventDefinition.class)
        .forEach(definition -> used.add("escalation:" + definition.getAttributeValue("escalationRef")));
    all(SignalEventDefinition.class).forEach(definition -> used.add("signal:" + definition.getAttributeValue("signalRef")));
    Stream.of(all(MessageEventDefinition.class), all(MessageFlow.class), all(ReceiveTask.class), all(SendTask.class))
        .flatMap(Collection::stream).forEach(element -> used.add("message:" + element.getAttributeValue("messageRef")));
    for (RootElement global : globals) {
      String name = global.getAttributeValue("name");
      if (name != null && name.trim().isEmpty()) {
        report("global", global, "elemen global tanpa nama");
      }
      if (!used.contains(kind(global) + ":" + global.getId())) {
        report("global", global, "elemen global tidak dipakai");
      }
      if (globals.stream().filter(other -> other.getClass() == global.getClass()
          && Objects.equals(name, other.getAttributeValue("name"))).count() > 1) {
        report("global", global, "nama elemen global tidak unik");
      }
    }
  }

  private static String kind(RootElement global) {
    return global instanceof Error ? "error" : global instanceof Escalation ? "escalation"
        : global instanceof Message ? "message" : "signal";
  }

  // diagram interchange ///////////////////////////////////////////////////////////////////////////////

  /** Every element the Modeler draws is drawn: it has a shape or an edge in the diagram. */
  private void checkDiagramInterchange() {
    Set<String> drawn = new HashSet<>();
    Stream.concat(all(BpmnShape.class).stream(), all(BpmnEdge.class).stream())
        .forEach(element -> drawn.add(element.getAttributeValue("bpmnElement")));
    List<BaseElement> visible = new ArrayList<>();
    for (RootElement root : diagram.getDefinitions().getRootElements()) {
      addVisible(root, visible);
    }
    visible.stream().filter(element -> !(element instanceof DataObject) && !drawn.contains(element.getId()))
        .forEach(element -> report("no-bpmndi", element, "elemen tidak tergambar di diagram (tanpa BPMNDI)"));
  }

  /** What bpmnlint counts as drawn in a container: its flow elements, deeper ones, pools, artifacts, lanes, message flows. */
  private static void addVisible(BaseElement container, List<BaseElement> visible) {
    Collection<FlowElement> elements = container instanceof Process process ? process.getFlowElements()
        : container instanceof SubProcess subProcess ? subProcess.getFlowElements() : List.of();
    visible.addAll(elements);
    elements.stream().filter(SubProcess.class::isInstance).forEach(subProcess -> addVisible(subProcess, visible));
    if (container instanceof Collaboration collaboration) {
      visible.addAll(collaboration.getParticipants());
      visible.addAll(collaboration.getArtifacts());
      visible.addAll(collaboration.getMessageFlows());
    }
    Collection<LaneSet> laneSets = List.of();
    if (container instanceof Process process) {
      visible.addAll(process.getArtifacts());
      laneSets = process.getLaneSets();
    } else if (container instanceof SubProcess subProcess) {
      visible.addAll(subProcess.getArtifacts());
      laneSets = subProcess.getLaneSets();
    }
    laneSets.stream().findFirst().ifPresent(laneSet -> addLanes(laneSet.getLanes(), visible));
  }

  private static void addLanes(Collection<Lane> lanes, List<BaseElement> visible) {
    visible.addAll(lanes);
    lanes.stream().filter(lane -> lane.getChildLaneSet() != null)
        .forEach(lane -> addLanes(lane.getChildLaneSet().getLanes(), visible));
  }

  // helpers ///////////////////////////////////////////////////////////////////////////////////////////

  private <T extends ModelElementInstance> Collection<T> all(Class<T> type) {
    return diagram.getModelElementsByType(type);
  }

  private static Collection<EventDefinition> eventDefinitions(Event event) {
    return event instanceof CatchEvent catchEvent ? catchEvent.getEventDefinitions()
        : event instanceof ThrowEvent throwEvent ? throwEvent.getEventDefinitions() : List.of();
  }

  private static boolean isLinkEvent(Event event) {
    return isOnly(event, LinkEventDefinition.class);
  }

  /** An event with definitions, all of one type. */
  private static boolean isOnly(FlowNode event, Class<? extends EventDefinition> type) {
    Collection<EventDefinition> definitions = eventDefinitions((Event) event);
    return !definitions.isEmpty() && definitions.stream().allMatch(type::isInstance);
  }

  private static boolean isEventSubProcess(FlowNode node) {
    return node instanceof SubProcess subProcess && subProcess.triggeredByEvent();
  }

  private static boolean isInExecutableProcess(FlowNode node) {
    ModelElementInstance parent = node.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return parent != null && ((Process) parent).isExecutable();
  }

  private static boolean isConditional(SequenceFlow flow) {
    return flow.getConditionExpression() != null;
  }

  private static boolean isDefault(FlowNode node, SequenceFlow flow) {
    return flow.getId().equals(node.getAttributeValue("default"));
  }

  private static boolean isBlank(String text) {
    return text == null || text.trim().isEmpty();
  }
}

package id.go.kapuaskab.lupapassphrase.process;

import id.go.kapuaskab.lupapassphrase.servicehours.ServiceHours;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BaseDelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Timers whose boundary event says {@value TaskProperties#SERVICE_HOURS} = {@value TaskProperties#YES} in the
 * diagram (Camunda Modeler: the timer's extension properties) run in the office's service hours: their
 * duration is counted by the business calendar {@value ServiceHours#NAME} from the moment the timer is made;
 * every other timer keeps the engine's clock. Camunda 7 picks a timer's calendar by the kind of its
 * definition only, so the choice is read as the diagram is parsed: the marked timer's duration becomes a due
 * date the calendar computes.
 */
public class ServiceTimeTimers extends AbstractProcessEnginePlugin {

  private final ServiceHours hours;

  public ServiceTimeTimers(ServiceHours hours) {
    this.hours = hours;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setBpmnParseFactory(parser -> new ServiceTimeParse(parser, hours));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!(configuration.getBusinessCalendarManager() instanceof MapBusinessCalendarManager calendars)) {
      throw new IllegalStateException("The engine's business calendars take no calendar of the product");
    }
    calendars.addBusinessCalendar(ServiceHours.NAME, hours);
  }

  @Override
  public String toString() {
    return "service-hours timers";
  }

  /** The engine's parse, with the durations of the marked timers counted in service hours. */
  private static final class ServiceTimeParse extends BpmnParse {

    private final ServiceHours hours;
    private final Set<Element> marked = Collections.newSetFromMap(new IdentityHashMap<>());

    ServiceTimeParse(BpmnParser parser, ServiceHours hours) {
      super(parser);
      this.hours = hours;
    }

    @Override
    public void parseBoundaryEvents(Element parentElement, ScopeImpl flowScope) {
      for (Element boundary : parentElement.elements("boundaryEvent")) {
        Element timer = boundary.element("timerEventDefinition");
        String clock = property(boundary);
        if (TaskProperties.YES.equals(clock) && timer != null && timer.element("timeDuration") != null) {
          marked.add(timer);
        } else if (clock != null && !TaskProperties.NO.equals(clock)) {
          addError(TaskProperties.SERVICE_HOURS + " must be '" + TaskProperties.YES + "' or '" + TaskProperties.NO
              + "', and '" + TaskProperties.YES + "' only on a timer with a duration", boundary);
        }
      }
      super.parseBoundaryEvents(parentElement, flowScope);
    }

    @Override
    protected Expression parseExpression(Element parent, String name) {
      Expression expression = super.parseExpression(parent, name);
      return expression != null && "timeDuration".equals(name) && marked.contains(parent)
          ? new InServiceHours(expression, hours) : expression;
    }

    private static String property(Element boundary) {
      Element extensions = boundary.element("extensionElements");
      Element properties = extensions == null ? null : extensions.elementNS(CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
      if (properties == null) {
        return null;
      }
      return properties.elementsNS(CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
          .filter(property -> TaskProperties.SERVICE_HOURS.equals(property.attribute("name")))
          .map(property -> property.attribute("value"))
          .findFirst().orElse(null);
    }
  }

  /** A timer's duration as the due date it reaches in service hours, counted from now. */
  private record InServiceHours(Expression duration, ServiceHours hours) implements Expression {

    @Override
    public Object getValue(VariableScope scope) {
      return dueDate(duration.getValue(scope));
    }

    @Override
    public Object getValue(VariableScope scope, BaseDelegateExecution execution) {
      return dueDate(duration.getValue(scope, execution));
    }

    private Object dueDate(Object value) {
      if (value instanceof String text) {
        return hours.resolveDuedate(text.trim());
      }
      throw new ProcessEngineException("A timer in service hours needs a duration such as PT5M, not " + value);
    }

    @Override
    public void setValue(Object value, VariableScope scope) {
      duration.setValue(value, scope);
    }

    @Override
    public void setValue(Object value, VariableScope scope, BaseDelegateExecution execution) {
      duration.setValue(value, scope, execution);
    }

    @Override
    public String getExpressionText() {
      return duration.getExpressionText();
    }

    @Override
    public boolean isLiteralText() {
      return false;
    }
  }
}

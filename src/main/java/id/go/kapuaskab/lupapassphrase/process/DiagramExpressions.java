package id.go.kapuaskab.lupapassphrase.process;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Member;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * What an expression of the diagram can reach. The Spring starter gives the engine's expressions (and
 * scripts) the whole application context: {@code ${environment.getProperty(...)}} read any secret and
 * {@code ${''.getClass().forName(...)}} led to reflection. Here they reach the beans marked
 * {@link ReachableFromDiagram}, the variables and the engine's own names ({@code execution},
 * {@code task}), and no method or property of the reflection API ({@code getClass}, {@code Class},
 * class loaders, {@code java.lang.reflect}, {@code java.lang.invoke}, threads, processes, the runtime).
 * A diagram naming anything else fails where the expression is evaluated.
 */
public class DiagramExpressions extends AbstractProcessEnginePlugin {

  private final ApplicationContext context;

  public DiagramExpressions(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Map<Object, Object> reachable = new ReachableBeans(context);
    // the scripting engines read the same map, so scripts reach no more than expressions
    configuration.setBeans(reachable);
    configuration.setExpressionManager(new GuardedExpressionManager(context, reachable));
  }

  /**
   * The marked beans by name, looked up when an expression first names one: the engine is built while
   * the application context is still being refreshed, before every bean exists.
   */
  private static final class ReachableBeans extends AbstractMap<Object, Object> {

    private final ApplicationContext context;
    private volatile Set<String> names;

    ReachableBeans(ApplicationContext context) {
      this.context = context;
    }

    private Set<String> names() {
      if (names == null) {
        names = Set.of(context.getBeanNamesForAnnotation(ReachableFromDiagram.class));
      }
      return names;
    }

    @Override
    public boolean containsKey(Object key) {
      return key instanceof String name && names().contains(name);
    }

    @Override
    public Object get(Object key) {
      return containsKey(key) ? context.getBean((String) key) : null;
    }

    @Override
    public Set<Object> keySet() {
      return Set.copyOf(names());
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      Map<Object, Object> beans = new LinkedHashMap<>();
      names().forEach(name -> beans.put(name, context.getBean(name)));
      return beans.entrySet();
    }
  }

  /** Spring's expression manager over the reachable beans, with the bean resolver that refuses reflection. */
  private static final class GuardedExpressionManager extends SpringExpressionManager {

    GuardedExpressionManager(ApplicationContext context, Map<Object, Object> beans) {
      super(context, beans);
    }

    @Override
    protected ELResolver createElResolver() {
      CompositeELResolver resolvers = new CompositeELResolver();
      resolvers.add(new NoReflection());
      resolvers.add(super.createElResolver());
      return resolvers;
    }
  }

  /**
   * Resolves nothing itself: it refuses, before the bean resolver would run it, a method call or a
   * property read on a reflective target, and {@code getClass} / {@code .class} on anything.
   */
  private static final class NoReflection extends BeanELResolver {

    private static final Set<String> CLASS_ACCESS = Set.of("getClass", "class");

    NoReflection() {
      super(true);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      check(base, property);
      return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      check(base, method);
      return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      check(base, property);
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      check(base, property);
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      check(base, property);
      return false;
    }

    private static void check(Object base, Object name) {
      if (base == null) {
        return;
      }
      if (CLASS_ACCESS.contains(String.valueOf(name)) || reflective(base)) {
        throw new ProcessEngineException("Ekspresi tidak boleh memakai refleksi Java ("
            + base.getClass().getSimpleName() + "." + name + ")");
      }
    }

    private static boolean reflective(Object base) {
      String type = base.getClass().getName();
      return base instanceof Class<?> || base instanceof ClassLoader || base instanceof Member
          || base instanceof AccessibleObject || base instanceof Thread || base instanceof Runtime
          || base instanceof ProcessBuilder || base instanceof Process || base instanceof Module
          || type.startsWith("java.lang.reflect.") || type.startsWith("java.lang.invoke.");
    }
  }
}

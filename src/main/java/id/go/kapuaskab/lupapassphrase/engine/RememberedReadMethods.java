package id.go.kapuaskab.lupapassphrase.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;

/**
 * How the engine's SQL mappings read a property of an object (MyBatis's OGNL), with the method found once per
 * class and property name. OGNL remembers getters, but a property read through another method
 * ({@code authCheck.isHistoricInstancePermissionsEnabled}, {@code query.isTenantIdSet}, ...) it looks up again at
 * every reading, lower-casing the name of each of the class's methods: 9 % of a profiled node's samples under
 * load on PostgreSQL, in the conditions of every query and authorization check. The method it finds depends on
 * the class and the name alone, so it is remembered here; which method, and the access check and the field
 * read where there is none, are OGNL's own.
 */
final class RememberedReadMethods extends ObjectPropertyAccessor {

  private static final Object[] NO_ARGUMENTS = {};

  /** OGNL's own choice: the property's getter, or else a method named like the property. */
  private final BiFunction<Class<?>, String, Method> lookUp;
  private final ClassValue<Map<String, Optional<Method>>> methods = new ClassValue<>() {
    @Override
    protected Map<String, Optional<Method>> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  RememberedReadMethods(BiFunction<Class<?>, String, Method> lookUp) {
    this.lookUp = lookUp;
  }

  /** OGNL reads every object's properties through this from now on (lists, maps and arrays keep their own). */
  static void install() {
    OgnlRuntime.setPropertyAccessor(Object.class, new RememberedReadMethods(RememberedReadMethods::ognlsChoice));
  }

  static Method ognlsChoice(Class<?> type, String property) {
    Method getter = OgnlRuntime.getGetMethod(type, property);
    return getter != null ? getter : OgnlRuntime.getReadMethod(type, property, null);
  }

  @Override
  public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
    if (target == null || context.isIgnoreReadMethods()) {
      return super.getPossibleProperty(context, target, name);
    }
    Optional<Method> method = methods.get(target.getClass()).computeIfAbsent(name, property ->
        Optional.ofNullable(lookUp.apply(target.getClass(), property)));
    try {
      if (method.isPresent() && context.getMemberAccess().isAccessible(context, target, method.get(), name)) {
        return OgnlRuntime.invokeMethod(target, method.get(), NO_ARGUMENTS);
      }
      return OgnlRuntime.getFieldValue(context, target, name, true);
    } catch (InvocationTargetException e) {
      throw new OgnlException(name, e.getTargetException());
    } catch (Exception e) {
      throw new OgnlException(name, e);
    }
  }
}

package id.go.kapuaskab.lupapassphrase.security;

import java.lang.reflect.Field;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.query.Query;

/**
 * Finds an expression written into a query anywhere in a command: the command itself when it is a
 * query, a query it carries (a filter's extending query), and the queries those carry (a task query's
 * {@code orQueries}), at any depth. The engine refuses expressions only at the top of an ad-hoc query
 * and evaluates the rest; a caller's value is data, so any expression in what a caller sends is refused
 * before anything runs. Saved filters are not in the command (it names them by id), so the
 * administrator's {@code ${currentUser()}} in a filter keeps working.
 */
final class QueryExpressions {

  private static final ClassValue<List<Field>> CARRIERS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      return carrierFields(type);
    }
  };

  private QueryExpressions() {
  }

  /** The first expression found, named by the query method it was written for. */
  static Optional<String> find(Object command) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Object> pending = new ArrayDeque<>(List.of(command));
    while (!pending.isEmpty()) {
      Object next = pending.pop();
      if (!seen.add(next)) {
        continue;
      }
      if (next instanceof AbstractQuery<?, ?> query && !query.getExpressions().isEmpty()) {
        return Optional.of(query.getExpressions().keySet().iterator().next());
      }
      for (Field field : CARRIERS.get(next.getClass())) {
        addQueries(read(field, next), pending);
      }
    }
    return Optional.empty();
  }

  private static void addQueries(Object value, Deque<Object> pending) {
    if (value instanceof Query<?, ?>) {
      pending.push(value);
    } else if (value instanceof Collection<?> values) {
      values.stream().filter(Query.class::isInstance).forEach(pending::push);
    } else if (value instanceof Object[] values) {
      for (Object element : values) {
        if (element instanceof Query<?, ?>) {
          pending.push(element);
        }
      }
    }
  }

  /** The fields of a type and its superclasses that can hold a query: of a query type, a collection or an array. */
  private static List<Field> carrierFields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
      for (Field field : current.getDeclaredFields()) {
        Class<?> declared = field.getType();
        boolean canHoldQuery = Query.class.isAssignableFrom(declared) || Collection.class.isAssignableFrom(declared)
            || (declared.isArray() && !declared.getComponentType().isPrimitive()) || declared == Object.class;
        if (canHoldQuery && !Modifier.isStatic(field.getModifiers()) && accessible(field)) {
          fields.add(field);
        }
      }
    }
    return List.copyOf(fields);
  }

  private static boolean accessible(Field field) {
    try {
      field.setAccessible(true);
      return true;
    } catch (InaccessibleObjectException | SecurityException e) {
      return false;
    }
  }

  private static Object read(Field field, Object owner) {
    try {
      return field.get(owner);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }
}

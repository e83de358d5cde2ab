package id.go.kapuaskab.lupapassphrase.deployment;

import java.util.Set;
import java.util.function.Predicate;

/**
 * The names an expression of the diagram may and may not reach: the beans marked
 * {@code @ReachableFromDiagram}, and every other bean of the application, which the engine hides from
 * the diagram (process/DiagramExpressions).
 *
 * @param reachable the beans the diagram may name
 * @param isBean whether a name is a bean of the application, reachable or not
 */
public record BeanNames(Set<String> reachable, Predicate<String> isBean) {

  public BeanNames {
    reachable = Set.copyOf(reachable);
  }
}

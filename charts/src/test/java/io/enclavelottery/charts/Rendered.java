package io.enclavelottery.charts;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * What one {@code helm template} produced, parsed: known kinds as fabric8's typed models, the
 * others (ServiceMonitor, PrometheusRule, LotteryRound) as generic resources.
 *
 * @param objects the objects in the order Helm rendered them
 */
record Rendered(List<HasMetadata> objects) {

  Rendered {
    objects = List.copyOf(objects);
  }

  /** The objects of one kind. */
  List<HasMetadata> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.getKind())).toList();
  }

  /** The objects of one typed kind. */
  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The one object of {@code type} whose name ends with {@code suffix}. */
  <T extends HasMetadata> T one(Class<T> type, String suffix) {
    List<T> found =
        all(type).stream().filter(o -> o.getMetadata().getName().endsWith(suffix)).toList();
    if (found.size() != 1) {
      throw new AssertionError(
          "expected one " + type.getSimpleName() + " named *" + suffix + ", found " + found.size());
    }
    return found.get(0);
  }

  /** The object of that kind and name suffix, if rendered. */
  Optional<HasMetadata> find(String kind, String suffix) {
    return ofKind(kind).stream()
        .filter(o -> o.getMetadata().getName().endsWith(suffix))
        .findFirst();
  }
}

package io.enclavelottery.charts;

import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The controller's permissions as a rendered chart grants them, evaluated as the API server's RBAC
 * authorizer would: a ClusterRole bound by a ClusterRoleBinding counts in every namespace, bound by
 * a RoleBinding in that namespace only; a Role in its own namespace.
 */
final class ChartRbac {

  private record Grant(PolicyRule rule, String namespace) {}

  private final List<Grant> grants = new ArrayList<>();

  ChartRbac(Rendered chart) {
    for (ClusterRoleBinding binding : chart.all(ClusterRoleBinding.class)) {
      clusterRole(chart, binding.getRoleRef().getName()).getRules().forEach(r -> add(r, null));
    }
    for (RoleBinding binding : chart.all(RoleBinding.class)) {
      String namespace = binding.getMetadata().getNamespace();
      String roleName = binding.getRoleRef().getName();
      List<PolicyRule> rules =
          "ClusterRole".equals(binding.getRoleRef().getKind())
              ? clusterRole(chart, roleName).getRules()
              : role(chart, roleName, namespace).getRules();
      rules.forEach(r -> add(r, namespace));
    }
  }

  /** Whether the request is allowed. */
  boolean allows(ApiRequest request) {
    return grants.stream()
        .anyMatch(
            g ->
                (g.namespace() == null || g.namespace().equals(request.namespace()))
                    && g.rule().getApiGroups().contains(request.group())
                    && g.rule().getResources().contains(request.resource())
                    && g.rule().getVerbs().contains(request.verb())
                    && (g.rule().getResourceNames() == null
                        || g.rule().getResourceNames().isEmpty()
                        || g.rule().getResourceNames().contains(request.name())));
  }

  /** Every granted (group, resource, verb), as {@link ApiRequest#grant()} writes them. */
  Set<String> grants() {
    Set<String> all = new TreeSet<>();
    for (Grant grant : grants) {
      for (String group : grant.rule().getApiGroups()) {
        for (String resource : grant.rule().getResources()) {
          for (String verb : grant.rule().getVerbs()) {
            all.add(new ApiRequest(verb, group, resource, null, null).grant());
          }
        }
      }
    }
    return all;
  }

  /** Every rule, for checks that span them all (wildcards, Secrets). */
  List<PolicyRule> rules() {
    return grants.stream().map(Grant::rule).toList();
  }

  private void add(PolicyRule rule, String namespace) {
    grants.add(new Grant(rule, namespace));
  }

  private static ClusterRole clusterRole(Rendered chart, String name) {
    return chart.all(ClusterRole.class).stream()
        .filter(r -> r.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("a binding names ClusterRole " + name + ", not rendered"));
  }

  private static Role role(Rendered chart, String name, String namespace) {
    return chart.all(Role.class).stream()
        .filter(r -> r.getMetadata().getName().equals(name))
        .filter(r -> namespace.equals(r.getMetadata().getNamespace()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("a binding names Role " + namespace + "/" + name));
  }
}

package io.enclavelottery.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shape of the chart's RBAC: least privilege whatever the values. */
class ChartRbacTest {

  private static final ApiRequest LEASE_RENEWAL =
      new ApiRequest(
          "patch", "coordination.k8s.io", "leases", Chart.NAMESPACE, "enclave-lottery-operator");

  @Test
  void secretsAreOnlyEverReadByName() {
    for (Rendered chart : List.of(Chart.render(Map.of()), namespaced())) {
      assertThat(new ChartRbac(chart).rules())
          .filteredOn(rule -> rule.getResources().contains("secrets"))
          .isNotEmpty()
          .allSatisfy(rule -> assertThat(rule.getVerbs()).containsExactly("get"));
    }
  }

  @Test
  void noWildcardsAndNothingBeyondTheControllersKinds() {
    assertThat(new ChartRbac(Chart.render(Map.of())).rules())
        .flatExtracting(PolicyRule::getResources)
        .doesNotContain("*")
        .containsOnly(
            "lotteryrounds",
            "lotteryrounds/status",
            "lotteryrounds/finalizers",
            "events",
            "secrets",
            "configmaps",
            "services",
            "deployments",
            "ingresses",
            "networkpolicies",
            "leases");
    assertThat(new ChartRbac(Chart.render(Map.of())).rules())
        .allSatisfy(
            rule -> {
              assertThat(rule.getVerbs()).doesNotContain("*", "escalate", "bind", "impersonate");
              assertThat(rule.getApiGroups()).doesNotContain("*");
            });
  }

  @Test
  void leasesAreGrantedInTheReleaseNamespaceOnlyAndRenewedByName() {
    Rendered chart = Chart.render(Map.of());
    ChartRbac rbac = new ChartRbac(chart);
    assertThat(rbac.allows(LEASE_RENEWAL)).isTrue();
    assertThat(
            rbac.allows(
                new ApiRequest("create", "coordination.k8s.io", "leases", Chart.NAMESPACE, null)))
        .isTrue();
    assertThat(
            rbac.allows(
                new ApiRequest("patch", "coordination.k8s.io", "leases", Chart.NAMESPACE, "other")))
        .isFalse();
    assertThat(
            rbac.allows(
                new ApiRequest(
                    "patch",
                    "coordination.k8s.io",
                    "leases",
                    "kube-system",
                    "enclave-lottery-operator")))
        .isFalse();
    assertThat(chart.one(Role.class, "-leader-election").getMetadata().getNamespace())
        .isEqualTo(Chart.NAMESPACE);
  }

  @Test
  void theLeaseRulesPassJosdksStartUpCheck() {
    // JOSDK 5.2's LeaderElectionManager.checkLeaseAccess: the verbs of every leases rule of
    // coordination.k8s.io that names no object or names the lease must include these
    assertThat(new ChartRbac(Chart.render(Map.of())).rules())
        .filteredOn(rule -> rule.getApiGroups().contains("coordination.k8s.io"))
        .filteredOn(rule -> rule.getResources().contains("leases"))
        .filteredOn(
            rule ->
                rule.getResourceNames() == null
                    || rule.getResourceNames().isEmpty()
                    || rule.getResourceNames().contains("enclave-lottery-operator"))
        .flatExtracting(PolicyRule::getVerbs)
        .contains("create", "update", "get");
  }

  @Test
  void withoutLeaderElectionThereIsNoLeaseGrant() {
    ChartRbac rbac =
        new ChartRbac(
            Chart.render(
                Map.of("controller.replicas", 1, "controller.leaderElection.enabled", false)));
    assertThat(rbac.allows(LEASE_RENEWAL)).isFalse();
  }

  @Test
  void watchedNamespacesAreGrantedOneByOneAndNothingClusterWide() {
    Rendered chart = namespaced();
    assertThat(chart.all(ClusterRoleBinding.class)).isEmpty();
    assertThat(chart.all(RoleBinding.class))
        .extracting(b -> b.getMetadata().getNamespace())
        .containsExactlyInAnyOrder("lottery-a", "lottery-b", Chart.NAMESPACE);
    ChartRbac rbac = new ChartRbac(chart);
    assertThat(rbac.allows(new ApiRequest("get", "", "secrets", "lottery-a", "key"))).isTrue();
    assertThat(rbac.allows(new ApiRequest("get", "", "secrets", "kube-system", "key"))).isFalse();
    assertThat(rbac.allows(new ApiRequest("get", "", "secrets", Chart.NAMESPACE, "key"))).isFalse();
  }

  @Test
  void watchedNamespacesAreTheControllersNamespaceOptions() {
    assertThat(
            namespaced()
                .one(io.fabric8.kubernetes.api.model.apps.Deployment.class, "-controller")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getArgs())
        .contains("--namespace=lottery-a", "--namespace=lottery-b");
  }

  private static Rendered namespaced() {
    return Chart.render(
        Map.of(
            "controller.watchNamespaces[0]",
            "lottery-a",
            "controller.watchNamespaces[1]",
            "lottery-b"));
  }
}

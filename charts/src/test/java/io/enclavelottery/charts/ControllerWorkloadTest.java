package io.enclavelottery.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.operator.dependent.Component;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The controller's workload as the chart renders it with default values. */
class ControllerWorkloadTest {

  private static Rendered chart;
  private static Deployment deployment;
  private static PodSpec pod;
  private static Container controller;

  @BeforeAll
  static void render() {
    chart = Chart.render(Map.of());
    deployment = chart.one(Deployment.class, "-controller");
    pod = deployment.getSpec().getTemplate().getSpec();
    controller = pod.getContainers().get(0);
  }

  @Test
  void defaultValuesRenderTheControllerAndNoMonitoringObjects() {
    assertThat(chart.objects())
        .extracting(o -> o.getKind())
        .containsExactlyInAnyOrder(
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "Service",
            "Deployment",
            "PodDisruptionBudget",
            "NetworkPolicy");
    assertThat(chart.objects())
        .allSatisfy(o -> assertThat(o.getMetadata().getLabels()).containsKey("helm.sh/chart"));
  }

  @Test
  void twoReplicasElectALeaderThroughALeaseInTheReleaseNamespace() {
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(controller.getArgs())
        .startsWith("operator")
        .contains(
            "--health-port=8081",
            "--lease-name=enclave-lottery-operator",
            "--lease-namespace=" + Chart.NAMESPACE)
        .doesNotContain("--no-leader-election");
    assertThat(controller.getEnv())
        .anySatisfy(
            env -> {
              assertThat(env.getName()).isEqualTo("POD_NAME");
              assertThat(env.getValueFrom().getFieldRef().getFieldPath())
                  .isEqualTo("metadata.name");
            });
    // a rollout never takes the standby away before its replacement is up
    assertThat(
            deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
        .isZero();
  }

  @Test
  void oneReplicaWithoutLeaderElectionSaysSo() {
    Deployment single =
        Chart.render(Map.of("controller.replicas", 1, "controller.leaderElection.enabled", false))
            .one(Deployment.class, "-controller");
    assertThat(single.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .contains("--no-leader-election")
        .noneMatch(arg -> arg.startsWith("--lease"));
  }

  @Test
  void podsCarryTheLabelsTheSignerNetworkPolicyAdmits() {
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(Component.CONTROLLER_POD_LABELS);
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .containsAllEntriesOf(Component.CONTROLLER_POD_LABELS);
    // nameOverride renames objects, never the labels the controller's policies select by
    assertThat(
            Chart.render(Map.of("nameOverride", "lotto"))
                .one(Deployment.class, "-controller")
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels())
        .containsAllEntriesOf(Component.CONTROLLER_POD_LABELS);
  }

  @Test
  void podRunsUnderTheRestrictedPodSecurityStandard() {
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    SecurityContext container = controller.getSecurityContext();
    assertThat(container.getRunAsNonRoot()).isTrue();
    assertThat(container.getReadOnlyRootFilesystem()).isTrue();
    assertThat(container.getAllowPrivilegeEscalation()).isFalse();
    assertThat(container.getPrivileged()).isFalse();
    assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(container.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getHostNetwork()).isNull();
    assertThat(pod.getHostPID()).isNull();
    assertThat(pod.getVolumes()).allSatisfy(v -> assertThat(v.getHostPath()).isNull());
  }

  @Test
  void onlyTmpIsWritableAndItIsAnEmptyDir() {
    assertThat(controller.getVolumeMounts())
        .singleElement()
        .satisfies(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
    assertThat(pod.getVolumes())
        .singleElement()
        .satisfies(v -> assertThat(v.getEmptyDir().getSizeLimit().toString()).isEqualTo("64Mi"));
  }

  @Test
  void probesUseTheControllersHealthEndpointsOnItsHealthPort() {
    assertThat(controller.getPorts())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getName()).isEqualTo("health");
              assertThat(p.getContainerPort()).isEqualTo(8081);
            });
    assertHttpProbe(controller.getLivenessProbe(), "/healthz");
    assertHttpProbe(controller.getStartupProbe(), "/healthz");
    assertHttpProbe(controller.getReadinessProbe(), "/readyz");
    // the startup probe gives the JVM and the informers a minute before liveness counts
    assertThat(
            controller.getStartupProbe().getPeriodSeconds()
                * controller.getStartupProbe().getFailureThreshold())
        .isGreaterThanOrEqualTo(60);
  }

  @Test
  void resourcesRequestCpuAndMemoryAndLimitMemory() {
    assertThat(controller.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(controller.getResources().getLimits()).containsKey("memory");
    assertThat(controller.getEnv())
        .anySatisfy(
            env -> {
              assertThat(env.getName()).isEqualTo("JAVA_TOOL_OPTIONS");
              assertThat(env.getValue()).contains("MaxRAMPercentage");
            });
  }

  @Test
  void serviceAccountMetricsServicePdbAndNetworkPolicyFitThePods() {
    ServiceAccount account = chart.one(ServiceAccount.class, "enclave-lottery");
    assertThat(pod.getServiceAccountName()).isEqualTo(account.getMetadata().getName());

    Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
    Service metrics = chart.one(Service.class, "-metrics");
    assertThat(podLabels).containsAllEntriesOf(metrics.getSpec().getSelector());
    assertThat(metrics.getSpec().getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("health"));

    PodDisruptionBudget budget = chart.one(PodDisruptionBudget.class, "-controller");
    assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
    assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());

    NetworkPolicy policy = chart.one(NetworkPolicy.class, "-controller");
    assertThat(podLabels).containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(policy.getSpec().getIngress())
        .singleElement()
        .satisfies(
            rule ->
                assertThat(rule.getPorts())
                    .singleElement()
                    .satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(8081)));
  }

  @Test
  void aDigestPinsTheImage() {
    String digest = "sha256:" + "ab".repeat(32);
    assertThat(controller.getImage())
        .isEqualTo("ghcr.io/enclave-lottery/enclave-lottery:0.1.0-SNAPSHOT");
    assertThat(
            Chart.render(Map.of("image.digest", digest))
                .one(Deployment.class, "-controller")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .isEqualTo("ghcr.io/enclave-lottery/enclave-lottery@" + digest);
  }

  private static void assertHttpProbe(Probe probe, String path) {
    assertThat(probe).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("health");
  }
}

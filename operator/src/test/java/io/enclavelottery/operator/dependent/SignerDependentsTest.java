package io.enclavelottery.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.crd.EnclaveSpec;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.SignerSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignerDependentsTest {

  private final LotteryRound round = ExampleRounds.complete();

  @Test
  void deploymentRunsOneSignerOnNitroNodes() {
    Deployment deployment = new SignerDeploymentDependent().desired(round, null);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();

    assertThat(deployment.getMetadata().getName()).isEqualTo("sepolia-lottery-signer");
    assertThat(deployment.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/component", "signer")
        .containsEntry("app.kubernetes.io/instance", "sepolia-lottery");
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Component.SIGNER.selector(round));
    assertThat(pod.getNodeSelector()).isEqualTo(Map.of("aws-nitro-enclaves-k8s-dp", "enabled"));
    assertThat(pod.getTolerations())
        .singleElement()
        .satisfies(
            toleration -> {
              assertThat(toleration.getKey()).isEqualTo("aws-nitro-enclaves");
              assertThat(toleration.getOperator()).isEqualTo("Exists");
              assertThat(toleration.getEffect()).isEqualTo("NoSchedule");
            });
    assertThat(container(deployment).getImage()).isEqualTo("ghcr.io/example/lottery-signer:0.1.0");
  }

  @Test
  void nodeSelectorAndTolerationsComeFromTheSpecWithNitroDefault() {
    EnclaveSpec custom =
        enclave(
            Map.of("pool", "enclaves"),
            List.of(new Toleration("NoExecute", "t", "Equal", null, "x")),
            2048);
    Deployment customised = new SignerDeploymentDependent().desired(withEnclave(custom), null);
    Deployment defaulted =
        new SignerDeploymentDependent().desired(withEnclave(enclave(null, null, 2048)), null);

    assertThat(customised.getSpec().getTemplate().getSpec().getNodeSelector())
        .isEqualTo(Map.of("pool", "enclaves"));
    assertThat(customised.getSpec().getTemplate().getSpec().getTolerations())
        .extracting(Toleration::getKey)
        .containsExactly("t");
    assertThat(defaulted.getSpec().getTemplate().getSpec().getNodeSelector())
        .isEqualTo(Map.of("aws-nitro-enclaves-k8s-dp", "enabled"));
    assertThat(defaulted.getSpec().getTemplate().getSpec().getTolerations()).isEmpty();
  }

  @Test
  void containerRequestsTheEnclaveDeviceHugepagesAndCpu() {
    Container container = container(new SignerDeploymentDependent().desired(round, null));

    assertThat(container.getResources().getRequests())
        .containsEntry("aws.ec2.nitro/nitro_enclaves", new Quantity("1"))
        .containsEntry("hugepages-2Mi", new Quantity("2048Mi"))
        .containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits())
        .containsEntry("aws.ec2.nitro/nitro_enclaves", new Quantity("1"))
        .containsEntry("hugepages-2Mi", new Quantity("2048Mi"));
  }

  @Test
  void hugepagesCoverAnOddMemorySizeInWholePages() {
    Container container =
        container(
            new SignerDeploymentDependent().desired(withEnclave(enclave(null, null, 1025)), null));

    assertThat(container.getResources().getRequests())
        .containsEntry("hugepages-2Mi", new Quantity("1026Mi"));
    assertThat(container.getCommand().get(2)).contains("--memory 1026 ");
  }

  @Test
  void containerStartsTheEnclaveAndBridgesBothPorts() {
    Container container = container(new SignerDeploymentDependent().desired(round, null));

    assertThat(container.getCommand()).hasSize(3).startsWith("/bin/sh", "-c");
    String script = container.getCommand().get(2);
    assertThat(script)
        .contains(
            "nitro-cli run-enclave --eif-path /enclave/lottery-signer.eif --cpu-count 2"
                + " --memory 2048 --enclave-cid 16")
        .contains("socat TCP-LISTEN:9000,fork,reuseaddr VSOCK-CONNECT:16:5000 &")
        .contains("socat TCP-LISTEN:9001,fork,reuseaddr VSOCK-CONNECT:16:5001 &")
        .contains("nitro-cli terminate-enclave --all")
        .doesNotContain("--debug-mode");
    assertThat(container.getPorts())
        .extracting(p -> p.getName() + ":" + p.getContainerPort())
        .containsExactly("signing:9000", "attestation:9001");
  }

  @Test
  void securityContextAllowsTheDeviceAndVsockAndNothingMore() {
    Deployment deployment = new SignerDeploymentDependent().desired(round, null);
    SecurityContext security = container(deployment).getSecurityContext();

    assertThat(security.getRunAsUser()).isZero();
    assertThat(security.getPrivileged()).isFalse();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(security.getSeccompProfile().getType()).isEqualTo("Unconfined");
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getHostNetwork()).isNull();
    assertThat(container(deployment).getVolumeMounts())
        .extracting(m -> m.getMountPath())
        .containsExactlyInAnyOrder(
            "/dev/hugepages", "/var/log/nitro_enclaves", "/run/nitro_enclaves", "/tmp");
    assertThat(pod.getVolumes())
        .filteredOn(v -> v.getName().equals("hugepages"))
        .singleElement()
        .satisfies(v -> assertThat(v.getEmptyDir().getMedium()).isEqualTo("HugePages-2Mi"));
  }

  @Test
  void signerObjectsCarryNoKey() {
    String yaml =
        ExampleRounds.yaml(
            List.of(
                new SignerDeploymentDependent().desired(round, null),
                new SignerServiceDependent().desired(round, null),
                SignerNetworkPolicyDependent.policy(round, "operators")));

    assertThat(yaml)
        .doesNotContain("lottery-operator-key")
        .doesNotContain("privateKey")
        .doesNotContain("secretKeyRef");
  }

  @Test
  void serviceExposesBothNamedPorts() {
    Service service = new SignerServiceDependent().desired(round, null);

    assertThat(service.getMetadata().getName()).isEqualTo("sepolia-lottery-signer");
    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(service.getSpec().getSelector()).isEqualTo(Component.SIGNER.selector(round));
    assertThat(service.getSpec().getPorts())
        .extracting(p -> p.getName() + ":" + p.getPort() + "->" + p.getTargetPort().getStrVal())
        .containsExactly("signing:9000->signing", "attestation:9001->attestation");
  }

  @Test
  void networkPolicyAdmitsOnlyTheControllerToSigningAndOnlyTheFrontendToAttestation() {
    NetworkPolicy policy = SignerNetworkPolicyDependent.policy(round, "operators");

    assertThat(policy.getMetadata().getName()).isEqualTo("sepolia-lottery-signer");
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(Component.SIGNER.selector(round));
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
    assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
    assertThat(policy.getSpec().getIngress()).hasSize(2);

    NetworkPolicyIngressRule signing = policy.getSpec().getIngress().get(0);
    assertThat(signing.getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getPort()).isEqualTo(new IntOrString(9000)));
    assertThat(signing.getFrom())
        .singleElement()
        .satisfies(
            peer -> {
              assertThat(peer.getNamespaceSelector().getMatchLabels())
                  .isEqualTo(Map.of("kubernetes.io/metadata.name", "operators"));
              assertThat(peer.getPodSelector().getMatchLabels())
                  .isEqualTo(
                      Map.of(
                          "app.kubernetes.io/name", "enclave-lottery",
                          "app.kubernetes.io/component", "controller"));
            });

    NetworkPolicyIngressRule attestation = policy.getSpec().getIngress().get(1);
    assertThat(attestation.getPorts())
        .singleElement()
        .satisfies(p -> assertThat(p.getPort()).isEqualTo(new IntOrString(9001)));
    assertThat(attestation.getFrom())
        .singleElement()
        .satisfies(
            peer -> {
              assertThat(peer.getNamespaceSelector()).isNull();
              assertThat(peer.getPodSelector().getMatchLabels())
                  .isEqualTo(Component.FRONTEND.selector(round));
            });
  }

  private LotteryRound withEnclave(EnclaveSpec enclave) {
    SignerSpec signer = round.getSpec().signer();
    return ExampleRounds.withSigner(round, new SignerSpec(signer.type(), null, enclave));
  }

  private EnclaveSpec enclave(
      Map<String, String> nodeSelector, List<Toleration> tolerations, int memoryMiB) {
    EnclaveSpec given = round.getSpec().signer().enclave();
    return new EnclaveSpec(
        given.image(),
        given.expectedPcrs(),
        given.cpuCount(),
        memoryMiB,
        nodeSelector,
        tolerations,
        null,
        null);
  }

  private static Container container(Deployment deployment) {
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  }
}

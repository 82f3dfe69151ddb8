package io.enclavelottery.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.crd.ChainSpec;
import io.enclavelottery.crd.FrontendIngress;
import io.enclavelottery.crd.FrontendService;
import io.enclavelottery.crd.FrontendSpec;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrontendDependentsTest {

  private static final String CHECKSUM = FrontendDeploymentDependent.CONFIG_CHECKSUM_ANNOTATION;

  @Test
  void configMapHoldsThePublicConfigurationAsEnvironment() {
    ConfigMap configMap = new FrontendConfigMapDependent().desired(ExampleRounds.minimal(), null);

    assertThat(configMap.getMetadata().getName()).isEqualTo("dev-lottery-frontend");
    assertThat(configMap.getMetadata().getNamespace()).isEqualTo("lottery");
    assertThat(configMap.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/instance", "dev-lottery")
        .containsEntry("app.kubernetes.io/component", "frontend");
    assertThat(configMap.getData())
        .containsEntry("BLOCKCHAIN_RPC_URL", "ws://anvil.lottery-dev.svc:8545")
        .containsEntry("BLOCKCHAIN_CHAIN_ID", "31337")
        .containsEntry("BLOCKCHAIN_CONTRACT_ADDRESS", "0x5FbDB2315678afecb367f032d93F642f64180aa3")
        .containsEntry("EVENTMGR_CONFIRMATIONS", "2")
        .containsEntry("SERVER_PORT", "6080");
  }

  @Test
  void withAnEnclaveSignerTheFrontendFetchesAttestationsFromItsAttestationPort() {
    LotteryRound round = ExampleRounds.complete();

    ConfigMap configMap = new FrontendConfigMapDependent().desired(round, null);

    assertThat(configMap.getData())
        .containsEntry(
            "SIGNER_ATTESTATION_URL",
            "http://sepolia-lottery-signer."
                + round.getMetadata().getNamespace()
                + ".svc:"
                + round.getSpec().signer().enclave().attestationPort()
                + "/");
    assertThat(new FrontendConfigMapDependent().desired(ExampleRounds.minimal(), null).getData())
        .doesNotContainKey("SIGNER_ATTESTATION_URL");
  }

  @Test
  void noFrontendObjectCarriesOrPointsAtTheKey() {
    LotteryRound round = ExampleRounds.complete();
    ConfigMap configMap = new FrontendConfigMapDependent().desired(round, null);
    Deployment deployment = new FrontendDeploymentDependent().desired(round, null);

    assertThat(configMap.getData().keySet()).noneMatch(name -> name.contains("KEY"));
    assertThat(configMap.getData().values())
        .noneMatch(value -> value.contains("lottery-operator-key"));
    String yaml = ExampleRounds.yaml(List.of(configMap, deployment));
    assertThat(yaml)
        .doesNotContain("PRIVATE_KEY")
        .doesNotContain("secretKeyRef")
        .doesNotContain("secretRef")
        .doesNotContain("lottery-operator-key")
        .doesNotContain("privateKey");
  }

  @Test
  void deploymentRunsServeWithTheConfigMapAndProbes() {
    Deployment deployment =
        new FrontendDeploymentDependent().desired(ExampleRounds.complete(), null);

    assertThat(deployment.getMetadata().getName()).isEqualTo("sepolia-lottery-frontend");
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Component.FRONTEND.selector(ExampleRounds.complete()));
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
    Container container = container(deployment);
    assertThat(container.getImage()).isEqualTo("ghcr.io/example/lottery-frontend-server:0.1.0");
    assertThat(container.getArgs()).containsExactly("serve");
    assertThat(container.getEnvFrom()).hasSize(1);
    assertThat(container.getEnvFrom().get(0).getConfigMapRef().getName())
        .isEqualTo("sepolia-lottery-frontend");
    assertThat(container.getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getName()).isEqualTo("http");
              assertThat(port.getContainerPort()).isEqualTo(6080);
            });
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ready");
    assertThat(container.getReadinessProbe().getHttpGet().getPort())
        .isEqualTo(new IntOrString("http"));
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(container.getResources().getLimits()).containsKey("memory");
  }

  @Test
  void minimalSpecGetsOnePodOfTheReleaseImage() {
    Deployment deployment =
        new FrontendDeploymentDependent().desired(ExampleRounds.minimal(), null);

    assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
    assertThat(container(deployment).getImage())
        .startsWith("ghcr.io/enclave-lottery/enclave-lottery:")
        .isEqualTo(ReleaseImage.current());
  }

  @Test
  void deploymentFollowsTheRestrictedPodSecurityProfile() {
    Deployment deployment =
        new FrontendDeploymentDependent().desired(ExampleRounds.minimal(), null);
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    SecurityContext security = container(deployment).getSecurityContext();

    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(security.getRunAsNonRoot()).isTrue();
    assertThat(security.getRunAsUser()).isEqualTo(10001L);
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getPrivileged()).isFalse();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
    assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(container(deployment).getVolumeMounts())
        .singleElement()
        .satisfies(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
    assertThat(pod.getVolumes())
        .singleElement()
        .satisfies(volume -> assertThat(volume.getEmptyDir()).isNotNull());
  }

  @Test
  void configChangeChangesThePodTemplateChecksumAndNothingElseDoesNot() {
    LotteryRound round = ExampleRounds.minimal();
    LotteryRound otherNode =
        ExampleRounds.withSpec(
            round,
            s ->
                new LotteryRoundSpec(
                    new ChainSpec("wss://other.example:8546", s.chain().chainId(), null),
                    s.contract(),
                    s.signer(),
                    s.rounds(),
                    s.gas(),
                    s.frontend()));
    LotteryRound morePods =
        ExampleRounds.withFrontend(round, new FrontendSpec(true, 3, null, null, null));

    String checksum = checksum(round);
    assertThat(checksum).matches("[0-9a-f]{64}").isEqualTo(checksum(ExampleRounds.minimal()));
    assertThat(checksum(otherNode)).isNotEqualTo(checksum);
    assertThat(checksum(morePods)).isEqualTo(checksum);
  }

  @Test
  void serviceDefaultsToClusterIpPort80ToTheHttpPort() {
    Service service = new FrontendServiceDependent().desired(ExampleRounds.minimal(), null);

    assertThat(service.getMetadata().getName()).isEqualTo("dev-lottery-frontend");
    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    assertThat(service.getSpec().getSelector())
        .isEqualTo(Component.FRONTEND.selector(ExampleRounds.minimal()));
    assertThat(service.getSpec().getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getPort()).isEqualTo(80);
              assertThat(port.getTargetPort()).isEqualTo(new IntOrString("http"));
            });
  }

  @Test
  void serviceTakesTypeAndPortFromTheSpec() {
    LotteryRound round =
        ExampleRounds.withFrontend(
            ExampleRounds.minimal(),
            new FrontendSpec(
                true,
                1,
                null,
                new FrontendService(FrontendService.ServiceType.LOAD_BALANCER, 8080),
                null));

    Service service = new FrontendServiceDependent().desired(round, null);

    assertThat(service.getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(8080);
  }

  @Test
  void networkPolicyOpensOnlyTheHttpPortOfTheFrontendPods() {
    NetworkPolicy policy =
        new FrontendNetworkPolicyDependent().desired(ExampleRounds.minimal(), null);

    assertThat(policy.getMetadata().getName()).isEqualTo("dev-lottery-frontend");
    assertThat(policy.getSpec().getPodSelector().getMatchLabels())
        .isEqualTo(Component.FRONTEND.selector(ExampleRounds.minimal()));
    assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
    assertThat(policy.getSpec().getIngress())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getFrom()).isNullOrEmpty();
              assertThat(rule.getPorts())
                  .singleElement()
                  .satisfies(p -> assertThat(p.getPort()).isEqualTo(new IntOrString(6080)));
            });
  }

  @Test
  void ingressRoutesTheHostToTheServiceWithTls() {
    Ingress ingress = new FrontendIngressDependent().desired(ExampleRounds.complete(), null);

    assertThat(ingress.getMetadata().getName()).isEqualTo("sepolia-lottery-frontend");
    assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
    assertThat(ingress.getSpec().getTls())
        .singleElement()
        .satisfies(
            tls -> {
              assertThat(tls.getHosts()).containsExactly("lottery.example.com");
              assertThat(tls.getSecretName()).isEqualTo("lottery-example-com-tls");
            });
    assertThat(ingress.getSpec().getRules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getHost()).isEqualTo("lottery.example.com");
              assertThat(rule.getHttp().getPaths())
                  .singleElement()
                  .satisfies(
                      path -> {
                        assertThat(path.getPath()).isEqualTo("/");
                        assertThat(path.getPathType()).isEqualTo("Prefix");
                        assertThat(path.getBackend().getService().getName())
                            .isEqualTo("sepolia-lottery-frontend");
                        assertThat(path.getBackend().getService().getPort().getName())
                            .isEqualTo("http");
                      });
            });
  }

  @Test
  void ingressWithoutTlsSecretOrClassLeavesThemToTheCluster() {
    LotteryRound round =
        ExampleRounds.withFrontend(
            ExampleRounds.minimal(),
            new FrontendSpec(
                true, 1, null, null, new FrontendIngress(true, "lottery.test", null, null)));

    Ingress ingress = new FrontendIngressDependent().desired(round, null);

    assertThat(ingress.getSpec().getIngressClassName()).isNull();
    assertThat(ingress.getSpec().getTls()).isEmpty();
    assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("lottery.test");
  }

  private static String checksum(LotteryRound round) {
    return new FrontendDeploymentDependent()
        .desired(round, null)
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get(CHECKSUM);
  }

  private static Container container(Deployment deployment) {
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
    return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
  }
}

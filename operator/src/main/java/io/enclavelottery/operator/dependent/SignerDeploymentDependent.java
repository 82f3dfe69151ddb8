package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.EnclaveSpec;
import io.enclavelottery.crd.LotteryRound;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;

/**
 * The enclave signer pod, {@code <lotteryround>-signer}: one pod on a Nitro node whose container
 * runs {@link EnclaveLaunchScript}. One replica, replaced with {@code Recreate}: two enclaves would
 * be two signers, each with its own key and seeds.
 *
 * <p>Its security context is not the restricted profile, for two reasons. nitro-cli opens {@code
 * /dev/nitro_enclaves}, which the device plugin puts into the container owned by root with no
 * access for others, so the container runs as user 0 (still with no capabilities, no privilege
 * escalation and a read-only root filesystem). And the container runtimes' default seccomp profile
 * (containerd, Docker) refuses {@code socket(AF_VSOCK)}, which the bridges need, so the container
 * runs without a seccomp filter; a node-installed {@code Localhost} profile that adds AF_VSOCK to
 * the default is the stricter choice. The signer's namespace therefore needs the {@code privileged}
 * Pod Security level.
 */
public class SignerDeploymentDependent extends LotteryRoundChild<Deployment> {

  public SignerDeploymentDependent() {
    super(Deployment.class, Component.SIGNER);
  }

  /** The container port name of the signing port. */
  public static final String SIGNING_PORT_NAME = "signing";

  /** The container port name of the attestation port. */
  public static final String ATTESTATION_PORT_NAME = "attestation";

  @Override
  protected Deployment desired(LotteryRound primary, Context<LotteryRound> context) {
    EnclaveSpec enclave = primary.getSpec().signer().enclave();
    return new DeploymentBuilder()
        .withMetadata(Component.SIGNER.metadata(primary))
        .withNewSpec()
        .withReplicas(1)
        .withNewStrategy()
        .withType("Recreate")
        .endStrategy()
        .withNewSelector()
        .withMatchLabels(Component.SIGNER.selector(primary))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Component.SIGNER.labels(primary))
        .endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .withNodeSelector(enclave.nodeSelector())
        .withTolerations(enclave.tolerations())
        .withContainers(container(enclave))
        .withVolumes(volumes())
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Container container(EnclaveSpec enclave) {
    return new ContainerBuilder()
        .withName("signer")
        .withImage(enclave.image())
        .withCommand("/bin/sh", "-c", EnclaveLaunchScript.of(enclave))
        .addNewPort()
        .withName(SIGNING_PORT_NAME)
        .withContainerPort(enclave.signingPort())
        .withProtocol("TCP")
        .endPort()
        .addNewPort()
        .withName(ATTESTATION_PORT_NAME)
        .withContainerPort(enclave.attestationPort())
        .withProtocol("TCP")
        .endPort()
        .withResources(EnclaveResources.of(enclave))
        .withSecurityContext(
            new SecurityContextBuilder()
                .withRunAsNonRoot(false)
                .withRunAsUser(0L)
                .withReadOnlyRootFilesystem(true)
                .withAllowPrivilegeEscalation(false)
                .withPrivileged(false)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .withNewSeccompProfile()
                .withType("Unconfined")
                .endSeccompProfile()
                .build())
        .withVolumeMounts(volumeMounts())
        .build();
  }

  // nitro-cli takes the enclave's memory from hugetlbfs and writes its logs and enclave sockets;
  // with a read-only root filesystem each of those places is its own volume
  private record WritablePath(String volume, String mountPath, String medium) {}

  private static final List<WritablePath> WRITABLE_PATHS =
      List.of(
          new WritablePath("hugepages", "/dev/hugepages", "HugePages-2Mi"),
          new WritablePath("nitro-logs", "/var/log/nitro_enclaves", null),
          new WritablePath("nitro-run", "/run/nitro_enclaves", null),
          new WritablePath("tmp", "/tmp", null));

  private static List<VolumeMount> volumeMounts() {
    return WRITABLE_PATHS.stream()
        .map(
            p -> new VolumeMountBuilder().withName(p.volume()).withMountPath(p.mountPath()).build())
        .toList();
  }

  private static List<Volume> volumes() {
    return WRITABLE_PATHS.stream()
        .map(
            p ->
                new VolumeBuilder()
                    .withName(p.volume())
                    .withNewEmptyDir()
                    .withMedium(p.medium())
                    .endEmptyDir()
                    .build())
        .toList();
  }
}

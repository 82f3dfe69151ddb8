package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.FrontendSpec;
import io.enclavelottery.crd.LotteryRound;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Map;

/**
 * The frontend-server pods, {@code <lotteryround>-frontend}: {@code frontend.replicas} pods of
 * {@code frontend.image} (default {@link ReleaseImage#current()}) running {@code serve} with the
 * environment of {@link FrontendConfigMapDependent}, under the restricted Pod Security profile.
 */
public class FrontendDeploymentDependent extends LotteryRoundChild<Deployment> {

  public FrontendDeploymentDependent() {
    super(Deployment.class, Component.FRONTEND);
  }

  /** The pod annotation that carries {@link FrontendEnvironment#checksum()}. */
  public static final String CONFIG_CHECKSUM_ANNOTATION = "enclave-lottery.io/config-checksum";

  /** The user the frontend runs as: not root, and not a user the image might also define. */
  public static final long RUN_AS_USER = 10001;

  @Override
  protected Deployment desired(LotteryRound primary, Context<LotteryRound> context) {
    FrontendSpec frontend = primary.getSpec().frontend();
    Map<String, String> selector = Component.FRONTEND.selector(primary);
    return new DeploymentBuilder()
        .withMetadata(Component.FRONTEND.metadata(primary))
        .withNewSpec()
        .withReplicas(frontend.replicas())
        .withNewSelector()
        .withMatchLabels(selector)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Component.FRONTEND.labels(primary))
        .withAnnotations(
            Map.of(CONFIG_CHECKSUM_ANNOTATION, FrontendEnvironment.of(primary).checksum()))
        .endMetadata()
        .withNewSpec()
        // the frontend never talks to the API server, and a Service named e.g. "server" would
        // otherwise inject SERVER_PORT=tcp://… over the server's own variable
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .withSecurityContext(
            new PodSecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(RUN_AS_USER)
                .withRunAsGroup(RUN_AS_USER)
                .withFsGroup(RUN_AS_USER)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .build())
        .withContainers(container(primary, frontend))
        .addNewVolume()
        .withName("tmp")
        .withNewEmptyDir()
        .withSizeLimit(new Quantity("64Mi"))
        .endEmptyDir()
        .endVolume()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Container container(LotteryRound primary, FrontendSpec frontend) {
    return new ContainerBuilder()
        .withName("frontend-server")
        .withImage(frontend.image() == null ? ReleaseImage.current() : frontend.image())
        .withArgs("serve")
        .addNewPort()
        .withName("http")
        .withContainerPort(FrontendEnvironment.SERVER_PORT)
        .withProtocol("TCP")
        .endPort()
        .addNewEnvFrom()
        .withNewConfigMapRef()
        .withName(Component.FRONTEND.name(primary))
        .endConfigMapRef()
        .endEnvFrom()
        // /ready stays 503 until the first backfill is done, so a new pod gets no players early
        .withReadinessProbe(httpProbe("/ready", 5, 3))
        // generous: /health says error when the node is unreachable, which a restart cannot fix
        .withLivenessProbe(httpProbe("/health", 20, 6))
        .withResources(
            new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity("100m"))
                .addToRequests("memory", new Quantity("256Mi"))
                .addToLimits("memory", new Quantity("512Mi"))
                .build())
        .withSecurityContext(
            new SecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withRunAsUser(RUN_AS_USER)
                .withReadOnlyRootFilesystem(true)
                .withAllowPrivilegeEscalation(false)
                .withPrivileged(false)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .build())
        // the JVM writes its perf data and temporary files there
        .addNewVolumeMount()
        .withName("tmp")
        .withMountPath("/tmp")
        .endVolumeMount()
        .build();
  }

  private static Probe httpProbe(String path, int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(path)
        .withPort(new IntOrString("http"))
        .endHttpGet()
        .withInitialDelaySeconds(5)
        .withPeriodSeconds(periodSeconds)
        .withTimeoutSeconds(3)
        .withFailureThreshold(failureThreshold)
        .build();
  }
}

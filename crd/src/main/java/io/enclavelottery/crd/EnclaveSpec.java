package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;

/**
 * The enclave signer the controller runs for {@code signer.type: enclave}: a Deployment on
 * Nitro-enabled nodes whose container starts the enclave image file and bridges vsock to TCP.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnclaveSpec(
    @Required
        @Size(min = 1, max = 512)
        @JsonPropertyDescription(
            "Container image that carries the signer's enclave image file (EIF), nitro-cli and"
                + " the vsock proxy, e.g. ghcr.io/example/lottery-signer:1.0.0. Its EIF's"
                + " measurements must match expectedPcrs.")
        String image,
    @Required
        @JsonPropertyDescription(
            "Measurements the signer's attestation must show (as printed by nitro-cli"
                + " describe-eif). The controller uses the signer only when they match.")
        ExpectedPcrs expectedPcrs,
    @Default("2")
        @Min(2)
        @Max(128)
        @JsonPropertyDescription(
            "vCPUs given to the enclave (nitro-cli run-enclave --cpu-count); taken from the"
                + " node's enclave CPU pool.")
        Integer cpuCount,
    @Default("2048")
        @Min(64)
        @Max(524288)
        @JsonPropertyDescription(
            "Memory given to the enclave in MiB (nitro-cli run-enclave --memory), requested as"
                + " hugepages on the node.")
        Integer memoryMiB,
    @JsonPropertyDescription(
            "Labels of the nodes the signer may run on. Absent: nodes labelled"
                + " aws-nitro-enclaves-k8s-dp=enabled, where the AWS Nitro Enclaves device plugin"
                + " runs.")
        Map<String, String> nodeSelector,
    @JsonPropertyDescription("Tolerations of the signer pod, for Nitro nodes that carry taints.")
        List<Toleration> tolerations,
    @Default("9000")
        @Min(1024)
        @Max(65535)
        @JsonPropertyDescription(
            "TCP port on the signer pod where the controller asks for signatures. A"
                + " NetworkPolicy admits only the controller to it.")
        Integer signingPort,
    @Default("9001")
        @Min(1024)
        @Max(65535)
        @JsonPropertyDescription(
            "TCP port on the signer pod that serves attestation documents. A NetworkPolicy"
                + " admits only this lottery's frontend pods to it.")
        Integer attestationPort) {

  /** The node label of Nitro-enabled nodes, used when {@link #nodeSelector} is absent. */
  public static final Map<String, String> DEFAULT_NODE_SELECTOR =
      Map.of("aws-nitro-enclaves-k8s-dp", "enabled");

  public EnclaveSpec {
    cpuCount = cpuCount == null ? 2 : cpuCount;
    memoryMiB = memoryMiB == null ? 2048 : memoryMiB;
    nodeSelector = nodeSelector == null ? DEFAULT_NODE_SELECTOR : Map.copyOf(nodeSelector);
    tolerations = tolerations == null ? List.of() : List.copyOf(tolerations);
    signingPort = signingPort == null ? 9000 : signingPort;
    attestationPort = attestationPort == null ? 9001 : attestationPort;
  }
}

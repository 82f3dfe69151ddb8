package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.EnclaveSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.Map;

/**
 * What the signer container asks of its node: the Nitro Enclaves device (from the AWS device
 * plugin), the enclave's memory as 2 MiB hugepages, and a little CPU and memory for nitro-cli and
 * the bridges. The enclave's own vCPUs come from the node's enclave CPU pool (set up by the
 * allocator on the node), not from the pod's CPU request.
 */
public final class EnclaveResources {

  /** The AWS Nitro Enclaves device plugin's resource. */
  public static final String NITRO_ENCLAVES = "aws.ec2.nitro/nitro_enclaves";

  /** The hugepages resource the enclave's memory is taken from. */
  public static final String HUGEPAGES = "hugepages-2Mi";

  private EnclaveResources() {}

  /** {@code memoryMiB} rounded up to whole 2 MiB pages. */
  public static int hugepagesMiB(EnclaveSpec enclave) {
    return (enclave.memoryMiB() + 1) / 2 * 2;
  }

  /** Requests and limits of the signer container (hugepages need requests equal to limits). */
  public static ResourceRequirements of(EnclaveSpec enclave) {
    Map<String, Quantity> both =
        Map.of(
            NITRO_ENCLAVES,
            new Quantity("1"),
            HUGEPAGES,
            new Quantity(hugepagesMiB(enclave) + "Mi"),
            "memory",
            new Quantity("128Mi"));
    return new ResourceRequirementsBuilder()
        .withRequests(both)
        .addToRequests("cpu", new Quantity("250m"))
        .withLimits(both)
        .build();
  }
}

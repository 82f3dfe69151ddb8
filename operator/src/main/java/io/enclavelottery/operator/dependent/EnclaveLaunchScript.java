package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.EnclaveSpec;

/**
 * The shell script the signer container runs: start the enclave from its image file, bridge its
 * vsock ports to the pod's TCP ports with socat, and exit (so Kubernetes restarts the pod) when the
 * enclave or a bridge stops. Leaving the pod terminates the enclave.
 *
 * <p>What the signer image must hold: {@code /bin/sh}, {@code nitro-cli}, {@code socat} and the
 * enclave image file at {@link #EIF_PATH}. What the enclave must do: listen on vsock ports {@link
 * #SIGNING_VSOCK_PORT} (signing) and {@link #ATTESTATION_VSOCK_PORT} (attestation). The enclave
 * runs without {@code --debug-mode}: a debug enclave attests zero PCRs, which no {@code
 * expectedPcrs} accept.
 */
public final class EnclaveLaunchScript {

  /** Where the signer image keeps the enclave image file. */
  public static final String EIF_PATH = "/enclave/lottery-signer.eif";

  /** The enclave's vsock context id: fixed, so the bridges know where to connect. */
  public static final int ENCLAVE_CID = 16;

  /** The vsock port the enclave serves signing on. */
  public static final int SIGNING_VSOCK_PORT = 5000;

  /** The vsock port the enclave serves attestation documents on. */
  public static final int ATTESTATION_VSOCK_PORT = 5001;

  private EnclaveLaunchScript() {}

  /** The script for the given enclave. */
  public static String of(EnclaveSpec enclave) {
    return String.join(
        "\n",
        "set -eu",
        "trap 'nitro-cli terminate-enclave --all >/dev/null 2>&1 || true' EXIT",
        "trap 'exit 143' TERM INT",
        "nitro-cli run-enclave --eif-path "
            + EIF_PATH
            + " --cpu-count "
            + enclave.cpuCount()
            + " --memory "
            + EnclaveResources.hugepagesMiB(enclave)
            + " --enclave-cid "
            + ENCLAVE_CID,
        bridge(enclave.signingPort(), SIGNING_VSOCK_PORT),
        "signing=$!",
        bridge(enclave.attestationPort(), ATTESTATION_VSOCK_PORT),
        "attestation=$!",
        "while kill -0 \"$signing\" \"$attestation\" 2>/dev/null"
            + " && nitro-cli describe-enclaves | grep -q '\"State\": \"RUNNING\"'; do",
        "  sleep 5",
        "done",
        "echo 'enclave or vsock bridge stopped' >&2",
        "exit 1",
        "");
  }

  private static String bridge(int tcpPort, int vsockPort) {
    return "socat TCP-LISTEN:"
        + tcpPort
        + ",fork,reuseaddr VSOCK-CONNECT:"
        + ENCLAVE_CID
        + ":"
        + vsockPort
        + " &";
  }
}

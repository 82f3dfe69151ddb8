package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.EnclaveSpec;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.SignerType;
import java.util.Map;
import java.util.TreeMap;

/**
 * The frontend-server's configuration for a LotteryRound, as the environment variables the server
 * reads (the seed system's names). It holds only public facts about the chain, the contract and,
 * with an enclave signer, where its attestation port is: never a key, since the frontend signs
 * nothing.
 *
 * @param variables the variables, sorted by name
 */
public record FrontendEnvironment(Map<String, String> variables) {

  /** The port the frontend-server listens on inside its pod. */
  public static final int SERVER_PORT = 6080;

  public FrontendEnvironment {
    variables = Map.copyOf(variables);
  }

  /** The environment the frontend-server of the given LotteryRound runs with. */
  public static FrontendEnvironment of(LotteryRound primary) {
    LotteryRoundSpec spec = primary.getSpec();
    Map<String, String> variables = new TreeMap<>();
    variables.put("BLOCKCHAIN_RPC_URL", spec.chain().rpcUrl());
    variables.put("BLOCKCHAIN_CHAIN_ID", Long.toString(spec.chain().chainId()));
    variables.put("BLOCKCHAIN_CONTRACT_ADDRESS", spec.contract().address());
    variables.put("EVENTMGR_CONFIRMATIONS", Integer.toString(spec.chain().confirmations()));
    variables.put("SERVER_HOST", "0.0.0.0");
    variables.put("SERVER_PORT", Integer.toString(SERVER_PORT));
    EnclaveSpec enclave = spec.signer().enclave();
    if (spec.signer().type() == SignerType.ENCLAVE && enclave != null) {
      // /api/attestation passes the browser's nonce to the signer's attestation port
      variables.put(
          "SIGNER_ATTESTATION_URL", SignerServiceDependent.attestationUrl(primary).toString());
    }
    return new FrontendEnvironment(variables);
  }

  /** The variables in name order, as a ConfigMap's data. */
  public Map<String, String> sorted() {
    return new TreeMap<>(variables);
  }

  /**
   * A SHA-256 of the variables, put on the pod template so that a change of configuration rolls the
   * pods (a pod reads its environment only when it starts).
   */
  public String checksum() {
    StringBuilder text = new StringBuilder();
    sorted().forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
    return Component.sha256Hex(text.toString());
  }
}

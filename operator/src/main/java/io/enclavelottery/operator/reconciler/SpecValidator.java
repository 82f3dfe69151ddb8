package io.enclavelottery.operator.reconciler;

import io.enclavelottery.crd.ChainSpec;
import io.enclavelottery.crd.ContractSpec;
import io.enclavelottery.crd.ExpectedPcrs;
import io.enclavelottery.crd.GasSpec;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.RoundsSpec;
import io.enclavelottery.crd.SchemaPatterns;
import io.enclavelottery.crd.SecretKeyRef;
import io.enclavelottery.crd.SignerSpec;
import io.enclavelottery.crd.SignerType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a LotteryRound's spec against the rules its CRD schema states, because an API server that
 * does not enforce the schema (an old one, or fabric8's mock) lets anything through. Every problem
 * is a sentence that names the field and says what is allowed; nothing here throws on bad input, so
 * the controller and a future admission webhook can share it.
 */
public final class SpecValidator {

  private static final Pattern ADDRESS = Pattern.compile(SchemaPatterns.ADDRESS);
  private static final Pattern PCR = Pattern.compile(SchemaPatterns.PCR);
  private static final Pattern RPC_URL = Pattern.compile(SchemaPatterns.RPC_URL);
  private static final Pattern NAME = Pattern.compile(SchemaPatterns.DNS_SUBDOMAIN);
  private static final Pattern SECRET_KEY = Pattern.compile("^[-._a-zA-Z0-9]+$");
  private static final Pattern ETHER = Pattern.compile(SchemaPatterns.ETHER);
  private static final BigDecimal ONE_GWEI = new BigDecimal("0.000000001");
  private static final BigDecimal HUNDRED = new BigDecimal("100");

  /** Every problem of {@code spec}, in the order of its fields; empty when it is valid. */
  public List<String> problems(LotteryRoundSpec spec) {
    List<String> problems = new ArrayList<>();
    if (spec == null) {
      problems.add("spec is missing: a LotteryRound needs chain, contract and signer");
      return problems;
    }
    chain(spec.chain(), problems);
    contract(spec.contract(), problems);
    signer(spec.signer(), problems);
    rounds(spec.rounds(), problems);
    gas(spec.gas(), problems);
    return problems;
  }

  /** Whether {@code spec} has no problem: a LotteryRound's children exist only then. */
  public static boolean isValid(LotteryRoundSpec spec) {
    return new SpecValidator().problems(spec).isEmpty();
  }

  /** All problems in one message, or empty when the spec is valid. */
  public Optional<String> validate(LotteryRoundSpec spec) {
    List<String> problems = problems(spec);
    return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
  }

  private static void chain(ChainSpec chain, List<String> problems) {
    if (chain == null) {
      problems.add("chain is missing: give chain.rpcUrl and chain.chainId");
      return;
    }
    if (chain.rpcUrl() == null || !RPC_URL.matcher(chain.rpcUrl()).matches()) {
      problems.add(
          "chain.rpcUrl must start with http://, https://, ws:// or wss:// (a JSON-RPC endpoint)");
    }
    if (chain.chainId() == null || chain.chainId() < 1) {
      problems.add("chain.chainId must be a positive number, e.g. 1 (mainnet) or 31337 (Anvil)");
    }
    if (chain.confirmations() < 0 || chain.confirmations() > 256) {
      problems.add("chain.confirmations must be between 0 and 256, got " + chain.confirmations());
    }
  }

  private static void contract(ContractSpec contract, List<String> problems) {
    if (contract == null || contract.address() == null) {
      problems.add("contract.address is missing: give the lottery contract's address");
    } else if (!ADDRESS.matcher(contract.address()).matches()) {
      problems.add(
          "contract.address \""
              + contract.address()
              + "\" is not an address: it must be 0x followed by 40 hex digits");
    }
  }

  private static void signer(SignerSpec signer, List<String> problems) {
    if (signer == null || signer.type() == null) {
      problems.add("signer.type is missing: local (key in a Secret) or enclave");
      return;
    }
    if (signer.type() == SignerType.LOCAL && signer.keySecretRef() == null) {
      problems.add(
          "signer.type local needs signer.keySecretRef: the Secret that holds the operator key");
    }
    if (signer.type() == SignerType.ENCLAVE && signer.enclave() == null) {
      problems.add("signer.type enclave needs signer.enclave with its image and expectedPcrs");
    }
    if (signer.enclave() != null) {
      expectedPcrs(signer.enclave().expectedPcrs(), problems);
    }
    if (signer.type() != SignerType.ENCLAVE && signer.enclave() != null) {
      problems.add("signer.enclave is used only with signer.type enclave");
    }
    SecretKeyRef ref = signer.keySecretRef();
    if (ref != null) {
      if (ref.name() == null || ref.name().length() > 253 || !NAME.matcher(ref.name()).matches()) {
        problems.add(
            "signer.keySecretRef.name must be a Secret's name: lower-case letters, digits, '-'"
                + " and '.'");
      }
      if (ref.key().length() > 253 || !SECRET_KEY.matcher(ref.key()).matches()) {
        problems.add(
            "signer.keySecretRef.key must be a key of the Secret's data: letters, digits, '-',"
                + " '_' and '.'");
      }
    }
  }

  private static void expectedPcrs(ExpectedPcrs pcrs, List<String> problems) {
    if (pcrs == null || pcrs.pcr0() == null) {
      problems.add(
          "signer.enclave.expectedPcrs.pcr0 is missing: give the measurement nitro-cli"
              + " describe-eif prints");
      return;
    }
    if (pcrs.pcr0().matches("0+")) {
      problems.add(
          "signer.enclave.expectedPcrs.pcr0 of all zeros is a debug-mode enclave, which is never"
              + " trusted");
    }
    Map<String, String> given = new LinkedHashMap<>();
    given.put("pcr0", pcrs.pcr0());
    given.put("pcr1", pcrs.pcr1());
    given.put("pcr2", pcrs.pcr2());
    given.forEach(
        (name, value) -> {
          if (value != null && !PCR.matcher(value).matches()) {
            problems.add(
                "signer.enclave.expectedPcrs."
                    + name
                    + " must be 96 hex digits (48 bytes, as nitro-cli prints it)");
          }
        });
  }

  private static void rounds(RoundsSpec rounds, List<String> problems) {
    Integer duration = rounds.bettingDuration();
    if (duration != null && (duration < 10 || duration > 2_592_000)) {
      problems.add(
          "rounds.bettingDuration must be between 10 and 2592000 seconds (30 days), got "
              + duration);
    }
    String minBet = rounds.minBet();
    if (minBet != null
        && (!ETHER.matcher(minBet).matches() || !withinBetBounds(new BigDecimal(minBet)))) {
      problems.add(
          "rounds.minBet must be an amount of ether between 0.000000001 (1 gwei) and 100,"
              + " written as a decimal string like \"0.01\", got \""
              + minBet
              + "\"");
    }
    Integer participants = rounds.minParticipants();
    if (participants != null && (participants < 2 || participants > 1000)) {
      problems.add("rounds.minParticipants must be between 2 and 1000, got " + participants);
    }
  }

  private static boolean withinBetBounds(BigDecimal ether) {
    return ether.compareTo(ONE_GWEI) >= 0 && ether.compareTo(HUNDRED) <= 0;
  }

  private static void gas(GasSpec gas, List<String> problems) {
    if (gas.multiplier() < 1 || gas.multiplier() > 10) {
      problems.add("gas.multiplier must be between 1 and 10, got " + gas.multiplier());
    }
    if (gas.maxFeePerGasGwei() != null && gas.maxFeePerGasGwei() <= 0) {
      problems.add("gas.maxFeePerGasGwei must be above 0 gwei, got " + gas.maxFeePerGasGwei());
    }
  }
}

package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.List;
import java.util.Optional;

/**
 * What the controller sees of a LotteryRound's contract and what it is doing about it. Written when
 * something in it changes, never on a timer; amounts are ether as decimal strings, times RFC 3339
 * strings in UTC.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LotteryRoundStatus(
    @JsonPropertyDescription("The metadata.generation of the spec this status was written for.")
        Long observedGeneration,
    @JsonPropertyDescription(
            "What the controller is doing, in one word: Pending, Running, Paused, Standby"
                + " (another LotteryRound runs this contract), Blocked (a person must fix"
                + " something; see lastError) or Unavailable (something is out of reach; retried).")
        LotteryPhase phase,
    @JsonPropertyDescription(
            "Ready, ChainReachable, ContractVerified, OperatorAuthorized, SettingsInSync,"
                + " SignerReady, FrontendAvailable and BondSufficient, each with a reason and a"
                + " message.")
        List<LotteryCondition> conditions,
    @JsonPropertyDescription("The chain id the node reported.") Long chainId,
    @JsonPropertyDescription(
            "The block this status describes. Updated together with other changes, not on every"
                + " block.")
        Long latestBlock,
    @JsonPropertyDescription(
            "The address the signer signs as (the contract's operator). With signer.type enclave,"
                + " the one its last verified attestation names; absent until then.")
        String operatorAddress,
    @JsonPropertyDescription(
            "With signer.type enclave: the measurements the signer's last verified attestation"
                + " showed. Absent until one verifies, and with signer.type local.")
        SignerAttestationStatus signerAttestation,
    @JsonPropertyDescription("The operator account's balance, in ether, that pays for gas.")
        String operatorBalance,
    @JsonPropertyDescription(
            "The operator's bond held by the contract, in ether; a withheld reveal costs part of"
                + " it.")
        String bond,
    @JsonPropertyDescription("The largest pot the bond covers, in ether.") String maxPot,
    @JsonPropertyDescription(
            "Committed rounds that expired without a reveal, ever (the contract's public"
                + " counter).")
        Long unrevealedRounds,
    @JsonPropertyDescription("The current round (or, while WAITING, the last one).")
        RoundStatus round,
    @JsonPropertyDescription("How the last round ended.") RoundResult lastResult,
    @Size(max = HISTORY_LIMIT)
        @JsonPropertyDescription(
            "How the last rounds ended, newest first, at most "
                + HISTORY_LIMIT
                + ". The full history is on the chain.")
        List<RoundResult> history,
    @JsonPropertyDescription(
            "The transaction the controller sent and waits for, if any. Absent: none in flight.")
        PendingTransaction pendingTransaction,
    @JsonPropertyDescription(
            "Settings from the spec held until the running round ends. Absent: none held.")
        PendingSettings pendingSettings,
    @JsonPropertyDescription("Where players reach the frontend.") String frontendUrl,
    @JsonPropertyDescription(
            "The last problem, in words, and what to do about it. Absent when there is none.")
        String lastError) {

  /** The most rounds {@link #history} keeps. */
  public static final int HISTORY_LIMIT = 10;

  public LotteryRoundStatus {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
    history = history == null ? List.of() : List.copyOf(history);
    if (history.size() > HISTORY_LIMIT) {
      throw new IllegalArgumentException(
          "history keeps at most " + HISTORY_LIMIT + " rounds, got " + history.size());
    }
  }

  /** The condition of the given type, if the status has it. */
  public Optional<LotteryCondition> condition(ConditionType type) {
    return conditions.stream().filter(c -> c.type() == type).findFirst();
  }
}

package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A lottery contract on one chain whose rounds the controller runs: it starts rounds, commits and
 * reveals the draw seed, draws or refunds, keeps the contract's settings as the spec says, and
 * reports what it sees in the status.
 *
 * <p>{@code kubectl get lr} shows the current round, its state, pot and players, when betting ends
 * (a timestamp, so it never needs a status write to stay right), the last winner and readiness.
 */
@Group(LotteryRound.GROUP)
@Version(LotteryRound.VERSION)
@ShortNames("lr")
@Plural("lotteryrounds")
@AdditionalPrinterColumn(
    name = "Round",
    jsonPath = ".status.round.id",
    type = Type.INTEGER,
    getDescription = "The current (or last) round's number")
@AdditionalPrinterColumn(
    name = "State",
    jsonPath = ".status.round.state",
    type = Type.STRING,
    getDescription = "The round's state on the contract")
@AdditionalPrinterColumn(
    name = "Pot (ETH)",
    jsonPath = ".status.round.pot",
    type = Type.STRING,
    getDescription = "The sum of the round's bets, in ether")
@AdditionalPrinterColumn(
    name = "Players",
    jsonPath = ".status.round.participants",
    type = Type.INTEGER,
    getDescription = "Distinct players in the round")
@AdditionalPrinterColumn(
    name = "Betting ends",
    jsonPath = ".status.round.endTime",
    type = Type.STRING,
    getDescription = "When betting closes (RFC 3339, UTC)")
@AdditionalPrinterColumn(
    name = "Last winner",
    jsonPath = ".status.lastResult.winner",
    type = Type.STRING,
    getDescription = "The winner of the last round drawn")
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING,
    getDescription = "Whether the controller can run rounds on the contract")
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
@AdditionalPrinterColumn(
    name = "Phase",
    jsonPath = ".status.phase",
    type = Type.STRING,
    priority = 1,
    getDescription = "What the controller is doing with this resource")
public class LotteryRound extends CustomResource<LotteryRoundSpec, LotteryRoundStatus>
    implements Namespaced {

  /** The API group. */
  public static final String GROUP = "enclave-lottery.io";

  /** The API version within {@link #GROUP}. */
  public static final String VERSION = "v1alpha1";

  // Overridden only to give the schema's spec and status their descriptions.
  @Override
  @JsonPropertyDescription(
      "What this lottery should be: the chain, the contract, the signer, and how rounds are run.")
  public LotteryRoundSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription(
      "What the controller sees on the chain and what it is doing about it. Written by the"
          + " controller only.")
  public LotteryRoundStatus getStatus() {
    return super.getStatus();
  }
}

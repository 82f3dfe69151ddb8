package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The conditions a LotteryRound reports, each True, False or Unknown with a reason. */
public enum ConditionType {
  /** Everything below that the lottery needs holds: the controller can run rounds. */
  @JsonProperty("Ready")
  READY,
  /** The node answers and is on {@code chain.chainId}. */
  @JsonProperty("ChainReachable")
  CHAIN_REACHABLE,
  /** There is a Lottery contract at {@code contract.address}. */
  @JsonProperty("ContractVerified")
  CONTRACT_VERIFIED,
  /** The signer's address is the contract's operator and can pay for gas. */
  @JsonProperty("OperatorAuthorized")
  OPERATOR_AUTHORIZED,
  /** The contract's settings are the spec's; False while changes wait for the round to end. */
  @JsonProperty("SettingsInSync")
  SETTINGS_IN_SYNC,
  /** The key was read (local) or the enclave signer answered and its attestation checked out. */
  @JsonProperty("SignerReady")
  SIGNER_READY,
  /** The frontend has its pods available (True when it is disabled, with a reason saying so). */
  @JsonProperty("FrontendAvailable")
  FRONTEND_AVAILABLE,
  /** The operator's bond covers the reveal penalty of a full round at the current settings. */
  @JsonProperty("BondSufficient")
  BOND_SUFFICIENT
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title The lottery's external interface
/// @notice Everything a player, an operator, a feed or an auditor can call or observe.
/// The Java binding is generated from the ABI of `Lottery`, which implements exactly this.
///
/// Rounds run WAITING -> BETTING -> (COMPLETED | REFUNDED), then the next round opens in
/// WAITING. Betting runs over [startTime, endTime]; the draw window is
/// [minDrawTime, maxDrawTime] = [endTime + minDrawDelayAfterEnd, endTime + maxDrawDelayAfterEnd].
///
/// The draw is commit-reveal: while betting is open the operator commits
/// keccak256(abi.encode(block.chainid, address(this), roundId, seed)); in the draw window anyone
/// who knows the seed reveals it with drawWinner(seed). The winning point is
/// uint256(keccak256(abi.encode(seed, roundId))) % totalPot, and the winner is the bettor whose
/// cumulative range [cumulative - amount, cumulative) contains that point.
interface ILottery {
    // =============== TYPES ===============

    /// States of a round. DRAWING exists for the seed system's clients; a draw passes through it
    /// within one transaction.
    enum RoundState {
        WAITING,
        BETTING,
        DRAWING,
        COMPLETED,
        REFUNDED
    }

    /// One round, current or past. Fields up to `state` are the seed system's, in its order.
    struct LotteryRound {
        uint256 roundId;
        uint256 startTime;
        uint256 endTime;
        uint256 minDrawTime;
        uint256 maxDrawTime;
        uint256 totalPot;
        uint256 participantCount;
        address winner;
        uint256 publisherCommission;
        uint256 winnerPrize;
        RoundState state;
        /// keccak256(abi.encode(chainid, lottery, roundId, seed)); zero until committed
        bytes32 seedCommitment;
        /// the revealed seed; zero until drawn
        bytes32 revealedSeed;
        /// number of bets (a player may bet several times)
        uint256 betCount;
        /// seconds added to the original end time by extendBettingTime
        uint256 totalExtension;
        /// reveal penalty taken from the bond, shared among the players; zero unless withheld
        uint256 revealPenalty;
    }

    // =============== ERRORS ===============

    error NotPublisher();
    error NotOperator();
    error ZeroAddress();
    /// The publisher cannot also be the operator.
    error OperatorIsPublisher();
    error AlreadyOperator();
    error CommissionTooHigh(uint256 bps, uint256 max);
    error RevealPenaltyTooHigh(uint256 bps, uint256 max);
    error OperatorChangeDelayOutOfRange(uint256 delay, uint256 min, uint256 max);
    /// The round is not in the state this call needs.
    error WrongState(RoundState expected, RoundState actual);
    error Paused();
    error BetTooSmall(uint256 amount, uint256 minimum);
    /// A bet would make the pot larger than the operator's bond can cover the reveal penalty of.
    error PotCapExceeded(uint256 newPot, uint256 maxPot);
    error BettingClosed(uint256 endTime, uint256 nowTime);
    error EndTimeMismatch(uint256 given, uint256 actual);
    error SeedAlreadyCommitted(uint256 roundId);
    error ZeroCommitment();
    error NoSeedCommitted(uint256 roundId);
    error DrawWindowNotOpen(uint256 minDrawTime, uint256 nowTime);
    error DrawWindowClosed(uint256 maxDrawTime, uint256 nowTime);
    error InvalidReveal(uint256 roundId);
    error RefundNotYetAllowed(uint256 allowedAfter, uint256 nowTime);
    error ExtensionTooShort(uint256 newEndTime, uint256 earliestAllowed);
    error ExtensionCapExceeded(uint256 totalExtension, uint256 cap);
    error SettingOutOfRange(uint256 value, uint256 min, uint256 max);
    error NothingToWithdraw();
    error NothingToClaim(uint256 roundId, address player);
    error InsufficientBond(uint256 requested, uint256 available);
    error NoPendingOperator();
    error OperatorChangeNotDue(uint256 effectiveAt, uint256 nowTime);
    error UnknownRound(uint256 roundId);
    error TransferFailed(address to, uint256 amount);
    error Reentrancy();

    // =============== EVENTS (the seed system's, in its shapes) ===============

    event RoundCreated(
        uint256 indexed roundId,
        uint256 startTime,
        uint256 endTime,
        uint256 minDrawTime,
        uint256 maxDrawTime,
        uint256 timestamp
    );
    event BetPlaced(
        uint256 indexed roundId, address indexed player, uint256 amount, uint256 newTotal, uint256 timestamp
    );
    event EndTimeExtended(uint256 indexed roundId, uint256 oldEndTime, uint256 newEndTime, uint256 timestamp);
    event RoundStateChanged(uint256 indexed roundId, RoundState oldState, RoundState newState, uint256 timestamp);
    /// `randomSeed` is the revealed seed as a number.
    event RoundCompleted(
        uint256 indexed roundId,
        address indexed winner,
        uint256 totalPot,
        uint256 winnerPrize,
        uint256 publisherCommission,
        uint256 randomSeed,
        uint256 timestamp
    );
    event RoundRefunded(
        uint256 indexed roundId, uint256 totalRefunded, uint256 participantCount, string reason, uint256 timestamp
    );
    event MinBetAmountUpdated(uint256 oldAmount, uint256 newAmount, uint256 timestamp);
    event BettingDurationUpdated(uint256 oldDuration, uint256 newDuration, uint256 timestamp);
    event MinParticipantsUpdated(uint256 oldMin, uint256 newMin, uint256 timestamp);
    event OperatorUpdated(address indexed oldOperator, address indexed newOperator, uint256 timestamp);
    event Withdrawn(address indexed to, uint256 amount, uint256 timestamp);

    // =============== EVENTS (this contract's additions) ===============

    event DrawDelaysUpdated(
        uint256 oldMinDelay, uint256 oldMaxDelay, uint256 newMinDelay, uint256 newMaxDelay, uint256 timestamp
    );
    event MinEndTimeExtensionUpdated(uint256 oldExtension, uint256 newExtension, uint256 timestamp);
    event SeedCommitted(uint256 indexed roundId, bytes32 commitment, uint256 endTime, uint256 timestamp);
    /// A committed round expired without a reveal: `penalty` was taken from the bond for its players.
    event RevealWithheld(uint256 indexed roundId, uint256 penalty, uint256 unrevealedRounds, uint256 timestamp);
    /// The prize could not be pushed to the winner and was credited for withdrawal instead.
    event PrizeCredited(uint256 indexed roundId, address indexed winner, uint256 amount, uint256 timestamp);
    event RefundClaimed(
        uint256 indexed roundId, address indexed player, uint256 amount, uint256 penaltyShare, uint256 timestamp
    );
    event BondDeposited(address indexed from, uint256 amount, uint256 newBond, uint256 timestamp);
    event BondWithdrawn(address indexed operator, uint256 amount, uint256 newBond, uint256 timestamp);
    event PausedSet(bool paused, uint256 timestamp);
    event OperatorChangeProposed(address indexed newOperator, uint256 effectiveAt, uint256 timestamp);
    /// The pending operator deposited towards the bond it takes over with.
    event PendingBondDeposited(address indexed pendingOperator, uint256 amount, uint256 newPendingBond, uint256 timestamp);
    /// A proposed operator change was cancelled or replaced; the candidate's deposit was credited
    /// back to it for withdrawal.
    event OperatorChangeCancelled(address indexed cancelledOperator, uint256 refundedBond, uint256 timestamp);

    // =============== PLAYERS AND ANYONE ===============

    /// Bet msg.value on the current round; opens a round when WAITING (unless paused).
    function placeBet() external payable;

    /// Reveal the committed seed and draw the winner; anyone who knows the seed may call it,
    /// within [minDrawTime, maxDrawTime]. With fewer than minParticipants players the round is
    /// refunded instead.
    function drawWinner(bytes32 seed) external;

    /// Refund a round that cannot be drawn: at once after endTime when no seed was committed,
    /// after maxDrawTime otherwise (then the reveal penalty is taken from the bond).
    function refundExpiredRound() external;

    /// Pay the caller's bet, plus their share of any reveal penalty, from a refunded round.
    function claimRefund(uint256 roundId) external;

    /// Pay out what the contract credited to the caller (commission, a refused prize, an old bond).
    function withdraw() external;

    /// Add to the operator's bond (anyone may fund it). A deposit from the pending operator is held
    /// apart as the bond it takes over with, and credited back to it if the change is cancelled or
    /// replaced: an incoming operator's money never becomes the outgoing one's.
    function depositBond() external payable;

    // =============== OPERATOR ===============

    function startRound() external;
    function commitSeed(bytes32 commitment, uint256 endTime) external;
    /// Move the end of betting later, while betting is open and before a seed is committed.
    function extendBettingTime(uint256 newEndTime) external;
    /// Refund the running round; only while betting is still open and before a seed is committed
    /// (a committed round ends by its reveal or, withheld, with the reveal penalty).
    function refundRound() external;
    function setPaused(bool newPaused) external;
    function withdrawBond(uint256 amount) external;
    function updateMinBetAmount(uint256 newMinBetAmount) external;
    function updateBettingDuration(uint256 newDuration) external;
    function updateMinParticipants(uint256 newMinParticipants) external;
    function updateDrawDelays(uint256 newMinDelay, uint256 newMaxDelay) external;
    function updateMinEndTimeExtension(uint256 newExtension) external;

    // =============== PUBLISHER ===============

    /// Propose a new operator (not the current one); it can be activated after
    /// OPERATOR_CHANGE_DELAY, while WAITING. Proposing again restarts the delay; proposing someone
    /// else cancels the earlier proposal first.
    function proposeOperator(address newOperator) external;
    /// Withdraw the pending proposal; the candidate's deposit is credited back to it.
    function cancelOperatorChange() external;
    /// Activate the proposed operator once due and while WAITING (anyone may call it). A due change
    /// also takes effect by itself whenever a round ends. The old operator's bond is credited to
    /// them for withdrawal; the new operator's deposit becomes the bond.
    function activateOperator() external;

    // =============== VIEWS ===============

    function PUBLISHER() external view returns (address);
    function PUBLISHER_COMMISSION_RATE() external view returns (uint256);
    function REVEAL_PENALTY_BPS() external view returns (uint256);
    function OPERATOR_CHANGE_DELAY() external view returns (uint256);
    function MAX_TOTAL_EXTENSION() external view returns (uint256);
    function operator() external view returns (address);
    function pendingOperator() external view returns (address);
    function pendingOperatorEffectiveAt() external view returns (uint256);
    /// What the pending operator has deposited towards its bond.
    function pendingOperatorBond() external view returns (uint256);
    function paused() external view returns (bool);
    function operatorBond() external view returns (uint256);
    function unrevealedRounds() external view returns (uint256);
    function minBetAmount() external view returns (uint256);
    function bettingDuration() external view returns (uint256);
    function minDrawDelayAfterEnd() external view returns (uint256);
    function maxDrawDelayAfterEnd() external view returns (uint256);
    function minEndTimeExtension() external view returns (uint256);
    function minParticipants() external view returns (uint256);
    function pendingWithdrawals(address account) external view returns (uint256);

    /// The seed system's nine settings, in its order.
    function getConfig()
        external
        view
        returns (
            address publisherAddr,
            address operatorAddr,
            uint256 publisherCommission,
            uint256 minBet,
            uint256 bettingDur,
            uint256 minDrawDelay,
            uint256 maxDrawDelay,
            uint256 minEndTimeExt,
            uint256 minPart
        );
    function getMinBetAmount() external view returns (uint256);

    /// Largest pot the current bond allows (type(uint256).max when the penalty is zero).
    function maxPot() external view returns (uint256);

    function currentRoundId() external view returns (uint256);
    function getRound() external view returns (LotteryRound memory);
    function getRoundById(uint256 roundId) external view returns (LotteryRound memory);

    /// Distinct players of the current round and each one's total bet, a page at a time.
    function getParticipants(uint256 offset, uint256 limit)
        external
        view
        returns (address[] memory players, uint256[] memory amounts);
    function getRoundParticipants(uint256 roundId, uint256 offset, uint256 limit)
        external
        view
        returns (address[] memory players, uint256[] memory amounts);

    /// Bets of a round in order: bettor and cumulative total after the bet.
    function getBets(uint256 roundId, uint256 offset, uint256 limit)
        external
        view
        returns (address[] memory bettors, uint256[] memory cumulativeTotals);

    function getBetAmount(address player) external view returns (uint256);
    function getRoundBetAmount(uint256 roundId, address player) external view returns (uint256);

    /// What claimRefund(roundId) would pay `player` now (bet plus penalty share); zero once claimed.
    function refundOwed(uint256 roundId, address player) external view returns (uint256);

    /// keccak256(abi.encode(block.chainid, address(this), roundId, seed)).
    function computeCommitment(uint256 roundId, bytes32 seed) external view returns (bytes32);
}

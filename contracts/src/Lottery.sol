// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ILottery} from "./ILottery.sol";

// The game is timed by block.timestamp; the few seconds a block producer can shift it move
// nothing that matters: the winning point does not depend on the time of the draw.
// forge-lint: disable-start(block-timestamp)

/// @title Lottery
/// @notice A pot lottery run by an operator: players bet ether into a round, one of them wins the
/// pot minus the publisher's commission, with a probability proportional to the amount they bet.
///
/// The draw is commit-reveal (see ILottery): the operator commits a hash of a seed while betting
/// is open and anyone who knows the seed reveals it in the draw window. Withholding a reveal costs
/// the operator: the round is refunded and REVEAL_PENALTY_BPS of its pot is taken from the
/// operator's bond and shared among its players. Pots are capped so that the bond always covers
/// that penalty.
///
/// Money leaves the contract only by pull (withdraw, claimRefund, withdrawBond) or by the prize
/// push of a draw, which is gas-bounded and falls back to a credit, so no address can block the
/// game. Nothing loops over players or bets: each bet is one storage slot (bettor and cumulative
/// total), the winner is found by binary search, refunds are claimed per player.
///
/// Every state-changing function is guarded against reentrancy (transient storage) and follows
/// checks-effects-interactions. The contract's balance is always at least what it owes: the pot
/// of the running round, the bond, every pending withdrawal and every unclaimed refund with its
/// penalty share. It may hold more (ether can be forced in): nothing assumes equality.
///
/// The contract has no receive or fallback function: ether comes in through placeBet and
/// depositBond only.
contract Lottery is ILottery {
    // =============== CONSTANTS ===============

    uint256 private constant BPS_DENOMINATOR = 10_000;
    /// Publisher commission ceiling: 10 %.
    uint256 private constant MAX_COMMISSION_BPS = 1_000;

    /// An operator change is announced at least this long before it can happen. One minute is
    /// short, but dev chains and tests need it; a production deployment chooses a day or more.
    uint256 private constant MIN_OPERATOR_CHANGE_DELAY = 60 seconds;
    uint256 private constant MAX_OPERATOR_CHANGE_DELAY = 30 days;

    /// Most a round's betting can be extended in total.
    uint256 public constant MAX_TOTAL_EXTENSION = 1 days;

    /// Gas forwarded with the prize push: enough for a smart-contract wallet that forwards or logs
    /// the payment (a proxy's delegatecall plus an event costs well under 10,000), small enough that
    /// a winner cannot burn the drawer's gas. A winner that needs more is credited instead.
    uint256 private constant PRIZE_PUSH_GAS = 30_000;

    // Hard ranges of the operator's settings.
    uint256 private constant MIN_BET_FLOOR = 1 gwei;
    uint256 private constant MIN_BET_CEILING = 100 ether;
    uint256 private constant MIN_BETTING_DURATION = 10 seconds;
    uint256 private constant MAX_BETTING_DURATION = 30 days;
    uint256 private constant MIN_PARTICIPANTS_FLOOR = 2;
    uint256 private constant MIN_PARTICIPANTS_CEILING = 1_000;
    /// The draw window opens at least this long after betting ends, so the last bet is final.
    uint256 private constant MIN_DRAW_DELAY = 1 seconds;
    /// The draw window is at least this long, so a reveal has time to land.
    uint256 private constant MIN_DRAW_WINDOW = 10 seconds;
    /// The draw window closes at most this long after betting ends, so bets are never stuck long.
    uint256 private constant MAX_DRAW_DELAY = 7 days;
    uint256 private constant MIN_EXTENSION_FLOOR = 10 seconds;
    uint256 private constant MIN_EXTENSION_CEILING = 1 days;

    string private constant REASON_NO_SEED = "No seed committed";
    string private constant REASON_DRAW_EXPIRED = "Draw time expired";
    string private constant REASON_OPERATOR = "Operator-initiated refund";
    string private constant REASON_TOO_FEW_PLAYERS = "Insufficient participants";

    // =============== STORAGE TYPES ===============

    /// One bet in one storage slot: who bet, and the round's pot right after the bet.
    /// The bet covers the points [previous cumulative, cumulative).
    struct Bet {
        address bettor;
        uint96 cumulative;
    }

    /// A player's total bet in a round, and whether its refund was claimed.
    struct Stake {
        uint96 amount;
        bool refundClaimed;
    }

    /// A round, packed. Times fit in 64 bits for billions of years; amounts fit in 96 bits because
    /// a pot never exceeds type(uint96).max (about 79 billion ether), which placeBet enforces.
    struct Round {
        uint64 startTime;
        uint64 endTime;
        uint64 minDrawTime;
        uint64 maxDrawTime;
        uint96 totalPot;
        uint64 participantCount;
        uint64 totalExtension;
        RoundState state;
        address winner;
        uint96 winnerPrize;
        uint96 publisherCommission;
        uint96 revealPenalty;
        bytes32 seedCommitment;
        bytes32 revealedSeed;
        Bet[] bets;
        address[] players;
        mapping(address player => Stake) stakes;
    }

    // =============== STATE ===============

    address public immutable PUBLISHER;
    uint256 public immutable PUBLISHER_COMMISSION_RATE;
    uint256 public immutable REVEAL_PENALTY_BPS;
    uint256 public immutable OPERATOR_CHANGE_DELAY;

    address public operator;
    bool public paused;
    address public pendingOperator;
    uint256 public pendingOperatorEffectiveAt;
    uint256 public pendingOperatorBond;
    uint256 public operatorBond;
    uint256 public unrevealedRounds;

    uint256 public minBetAmount;
    uint256 public bettingDuration;
    uint256 public minDrawDelayAfterEnd;
    uint256 public maxDrawDelayAfterEnd;
    uint256 public minEndTimeExtension;
    uint256 public minParticipants;

    mapping(address account => uint256) public pendingWithdrawals;

    uint256 public currentRoundId;
    mapping(uint256 roundId => Round) private _rounds;

    bool private transient _entered;

    // =============== MODIFIERS ===============

    modifier onlyOperator() {
        if (msg.sender != operator) revert NotOperator();
        _;
    }

    modifier onlyPublisher() {
        if (msg.sender != PUBLISHER) revert NotPublisher();
        _;
    }

    modifier nonReentrant() {
        if (_entered) revert Reentrancy();
        _entered = true;
        _;
        _entered = false;
    }

    /// Settings change only between rounds, so a running round keeps the rules it opened with.
    modifier whileWaiting() {
        RoundState state = _rounds[currentRoundId].state;
        if (state != RoundState.WAITING) revert WrongState(RoundState.WAITING, state);
        _;
    }

    // =============== CONSTRUCTOR ===============

    /// @param initialOperator runs the rounds from the start; neither zero nor the deployer
    /// @param commissionBps the publisher's share of every pot, at most 1,000 (10 %)
    /// @param revealPenaltyBps share of a pot taken from the bond when a reveal is withheld,
    /// at most 10,000; zero disables the penalty and the pot cap
    /// @param operatorChangeDelay seconds between proposing and activating a new operator,
    /// within [60 s, 30 days]
    constructor(address initialOperator, uint256 commissionBps, uint256 revealPenaltyBps, uint256 operatorChangeDelay) {
        _checkOperatorCandidate(initialOperator, msg.sender);
        if (commissionBps > MAX_COMMISSION_BPS) revert CommissionTooHigh(commissionBps, MAX_COMMISSION_BPS);
        if (revealPenaltyBps > BPS_DENOMINATOR) revert RevealPenaltyTooHigh(revealPenaltyBps, BPS_DENOMINATOR);
        if (operatorChangeDelay < MIN_OPERATOR_CHANGE_DELAY || operatorChangeDelay > MAX_OPERATOR_CHANGE_DELAY) {
            revert OperatorChangeDelayOutOfRange(
                operatorChangeDelay, MIN_OPERATOR_CHANGE_DELAY, MAX_OPERATOR_CHANGE_DELAY
            );
        }

        PUBLISHER = msg.sender;
        PUBLISHER_COMMISSION_RATE = commissionBps;
        REVEAL_PENALTY_BPS = revealPenaltyBps;
        OPERATOR_CHANGE_DELAY = operatorChangeDelay;
        operator = initialOperator;

        // the seed system's defaults
        minBetAmount = 0.001 ether;
        bettingDuration = 120 seconds;
        minDrawDelayAfterEnd = 30 seconds;
        maxDrawDelayAfterEnd = 120 seconds;
        minEndTimeExtension = 120 seconds;
        minParticipants = 2;

        currentRoundId = 1;
        emit OperatorUpdated(address(0), initialOperator, block.timestamp);
        emit RoundCreated(1, 0, 0, 0, 0, block.timestamp);
    }

    // =============== PLAYERS AND ANYONE ===============

    /// @inheritdoc ILottery
    /// @dev BetPlaced's `newTotal` is the round's pot after the bet, as in the seed system.
    function placeBet() external payable nonReentrant {
        uint256 minBet = minBetAmount;
        if (msg.value < minBet) revert BetTooSmall(msg.value, minBet);

        uint256 roundId = currentRoundId;
        Round storage round = _rounds[roundId];
        if (round.state == RoundState.WAITING) {
            if (paused) revert Paused();
            _openRound(roundId, round);
        }
        // The current round is WAITING or BETTING between transactions, so it is BETTING here.
        if (block.timestamp > round.endTime) revert BettingClosed(round.endTime, block.timestamp);

        uint256 newPot = round.totalPot + msg.value;
        uint256 cap = _potCap();
        if (newPot > cap) revert PotCapExceeded(newPot, cap);

        Stake storage stake = round.stakes[msg.sender];
        if (stake.amount == 0) {
            round.players.push(msg.sender);
            round.participantCount += 1;
        }
        // forge-lint: disable-start(unsafe-typecast) -- stake + msg.value <= newPot <= _potCap() <= uint96 max
        stake.amount += uint96(msg.value);
        round.totalPot = uint96(newPot);
        round.bets.push(Bet({bettor: msg.sender, cumulative: uint96(newPot)}));
        // forge-lint: disable-end(unsafe-typecast)

        emit BetPlaced(roundId, msg.sender, msg.value, newPot, block.timestamp);
    }

    /// @inheritdoc ILottery
    function drawWinner(bytes32 seed) external nonReentrant {
        uint256 roundId = currentRoundId;
        Round storage round = _bettingRound(roundId);
        _checkReveal(roundId, round, seed);
        round.revealedSeed = seed;

        if (round.participantCount < minParticipants) {
            _refund(roundId, round, REASON_TOO_FEW_PLAYERS);
            return;
        }
        // DRAWING is announced for the seed system's clients; no external call happens before
        // COMPLETED is stored, so storing DRAWING would change nothing anyone can observe.
        emit RoundStateChanged(roundId, RoundState.BETTING, RoundState.DRAWING, block.timestamp);

        uint256 pot = round.totalPot;
        address winner = _findWinner(round.bets, uint256(keccak256(abi.encode(seed, roundId))) % pot);
        uint256 commission = pot * PUBLISHER_COMMISSION_RATE / BPS_DENOMINATOR;
        uint256 prize = pot - commission;

        round.winner = winner;
        // forge-lint: disable-start(unsafe-typecast) -- both are at most the pot, a uint96
        round.winnerPrize = uint96(prize);
        round.publisherCommission = uint96(commission);
        // forge-lint: disable-end(unsafe-typecast)
        round.state = RoundState.COMPLETED;
        if (commission != 0) pendingWithdrawals[PUBLISHER] += commission;

        emit RoundCompleted(roundId, winner, pot, prize, commission, uint256(seed), block.timestamp);
        emit RoundStateChanged(roundId, RoundState.DRAWING, RoundState.COMPLETED, block.timestamp);
        _openNextRound(roundId, RoundState.COMPLETED);

        _pushPrize(roundId, winner, prize);
    }

    /// @inheritdoc ILottery
    function refundExpiredRound() external nonReentrant {
        uint256 roundId = currentRoundId;
        Round storage round = _bettingRound(roundId);
        bool committed = round.seedCommitment != 0;
        uint256 allowedAfter = committed ? round.maxDrawTime : round.endTime;
        if (block.timestamp <= allowedAfter) revert RefundNotYetAllowed(allowedAfter, block.timestamp);

        if (committed) {
            // a committed round reaches maxDrawTime only if nobody revealed its seed
            _takeRevealPenalty(roundId, round);
            _refund(roundId, round, REASON_DRAW_EXPIRED);
        } else {
            _refund(roundId, round, REASON_NO_SEED);
        }
    }

    /// @inheritdoc ILottery
    /// @dev Pays the bet plus floor(revealPenalty * bet / totalPot). The floors leave at most
    /// (participantCount - 1) wei of a penalty unclaimed in the contract.
    /// RefundClaimed's `amount` is everything paid, `penaltyShare` included.
    function claimRefund(uint256 roundId) external nonReentrant {
        Round storage round = _knownRound(roundId);
        if (round.state != RoundState.REFUNDED) revert WrongState(RoundState.REFUNDED, round.state);
        Stake storage stake = round.stakes[msg.sender];
        uint256 bet = stake.amount;
        if (bet == 0 || stake.refundClaimed) revert NothingToClaim(roundId, msg.sender);

        stake.refundClaimed = true;
        uint256 share = _penaltyShare(round, bet);
        uint256 amount = bet + share;
        emit RefundClaimed(roundId, msg.sender, amount, share, block.timestamp);

        _send(msg.sender, amount);
    }

    /// @inheritdoc ILottery
    function withdraw() external nonReentrant {
        uint256 amount = pendingWithdrawals[msg.sender];
        if (amount == 0) revert NothingToWithdraw();

        pendingWithdrawals[msg.sender] = 0;
        emit Withdrawn(msg.sender, amount, block.timestamp);

        _send(msg.sender, amount);
    }

    /// @inheritdoc ILottery
    /// @dev Anyone else who deposits gives the ether to the current operator: the bond is the
    /// operator's, and is credited to them when they are replaced.
    function depositBond() external payable nonReentrant {
        if (msg.sender == pendingOperator) {
            uint256 newPendingBond = pendingOperatorBond + msg.value;
            pendingOperatorBond = newPendingBond;
            emit PendingBondDeposited(msg.sender, msg.value, newPendingBond, block.timestamp);
            return;
        }
        uint256 newBond = operatorBond + msg.value;
        operatorBond = newBond;
        emit BondDeposited(msg.sender, msg.value, newBond, block.timestamp);
    }

    // =============== OPERATOR ===============

    /// Open the current WAITING round without a bet.
    function startRound() external onlyOperator nonReentrant {
        uint256 roundId = currentRoundId;
        Round storage round = _rounds[roundId];
        if (round.state != RoundState.WAITING) revert WrongState(RoundState.WAITING, round.state);
        if (paused) revert Paused();
        _openRound(roundId, round);
    }

    /// Commit keccak256(abi.encode(block.chainid, address(this), roundId, seed)), once per round,
    /// while betting is open; `endTime` must be the round's current end.
    function commitSeed(bytes32 commitment, uint256 endTime) external onlyOperator nonReentrant {
        uint256 roundId = currentRoundId;
        Round storage round = _bettingRound(roundId);
        uint256 roundEnd = round.endTime;
        if (block.timestamp > roundEnd) revert BettingClosed(roundEnd, block.timestamp);
        if (endTime != roundEnd) revert EndTimeMismatch(endTime, roundEnd);
        if (commitment == 0) revert ZeroCommitment();
        if (round.seedCommitment != 0) revert SeedAlreadyCommitted(roundId);

        round.seedCommitment = commitment;
        emit SeedCommitted(roundId, commitment, endTime, block.timestamp);
    }

    /// Move the end of betting to `newEndTime`, at least minEndTimeExtension from now and later than
    /// the current end, before a seed is committed; the draw window moves with it. A round's
    /// extensions add up to at most MAX_TOTAL_EXTENSION.
    function extendBettingTime(uint256 newEndTime) external onlyOperator nonReentrant {
        uint256 roundId = currentRoundId;
        Round storage round = _bettingRound(roundId);
        uint256 oldEnd = round.endTime;
        if (block.timestamp > oldEnd) revert BettingClosed(oldEnd, block.timestamp);
        // a committed round's end is fixed: whoever learned the seed (a host that got the reveal
        // signed early, say) must not reopen betting with it
        if (round.seedCommitment != 0) revert SeedAlreadyCommitted(roundId);

        uint256 earliest = _max(block.timestamp + minEndTimeExtension, oldEnd + 1);
        if (newEndTime < earliest) revert ExtensionTooShort(newEndTime, earliest);
        // cannot overflow: oldEnd already includes the round's totalExtension
        uint256 total = round.totalExtension + (newEndTime - oldEnd);
        if (total > MAX_TOTAL_EXTENSION) revert ExtensionCapExceeded(total, MAX_TOTAL_EXTENSION);

        // forge-lint: disable-start(unsafe-typecast) -- newEndTime <= oldEnd + MAX_TOTAL_EXTENSION
        round.minDrawTime = uint64(newEndTime + (round.minDrawTime - oldEnd));
        round.maxDrawTime = uint64(newEndTime + (round.maxDrawTime - oldEnd));
        round.endTime = uint64(newEndTime);
        round.totalExtension = uint64(total);
        // forge-lint: disable-end(unsafe-typecast)
        emit EndTimeExtended(roundId, oldEnd, newEndTime, block.timestamp);
    }

    /// @inheritdoc ILottery
    function refundRound() external onlyOperator nonReentrant {
        uint256 roundId = currentRoundId;
        Round storage round = _bettingRound(roundId);
        if (block.timestamp > round.endTime) revert BettingClosed(round.endTime, block.timestamp);
        // a committed round ends by its reveal or, withheld, with the penalty: an operator who knows
        // the seed must not cancel a round whose winner it dislikes for free
        if (round.seedCommitment != 0) revert SeedAlreadyCommitted(roundId);
        _refund(roundId, round, REASON_OPERATOR);
    }

    /// While paused no round opens (startRound and an opening bet revert); a running round finishes.
    function setPaused(bool newPaused) external onlyOperator nonReentrant {
        paused = newPaused;
        emit PausedSet(newPaused, block.timestamp);
    }

    /// Withdraw part of the bond; only between rounds, since a running round's pot cap rests on it.
    function withdrawBond(uint256 amount) external onlyOperator nonReentrant whileWaiting {
        if (amount == 0) revert NothingToWithdraw();
        uint256 bond = operatorBond;
        if (amount > bond) revert InsufficientBond(amount, bond);

        operatorBond = bond - amount;
        emit BondWithdrawn(msg.sender, amount, bond - amount, block.timestamp);

        _send(msg.sender, amount);
    }

    /// Within [1 gwei, 100 ether].
    function updateMinBetAmount(uint256 newMinBetAmount) external onlyOperator nonReentrant whileWaiting {
        _checkRange(newMinBetAmount, MIN_BET_FLOOR, MIN_BET_CEILING);
        emit MinBetAmountUpdated(minBetAmount, newMinBetAmount, block.timestamp);
        minBetAmount = newMinBetAmount;
    }

    /// Within [10 s, 30 days].
    function updateBettingDuration(uint256 newDuration) external onlyOperator nonReentrant whileWaiting {
        _checkRange(newDuration, MIN_BETTING_DURATION, MAX_BETTING_DURATION);
        emit BettingDurationUpdated(bettingDuration, newDuration, block.timestamp);
        bettingDuration = newDuration;
    }

    /// Within [2, 1000].
    function updateMinParticipants(uint256 newMinParticipants) external onlyOperator nonReentrant whileWaiting {
        _checkRange(newMinParticipants, MIN_PARTICIPANTS_FLOOR, MIN_PARTICIPANTS_CEILING);
        emit MinParticipantsUpdated(minParticipants, newMinParticipants, block.timestamp);
        minParticipants = newMinParticipants;
    }

    /// The draw window [endTime + newMinDelay, endTime + newMaxDelay]: newMinDelay at least 1 s,
    /// the window at least 10 s long, newMaxDelay at most 7 days.
    function updateDrawDelays(uint256 newMinDelay, uint256 newMaxDelay)
        external
        onlyOperator
        nonReentrant
        whileWaiting
    {
        _checkRange(newMinDelay, MIN_DRAW_DELAY, MAX_DRAW_DELAY - MIN_DRAW_WINDOW);
        _checkRange(newMaxDelay, newMinDelay + MIN_DRAW_WINDOW, MAX_DRAW_DELAY);
        emit DrawDelaysUpdated(minDrawDelayAfterEnd, maxDrawDelayAfterEnd, newMinDelay, newMaxDelay, block.timestamp);
        minDrawDelayAfterEnd = newMinDelay;
        maxDrawDelayAfterEnd = newMaxDelay;
    }

    /// Within [10 s, 1 day].
    function updateMinEndTimeExtension(uint256 newExtension) external onlyOperator nonReentrant whileWaiting {
        _checkRange(newExtension, MIN_EXTENSION_FLOOR, MIN_EXTENSION_CEILING);
        emit MinEndTimeExtensionUpdated(minEndTimeExtension, newExtension, block.timestamp);
        minEndTimeExtension = newExtension;
    }

    // =============== PUBLISHER ===============

    /// @inheritdoc ILottery
    /// @dev A new proposal replaces a pending one and restarts the delay.
    function proposeOperator(address newOperator) external onlyPublisher nonReentrant {
        _checkOperatorCandidate(newOperator, PUBLISHER);
        if (newOperator == operator) revert AlreadyOperator();
        address previous = pendingOperator;
        if (previous != address(0) && previous != newOperator) _cancelOperatorChange(previous);
        uint256 effectiveAt = block.timestamp + OPERATOR_CHANGE_DELAY;
        pendingOperator = newOperator;
        pendingOperatorEffectiveAt = effectiveAt;
        emit OperatorChangeProposed(newOperator, effectiveAt, block.timestamp);
    }

    /// @inheritdoc ILottery
    function cancelOperatorChange() external onlyPublisher nonReentrant {
        address candidate = pendingOperator;
        if (candidate == address(0)) revert NoPendingOperator();
        _cancelOperatorChange(candidate);
    }

    /// @inheritdoc ILottery
    function activateOperator() external nonReentrant {
        if (pendingOperator == address(0)) revert NoPendingOperator();
        uint256 effectiveAt = pendingOperatorEffectiveAt;
        if (block.timestamp < effectiveAt) revert OperatorChangeNotDue(effectiveAt, block.timestamp);
        RoundState state = _rounds[currentRoundId].state;
        if (state != RoundState.WAITING) revert WrongState(RoundState.WAITING, state);
        _switchOperator();
    }

    /// Hands over to the pending operator: the old operator's whole bond is credited to them, and
    /// the new operator's deposit becomes the bond.
    function _switchOperator() private {
        address oldOperator = operator;
        address newOperator = pendingOperator;
        uint256 bond = operatorBond;
        if (bond != 0) pendingWithdrawals[oldOperator] += bond;
        operatorBond = pendingOperatorBond;
        operator = newOperator;
        _clearPendingOperator();
        emit OperatorUpdated(oldOperator, newOperator, block.timestamp);
    }

    /// Drops the proposal of `candidate` and credits its deposit back to it.
    function _cancelOperatorChange(address candidate) private {
        uint256 deposit = pendingOperatorBond;
        if (deposit != 0) pendingWithdrawals[candidate] += deposit;
        _clearPendingOperator();
        emit OperatorChangeCancelled(candidate, deposit, block.timestamp);
    }

    function _clearPendingOperator() private {
        pendingOperator = address(0);
        pendingOperatorEffectiveAt = 0;
        pendingOperatorBond = 0;
    }

    // =============== VIEWS ===============

    /// @inheritdoc ILottery
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
        )
    {
        return (
            PUBLISHER,
            operator,
            PUBLISHER_COMMISSION_RATE,
            minBetAmount,
            bettingDuration,
            minDrawDelayAfterEnd,
            maxDrawDelayAfterEnd,
            minEndTimeExtension,
            minParticipants
        );
    }

    function getMinBetAmount() external view returns (uint256) {
        return minBetAmount;
    }

    /// @inheritdoc ILottery
    /// @dev A pot P is allowed when P * REVEAL_PENALTY_BPS <= operatorBond * 10,000, so the penalty
    /// floor(P * REVEAL_PENALTY_BPS / 10,000) never exceeds the bond.
    function maxPot() public view returns (uint256) {
        if (REVEAL_PENALTY_BPS == 0) return type(uint256).max;
        return operatorBond * BPS_DENOMINATOR / REVEAL_PENALTY_BPS;
    }

    function getRound() external view returns (LotteryRound memory) {
        return _describe(currentRoundId);
    }

    function getRoundById(uint256 roundId) external view returns (LotteryRound memory) {
        _knownRound(roundId);
        return _describe(roundId);
    }

    /// @inheritdoc ILottery
    function getParticipants(uint256 offset, uint256 limit)
        external
        view
        returns (address[] memory players, uint256[] memory amounts)
    {
        return _participants(_rounds[currentRoundId], offset, limit);
    }

    function getRoundParticipants(uint256 roundId, uint256 offset, uint256 limit)
        external
        view
        returns (address[] memory players, uint256[] memory amounts)
    {
        return _participants(_knownRound(roundId), offset, limit);
    }

    /// @inheritdoc ILottery
    function getBets(uint256 roundId, uint256 offset, uint256 limit)
        external
        view
        returns (address[] memory bettors, uint256[] memory cumulativeTotals)
    {
        Bet[] storage bets = _knownRound(roundId).bets;
        uint256 count = _pageLength(bets.length, offset, limit);
        bettors = new address[](count);
        cumulativeTotals = new uint256[](count);
        for (uint256 i = 0; i < count; ++i) {
            Bet storage bet = bets[offset + i];
            bettors[i] = bet.bettor;
            cumulativeTotals[i] = bet.cumulative;
        }
    }

    function getBetAmount(address player) external view returns (uint256) {
        return _rounds[currentRoundId].stakes[player].amount;
    }

    function getRoundBetAmount(uint256 roundId, address player) external view returns (uint256) {
        return _knownRound(roundId).stakes[player].amount;
    }

    /// @inheritdoc ILottery
    function refundOwed(uint256 roundId, address player) external view returns (uint256) {
        Round storage round = _knownRound(roundId);
        Stake storage stake = round.stakes[player];
        if (round.state != RoundState.REFUNDED || stake.refundClaimed) return 0;
        return stake.amount + _penaltyShare(round, stake.amount);
    }

    /// @inheritdoc ILottery
    function computeCommitment(uint256 roundId, bytes32 seed) public view returns (bytes32) {
        return keccak256(abi.encode(block.chainid, address(this), roundId, seed));
    }

    // =============== ROUND LIFECYCLE ===============

    /// WAITING -> BETTING, with the times taken from the current settings.
    function _openRound(uint256 roundId, Round storage round) private {
        uint256 endTime = block.timestamp + bettingDuration;
        uint256 minDrawTime = endTime + minDrawDelayAfterEnd;
        uint256 maxDrawTime = endTime + maxDrawDelayAfterEnd;
        // forge-lint: disable-start(unsafe-typecast) -- now plus bounded settings: 64 bits last for ages
        round.startTime = uint64(block.timestamp);
        round.endTime = uint64(endTime);
        round.minDrawTime = uint64(minDrawTime);
        round.maxDrawTime = uint64(maxDrawTime);
        // forge-lint: disable-end(unsafe-typecast)
        round.state = RoundState.BETTING;
        emit RoundCreated(roundId, block.timestamp, endTime, minDrawTime, maxDrawTime, block.timestamp);
        emit RoundStateChanged(roundId, RoundState.WAITING, RoundState.BETTING, block.timestamp);
    }

    /// BETTING -> REFUNDED; every player then claims their own refund.
    function _refund(uint256 roundId, Round storage round, string memory reason) private {
        round.state = RoundState.REFUNDED;
        emit RoundRefunded(roundId, round.totalPot, round.participantCount, reason, block.timestamp);
        emit RoundStateChanged(roundId, RoundState.BETTING, RoundState.REFUNDED, block.timestamp);
        _openNextRound(roundId, RoundState.REFUNDED);
    }

    /// The next round exists from now on, WAITING for a bet or startRound. Its storage is fresh
    /// (all zero, which is WAITING), so nothing needs clearing.
    /// A due operator change takes effect here, between rounds, whoever ends the round: an operator
    /// being replaced cannot keep its place by never letting the game rest in WAITING (ending a
    /// round and opening the next in one transaction).
    function _openNextRound(uint256 roundId, RoundState finalState) private {
        uint256 nextId = roundId + 1;
        currentRoundId = nextId;
        emit RoundCreated(nextId, 0, 0, 0, 0, block.timestamp);
        emit RoundStateChanged(nextId, finalState, RoundState.WAITING, block.timestamp);
        if (pendingOperator != address(0) && block.timestamp >= pendingOperatorEffectiveAt) {
            _switchOperator();
        }
    }

    /// Moves the reveal penalty from the bond to the round, for its players to claim.
    function _takeRevealPenalty(uint256 roundId, Round storage round) private {
        uint256 bond = operatorBond;
        // the pot cap keeps the penalty within the bond; min() keeps that true whatever happens
        uint256 penalty = _min(uint256(round.totalPot) * REVEAL_PENALTY_BPS / BPS_DENOMINATOR, bond);
        operatorBond = bond - penalty;
        // forge-lint: disable-next-line(unsafe-typecast) -- at most the pot, a uint96
        round.revealPenalty = uint96(penalty);
        uint256 count = unrevealedRounds + 1;
        unrevealedRounds = count;
        emit RevealWithheld(roundId, penalty, count, block.timestamp);
    }

    // =============== DRAW ===============

    function _checkReveal(uint256 roundId, Round storage round, bytes32 seed) private view {
        if (block.timestamp < round.minDrawTime) revert DrawWindowNotOpen(round.minDrawTime, block.timestamp);
        if (block.timestamp > round.maxDrawTime) revert DrawWindowClosed(round.maxDrawTime, block.timestamp);
        bytes32 commitment = round.seedCommitment;
        if (commitment == 0) revert NoSeedCommitted(roundId);
        if (computeCommitment(roundId, seed) != commitment) revert InvalidReveal(roundId);
    }

    /// The first bet whose cumulative total exceeds `point`, by binary search: O(log n) reads.
    /// Requires point < the last cumulative (the pot), which `% pot` guarantees.
    function _findWinner(Bet[] storage bets, uint256 point) private view returns (address) {
        uint256 low = 0;
        uint256 high = bets.length - 1;
        while (low < high) {
            uint256 mid = (low + high) >> 1;
            if (bets[mid].cumulative > point) high = mid;
            else low = mid + 1;
        }
        return bets[low].bettor;
    }

    // =============== PAYMENTS ===============

    /// Push the prize with bounded gas and no return data copied; a refusing winner is credited.
    function _pushPrize(uint256 roundId, address winner, uint256 prize) private {
        bool sent;
        assembly ("memory-safe") {
            sent := call(PRIZE_PUSH_GAS, winner, prize, 0, 0, 0, 0)
        }
        if (sent) return;
        pendingWithdrawals[winner] += prize;
        emit PrizeCredited(roundId, winner, prize, block.timestamp);
    }

    /// Pay the caller what they pulled, with all the gas they gave; their failure is theirs alone.
    function _send(address to, uint256 amount) private {
        bool sent;
        assembly ("memory-safe") {
            sent := call(gas(), to, amount, 0, 0, 0, 0)
        }
        if (!sent) revert TransferFailed(to, amount);
    }

    function _penaltyShare(Round storage round, uint256 bet) private view returns (uint256) {
        uint256 penalty = round.revealPenalty;
        return penalty == 0 ? 0 : penalty * bet / round.totalPot;
    }

    /// Largest pot a bet may bring the round to: what the bond covers, and what 96 bits hold.
    function _potCap() private view returns (uint256) {
        return _min(maxPot(), type(uint96).max);
    }

    // =============== LOOKUPS AND CHECKS ===============

    function _bettingRound(uint256 roundId) private view returns (Round storage round) {
        round = _rounds[roundId];
        if (round.state != RoundState.BETTING) revert WrongState(RoundState.BETTING, round.state);
    }

    function _knownRound(uint256 roundId) private view returns (Round storage) {
        if (roundId == 0 || roundId > currentRoundId) revert UnknownRound(roundId);
        return _rounds[roundId];
    }

    function _checkOperatorCandidate(address candidate, address publisher) private pure {
        if (candidate == address(0)) revert ZeroAddress();
        if (candidate == publisher) revert OperatorIsPublisher();
    }

    function _checkRange(uint256 value, uint256 low, uint256 high) private pure {
        if (value < low || value > high) revert SettingOutOfRange(value, low, high);
    }

    function _describe(uint256 roundId) private view returns (LotteryRound memory) {
        Round storage round = _rounds[roundId];
        return LotteryRound({
            roundId: roundId,
            startTime: round.startTime,
            endTime: round.endTime,
            minDrawTime: round.minDrawTime,
            maxDrawTime: round.maxDrawTime,
            totalPot: round.totalPot,
            participantCount: round.participantCount,
            winner: round.winner,
            publisherCommission: round.publisherCommission,
            winnerPrize: round.winnerPrize,
            state: round.state,
            seedCommitment: round.seedCommitment,
            revealedSeed: round.revealedSeed,
            betCount: round.bets.length,
            totalExtension: round.totalExtension,
            revealPenalty: round.revealPenalty
        });
    }

    function _participants(Round storage round, uint256 offset, uint256 limit)
        private
        view
        returns (address[] memory players, uint256[] memory amounts)
    {
        address[] storage all = round.players;
        uint256 count = _pageLength(all.length, offset, limit);
        players = new address[](count);
        amounts = new uint256[](count);
        for (uint256 i = 0; i < count; ++i) {
            address player = all[offset + i];
            players[i] = player;
            amounts[i] = round.stakes[player].amount;
        }
    }

    // =============== ARITHMETIC ===============

    /// How many of `total` items a page starting at `offset` with at most `limit` items holds.
    function _pageLength(uint256 total, uint256 offset, uint256 limit) private pure returns (uint256) {
        if (offset >= total) return 0;
        return _min(total - offset, limit);
    }

    function _min(uint256 a, uint256 b) private pure returns (uint256) {
        return a < b ? a : b;
    }

    function _max(uint256 a, uint256 b) private pure returns (uint256) {
        return a > b ? a : b;
    }
}
// forge-lint: disable-end(block-timestamp)

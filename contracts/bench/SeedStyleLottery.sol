// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title SeedStyleLottery: a baseline for the gas benchmark, never to be deployed
/// @notice This contract exists only to be measured against `Lottery` in GasBenchmark.t.sol. It
/// draws and refunds the way the seed system's contract did, and keeps that contract's flaws on
/// purpose:
///   - one current round, `mapping(address => uint256) bets` and `address[] participants`;
///   - drawWinner() picks the winner by a linear walk over every participant with a "random"
///     value taken from block fields (which whoever picks the block can bias), pushes the prize
///     with `transfer`, then clears the round by looping over every participant;
///   - refundExpiredRound() pays every participant with `transfer` in one loop, then clears the
///     round the same way.
/// Both loops grow with the number of players. Settings and access checks are reduced to what
/// the measured paths execute; each path emits the seed system's main event (Lottery emits it
/// too), so that the comparison is of storage and loops rather than of logging. Nothing here is
/// safe to use with real money.
contract SeedStyleLottery {
    enum RoundState {
        WAITING,
        BETTING,
        DRAWING,
        COMPLETED,
        REFUNDED
    }

    /// The seed system's round record, one storage slot per field.
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
    }

    // The seed system's events that the measured paths emit, in its shapes (Lottery emits them too).
    event BetPlaced(
        uint256 indexed roundId, address indexed player, uint256 amount, uint256 newTotal, uint256 timestamp
    );
    event RoundStateChanged(uint256 indexed roundId, RoundState oldState, RoundState newState, uint256 timestamp);
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

    uint256 private constant BPS_DENOMINATOR = 10_000;

    address public immutable publisher;
    address public immutable operator;
    uint256 public immutable publisherCommissionRate;

    uint256 public minBetAmount = 0.001 ether;
    uint256 public bettingDuration = 120 seconds;
    uint256 public minDrawDelayAfterEnd = 30 seconds;
    uint256 public maxDrawDelayAfterEnd = 120 seconds;
    uint256 public minParticipants = 2;

    LotteryRound private currentRound;
    mapping(address => uint256) public bets;
    address[] public participants;
    mapping(address => uint256) public pendingWithdrawals;

    constructor(address operator_, uint256 commissionBps) {
        publisher = msg.sender;
        operator = operator_;
        publisherCommissionRate = commissionBps;
        currentRound.roundId = 1;
    }

    function placeBet() external payable {
        require(msg.value >= minBetAmount, "bet too small");
        if (currentRound.state == RoundState.WAITING) {
            currentRound.startTime = block.timestamp;
            currentRound.endTime = block.timestamp + bettingDuration;
            currentRound.minDrawTime = currentRound.endTime + minDrawDelayAfterEnd;
            currentRound.maxDrawTime = currentRound.endTime + maxDrawDelayAfterEnd;
            currentRound.state = RoundState.BETTING;
            emit RoundStateChanged(currentRound.roundId, RoundState.WAITING, RoundState.BETTING, block.timestamp);
        }
        require(currentRound.state == RoundState.BETTING, "not betting");
        // forge-lint: disable-next-line(block-timestamp)
        require(block.timestamp <= currentRound.endTime, "betting closed");

        if (bets[msg.sender] == 0) {
            participants.push(msg.sender);
            currentRound.participantCount += 1;
        }
        bets[msg.sender] += msg.value;
        currentRound.totalPot += msg.value;
        emit BetPlaced(currentRound.roundId, msg.sender, msg.value, currentRound.totalPot, block.timestamp);
    }

    function drawWinner() external {
        require(msg.sender == operator, "not operator");
        require(currentRound.state == RoundState.BETTING, "not betting");
        // forge-lint: disable-next-line(block-timestamp)
        require(block.timestamp >= currentRound.minDrawTime, "too early");
        // forge-lint: disable-next-line(block-timestamp)
        require(block.timestamp <= currentRound.maxDrawTime, "too late");
        require(participants.length >= minParticipants, "too few players");
        currentRound.state = RoundState.DRAWING;

        uint256 totalPot = currentRound.totalPot;
        uint256 randomValue = uint256(
            keccak256(
                abi.encodePacked(block.timestamp, block.prevrandao, block.number, currentRound.roundId, totalPot)
            )
        ) % totalPot;

        address winner;
        uint256 cumulative = 0;
        for (uint256 i = 0; i < participants.length; i++) {
            cumulative += bets[participants[i]];
            if (cumulative > randomValue) {
                winner = participants[i];
                break;
            }
        }

        uint256 commission = totalPot * publisherCommissionRate / BPS_DENOMINATOR;
        uint256 prize = totalPot - commission;
        currentRound.winner = winner;
        currentRound.publisherCommission = commission;
        currentRound.winnerPrize = prize;
        currentRound.state = RoundState.COMPLETED;
        pendingWithdrawals[publisher] += commission;
        emit RoundCompleted(currentRound.roundId, winner, totalPot, prize, commission, randomValue, block.timestamp);

        payable(winner).transfer(prize);
        _resetRound();
    }

    function refundExpiredRound() external {
        require(currentRound.state == RoundState.BETTING, "not betting");
        // forge-lint: disable-next-line(block-timestamp)
        require(block.timestamp > currentRound.maxDrawTime, "not expired");
        currentRound.state = RoundState.REFUNDED;

        for (uint256 i = 0; i < participants.length; i++) {
            address player = participants[i];
            payable(player).transfer(bets[player]);
        }
        emit RoundRefunded(
            currentRound.roundId, currentRound.totalPot, participants.length, "Draw time expired", block.timestamp
        );
        _resetRound();
    }

    function getRound() external view returns (LotteryRound memory) {
        return currentRound;
    }

    /// Clears the finished round's bets player by player, then opens the next round.
    function _resetRound() private {
        for (uint256 i = 0; i < participants.length; i++) {
            delete bets[participants[i]];
        }
        delete participants;

        uint256 nextId = currentRound.roundId + 1;
        delete currentRound;
        currentRound.roundId = nextId;
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ILottery} from "../src/ILottery.sol";
import {Lottery} from "../src/Lottery.sol";
import {vm} from "./Vm.sol";
import {Assertions, RefusingPlayer, forceFeed} from "./LotteryTestBase.sol";

// The handler mirrors the contract's timing rules, so it compares block.timestamp as the contract does.
// forge-lint: disable-start(block-timestamp)

/// Drives one lottery through random sequences of everything players, the operator, the publisher
/// and outsiders can do. Each action first works out whether the contract must accept it; an
/// allowed action that reverts anyway, or a forbidden one that is accepted, is recorded for the
/// invariant test to report. One of the players is a contract that refuses ether.
contract LotteryHandler is Assertions {
    Lottery public immutable lottery;
    address public immutable publisher;
    RefusingPlayer public immutable refuser;

    address[] internal players;
    address[2] internal operatorCandidates;
    mapping(uint256 roundId => bytes32) internal seedOf;
    /// Rounds that ended REFUNDED, in order.
    uint256[] internal refundedRounds;

    /// Ether forced in by self-destructing contracts: owed to nobody.
    uint256 public forcedIn;
    /// The first allowed action that reverted anyway (something blocked the game); empty if none.
    string public blocked;
    /// The first action accepted against the rules, or paid wrongly; empty if none.
    string public ruleBroken;
    /// The first round found in a state it cannot be in; empty if none.
    string public badRoundState;

    uint256 public draws;
    uint256 public refunds;
    uint256 public prizesCreditedToRefuser;

    constructor(Lottery lottery_, address publisher_, address[2] memory operators_, address[] memory eoaPlayers) {
        lottery = lottery_;
        publisher = publisher_;
        operatorCandidates = operators_;
        refuser = new RefusingPlayer(lottery_);
        players = eoaPlayers;
        players.push(address(refuser));
    }

    /// Checks every round an action ended and remembers the refunded ones.
    modifier recordsEndedRounds() {
        uint256 firstOpen = lottery.currentRoundId();
        _;
        for (uint256 roundId = firstOpen; roundId < lottery.currentRoundId(); ++roundId) {
            ILottery.RoundState state = lottery.getRoundById(roundId).state;
            if (state == ILottery.RoundState.REFUNDED) {
                refundedRounds.push(roundId);
            } else if (state != ILottery.RoundState.COMPLETED) {
                _badRoundState("a round ended neither COMPLETED nor REFUNDED");
            }
        }
        ILottery.RoundState current = lottery.getRound().state;
        if (current != ILottery.RoundState.WAITING && current != ILottery.RoundState.BETTING) {
            _badRoundState("the current round is neither WAITING nor BETTING");
        }
    }

    // =============== PLAYERS ===============

    function bet(uint256 playerIndex, uint256 amount) external recordsEndedRounds {
        address player = _player(playerIndex);
        amount = bound(amount, lottery.minBetAmount(), 5 ether);
        ILottery.LotteryRound memory round = lottery.getRound();
        bool open = round.state == ILottery.RoundState.WAITING ? !lottery.paused() : block.timestamp <= round.endTime;
        bool allowed =
            open && (round.state == ILottery.RoundState.WAITING ? 0 : round.totalPot) + amount <= lottery.maxPot();

        bool ok;
        if (player == address(refuser)) {
            vm.deal(address(this), address(this).balance + amount);
            try refuser.bet{value: amount}() {
                ok = true;
            } catch {}
        } else {
            vm.deal(player, player.balance + amount);
            vm.prank(player);
            try lottery.placeBet{value: amount}() {
                ok = true;
            } catch {}
        }
        if (ok && !allowed) _ruleBroken("a bet against the rules was accepted");
        if (!ok && allowed) _blocked("an allowed bet reverted");
        // like the real controller, commit once a round has enough players (most of the time)
        if (ok && amount % 4 != 0 && lottery.getRound().participantCount >= lottery.minParticipants()) {
            _commit(amount);
        }
    }

    function claim(uint256 playerIndex, uint256 roundPick) external recordsEndedRounds {
        address player = _player(playerIndex);
        if (refundedRounds.length == 0) return;
        uint256 roundId = refundedRounds[roundPick % refundedRounds.length];
        uint256 owed = lottery.refundOwed(roundId, player);
        if (owed == 0) return;
        _claim(roundId, player, owed);
    }

    function withdraw(uint256 accountIndex) external recordsEndedRounds {
        address account = _account(accountIndex);
        uint256 owed = lottery.pendingWithdrawals(account);
        if (owed == 0) return;
        _withdraw(account, owed);
    }

    // =============== ANYONE ===============

    function draw(uint256 delay, uint256 callerIndex) external recordsEndedRounds {
        ILottery.LotteryRound memory round = lottery.getRound();
        if (round.state != ILottery.RoundState.BETTING || round.seedCommitment == 0) return;
        if (block.timestamp < round.minDrawTime) {
            vm.warp(round.minDrawTime + bound(delay, 0, round.maxDrawTime - round.minDrawTime));
        }
        if (block.timestamp > round.maxDrawTime) return;
        _drawCurrentRound(round, _account(callerIndex));
    }

    function refundExpiredRound(bool waitUntilAllowed) external recordsEndedRounds {
        ILottery.LotteryRound memory round = lottery.getRound();
        if (round.state != ILottery.RoundState.BETTING) return;
        uint256 allowedAfter = round.seedCommitment == 0 ? round.endTime : round.maxDrawTime;
        if (waitUntilAllowed && block.timestamp <= allowedAfter) vm.warp(allowedAfter + 1);
        bool allowed = block.timestamp > allowedAfter;
        try lottery.refundExpiredRound() {
            if (!allowed) _ruleBroken("an early public refund was accepted");
            ++refunds;
        } catch {
            if (allowed) _blocked("an allowed public refund reverted");
        }
    }

    function depositBond(uint256 amount, uint256 accountIndex) external recordsEndedRounds {
        address account = _account(accountIndex);
        amount = bound(amount, 0, 20 ether);
        vm.deal(account, account.balance + amount);
        vm.prank(account);
        try lottery.depositBond{value: amount}() {}
        catch {
            _blocked("a bond deposit reverted");
        }
    }

    function forceEther(uint256 amount) external recordsEndedRounds {
        amount = bound(amount, 1, 5 ether);
        vm.deal(address(this), address(this).balance + amount);
        forceFeed(address(lottery), amount);
        forcedIn += amount;
    }

    function warp(uint256 seconds_) external recordsEndedRounds {
        vm.warp(block.timestamp + bound(seconds_, 1, 200));
    }

    // =============== OPERATOR AND PUBLISHER ===============

    function startRound() external recordsEndedRounds {
        bool allowed = lottery.getRound().state == ILottery.RoundState.WAITING && !lottery.paused();
        vm.prank(lottery.operator());
        try lottery.startRound() {
            if (!allowed) _ruleBroken("startRound against the rules was accepted");
        } catch {
            if (allowed) _blocked("an allowed startRound reverted");
        }
    }

    function commit(uint256 salt) external recordsEndedRounds {
        _commit(salt);
    }

    function _commit(uint256 salt) internal {
        ILottery.LotteryRound memory round = lottery.getRound();
        if (round.state != ILottery.RoundState.BETTING || round.seedCommitment != 0) return;
        if (block.timestamp > round.endTime) return;
        bytes32 seed = keccak256(abi.encode(salt, round.roundId));
        seedOf[round.roundId] = seed;
        bytes32 commitment = lottery.computeCommitment(round.roundId, seed);
        vm.prank(lottery.operator());
        try lottery.commitSeed(commitment, round.endTime) {}
        catch {
            _blocked("an allowed commitment reverted");
        }
    }

    function extend(uint256 seconds_) external recordsEndedRounds {
        ILottery.LotteryRound memory round = lottery.getRound();
        if (round.state != ILottery.RoundState.BETTING || block.timestamp > round.endTime) return;
        uint256 newEnd = round.endTime + bound(seconds_, 1, 2 hours);
        bool allowed = round.seedCommitment == 0 && newEnd >= block.timestamp + lottery.minEndTimeExtension()
            && round.totalExtension + (newEnd - round.endTime) <= lottery.MAX_TOTAL_EXTENSION();
        vm.prank(lottery.operator());
        try lottery.extendBettingTime(newEnd) {
            if (!allowed) _ruleBroken("an extension against the rules was accepted");
        } catch {
            if (allowed) _blocked("an allowed extension reverted");
        }
    }

    function operatorRefund() external recordsEndedRounds {
        ILottery.LotteryRound memory round = lottery.getRound();
        bool allowed = round.state == ILottery.RoundState.BETTING && block.timestamp <= round.endTime
            && round.seedCommitment == bytes32(0);
        vm.prank(lottery.operator());
        try lottery.refundRound() {
            if (!allowed) _ruleBroken("an operator refund against the rules was accepted");
            ++refunds;
        } catch {
            if (allowed) _blocked("an allowed operator refund reverted");
        }
    }

    function withdrawBond(uint256 amount) external recordsEndedRounds {
        uint256 bond = lottery.operatorBond();
        if (bond == 0) return;
        amount = bound(amount, 1, bond / 2 + 1);
        bool allowed = lottery.getRound().state == ILottery.RoundState.WAITING;
        address operator = lottery.operator();
        uint256 before = operator.balance;
        vm.prank(operator);
        try lottery.withdrawBond(amount) {
            if (!allowed) _ruleBroken("a bond withdrawal during a round was accepted");
            if (operator.balance != before + amount) _ruleBroken("a bond withdrawal paid the wrong amount");
        } catch {
            if (allowed) _blocked("an allowed bond withdrawal reverted");
        }
    }

    /// Pauses a quarter of the time, so that rounds still get played.
    function setPaused(uint256 choice) external recordsEndedRounds {
        vm.prank(lottery.operator());
        lottery.setPaused(choice % 4 == 0);
    }

    function changeOperator(bool activateNow) external recordsEndedRounds {
        if (lottery.pendingOperator() == address(0)) {
            address next = lottery.operator() == operatorCandidates[0] ? operatorCandidates[1] : operatorCandidates[0];
            vm.prank(publisher);
            lottery.proposeOperator(next);
        }
        if (!activateNow) return;
        uint256 pendingBond = lottery.pendingOperatorBond();
        bool allowed = block.timestamp >= lottery.pendingOperatorEffectiveAt()
            && lottery.getRound().state == ILottery.RoundState.WAITING;
        try lottery.activateOperator() {
            if (!allowed) _ruleBroken("an operator change against the rules was accepted");
            if (lottery.operatorBond() != pendingBond) _ruleBroken("the new operator's deposit is not its bond");
            // the new operator posts a bond, as it must before any bet is accepted
            address operator = lottery.operator();
            vm.deal(operator, operator.balance + 20 ether);
            vm.prank(operator);
            lottery.depositBond{value: 20 ether}();
        } catch {
            if (allowed) _blocked("an allowed operator change reverted");
        }
    }

    function cancelOperatorChange() external recordsEndedRounds {
        address candidate = lottery.pendingOperator();
        if (candidate == address(0)) return;
        uint256 credited = lottery.pendingWithdrawals(candidate) + lottery.pendingOperatorBond();
        vm.prank(publisher);
        try lottery.cancelOperatorChange() {
            if (lottery.pendingWithdrawals(candidate) != credited) _ruleBroken("a cancelled deposit was not credited back");
        } catch {
            _blocked("the publisher could not cancel an operator change");
        }
    }

    // =============== SETTLEMENT (after a run) ===============

    /// Ends the running round, by a draw when its seed can still be revealed, by a refund otherwise.
    function endCurrentRound() external recordsEndedRounds {
        ILottery.LotteryRound memory round = lottery.getRound();
        if (round.state != ILottery.RoundState.BETTING) return;
        if (round.seedCommitment != 0 && block.timestamp <= round.maxDrawTime) {
            if (block.timestamp < round.minDrawTime) vm.warp(round.minDrawTime);
            _drawCurrentRound(round, address(0xD1CE));
            return;
        }
        uint256 allowedAfter = round.seedCommitment == 0 ? round.endTime : round.maxDrawTime;
        if (block.timestamp <= allowedAfter) vm.warp(allowedAfter + 1);
        lottery.refundExpiredRound();
    }

    /// The penalty wei that rounding down the shares leaves unowed, over every refunded round.
    function penaltyDust() external view returns (uint256 dust) {
        for (uint256 r = 0; r < refundedRounds.length; ++r) {
            uint256 roundId = refundedRounds[r];
            ILottery.LotteryRound memory round = lottery.getRoundById(roundId);
            if (round.revealPenalty == 0) continue;
            (, uint256[] memory amounts) = lottery.getRoundParticipants(roundId, 0, type(uint256).max);
            uint256 shares;
            for (uint256 i = 0; i < amounts.length; ++i) {
                shares += round.revealPenalty * amounts[i] / round.totalPot;
            }
            dust += round.revealPenalty - shares;
        }
    }

    /// A pending operator change is cancelled, every player claims every refund and every account
    /// withdraws; the refuser accepts ether now.
    function settleEverything() external {
        refuser.setAccepting(true);
        if (lottery.pendingOperator() != address(0)) {
            vm.prank(publisher);
            lottery.cancelOperatorChange();
        }
        for (uint256 r = 0; r < refundedRounds.length; ++r) {
            for (uint256 i = 0; i < players.length; ++i) {
                uint256 owed = lottery.refundOwed(refundedRounds[r], players[i]);
                if (owed != 0) _claim(refundedRounds[r], players[i], owed);
            }
        }
        for (uint256 i = 0; i < accountCount(); ++i) {
            address account = _account(i);
            uint256 owed = lottery.pendingWithdrawals(account);
            if (owed != 0) _withdraw(account, owed);
        }
    }

    /// Everything the contract owes right now, read from its views.
    function totalOwed() external view returns (uint256 owed) {
        owed = lottery.operatorBond() + lottery.pendingOperatorBond();
        ILottery.LotteryRound memory current = lottery.getRound();
        if (current.state == ILottery.RoundState.BETTING) owed += current.totalPot;
        for (uint256 i = 0; i < accountCount(); ++i) {
            owed += lottery.pendingWithdrawals(_account(i));
        }
        for (uint256 r = 0; r < refundedRounds.length; ++r) {
            for (uint256 i = 0; i < players.length; ++i) {
                owed += lottery.refundOwed(refundedRounds[r], players[i]);
            }
        }
    }

    /// Players, then the publisher and both operator candidates.
    function accountCount() public view returns (uint256) {
        return players.length + 3;
    }

    // =============== INTERNALS ===============

    function refundedRoundCount() external view returns (uint256) {
        return refundedRounds.length;
    }

    function _drawCurrentRound(ILottery.LotteryRound memory round, address caller) internal {
        bytes32 seed = seedOf[round.roundId];
        uint256 refuserCredit = lottery.pendingWithdrawals(address(refuser));
        vm.prank(caller);
        try lottery.drawWinner(seed) {
            ++draws;
        } catch {
            _blocked("a correct reveal in the draw window reverted");
            return;
        }
        ILottery.LotteryRound memory drawn = lottery.getRoundById(round.roundId);
        if (drawn.state == ILottery.RoundState.COMPLETED && drawn.winner == address(refuser)) {
            if (lottery.pendingWithdrawals(address(refuser)) != refuserCredit + drawn.winnerPrize) {
                _ruleBroken("a refused prize was not credited");
            }
            ++prizesCreditedToRefuser;
        }
    }

    function _claim(uint256 roundId, address player, uint256 owed) internal {
        uint256 before = player.balance;
        bool ok;
        if (player == address(refuser)) {
            try refuser.claim(roundId) {
                ok = true;
            } catch {}
            if (ok != refuser.accepting()) _ruleBroken("the refuser's claim did not go as it chose");
        } else {
            vm.prank(player);
            try lottery.claimRefund(roundId) {
                ok = true;
            } catch {}
            if (!ok) _blocked("a player's refund claim reverted");
        }
        if (ok && player.balance != before + owed) _ruleBroken("a refund claim paid the wrong amount");
    }

    function _withdraw(address account, uint256 owed) internal {
        uint256 before = account.balance;
        bool ok;
        if (account == address(refuser)) {
            try refuser.withdraw() {
                ok = true;
            } catch {}
            if (ok != refuser.accepting()) _ruleBroken("the refuser's withdrawal did not go as it chose");
        } else {
            vm.prank(account);
            try lottery.withdraw() {
                ok = true;
            } catch {}
            if (!ok) _blocked("a withdrawal reverted");
        }
        if (ok && account.balance != before + owed) _ruleBroken("a withdrawal paid the wrong amount");
    }

    function _player(uint256 index) internal view returns (address) {
        return players[index % players.length];
    }

    function _account(uint256 index) internal view returns (address) {
        index %= accountCount();
        if (index < players.length) return players[index];
        if (index == players.length) return publisher;
        return operatorCandidates[index - players.length - 1];
    }

    function _blocked(string memory what) internal {
        if (bytes(blocked).length == 0) blocked = what;
    }

    function _ruleBroken(string memory what) internal {
        if (bytes(ruleBroken).length == 0) ruleBroken = what;
    }

    function _badRoundState(string memory what) internal {
        if (bytes(badRoundState).length == 0) badRoundState = what;
    }

    receive() external payable {}
}
// forge-lint: disable-end(block-timestamp)

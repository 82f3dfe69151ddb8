// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ILottery} from "../src/ILottery.sol";
import {Lottery} from "../src/Lottery.sol";
import {vm} from "./Vm.sol";
import {LotteryTestBase} from "./LotteryTestBase.sol";

/// The operator's bounded powers: extensions, pause, bond.
contract LotteryExtensionTest is LotteryTestBase {
    function test_extendBettingTime_movesTheEndAndTheDrawWindow() public {
        _openRoundWithTwoPlayers();
        ILottery.LotteryRound memory before = _round();
        uint256 newEnd = before.endTime + 600;
        vm.expectEmit();
        emit ILottery.EndTimeExtended(1, before.endTime, newEnd, block.timestamp);
        vm.prank(OPERATOR);
        lottery.extendBettingTime(newEnd);

        ILottery.LotteryRound memory round = _round();
        assertEq(round.endTime, newEnd, "end");
        assertEq(round.minDrawTime, newEnd + 30, "min draw");
        assertEq(round.maxDrawTime, newEnd + 120, "max draw");
        assertEq(round.totalExtension, 600, "extension recorded");
        vm.warp(before.endTime + 1);
        _bet(CAROL, 1 ether);
        assertEq(_round().participantCount, 3, "betting stays open until the new end");
    }

    function test_extendBettingTime_upToTheCapInSeveralSteps() public {
        _openRoundWithTwoPlayers();
        uint256 originalEnd = _round().endTime;
        vm.startPrank(OPERATOR);
        lottery.extendBettingTime(originalEnd + 12 hours);
        lottery.extendBettingTime(originalEnd + 1 days);
        vm.stopPrank();
        assertEq(_round().totalExtension, 1 days, "exactly the cap");
    }

    function test_extendBettingTime_revertsPastTheCap() public {
        _openRoundWithTwoPlayers();
        uint256 originalEnd = _round().endTime;
        vm.startPrank(OPERATOR);
        lottery.extendBettingTime(originalEnd + 12 hours);
        vm.expectRevert(abi.encodeWithSelector(ILottery.ExtensionCapExceeded.selector, 1 days + 1, 1 days));
        lottery.extendBettingTime(originalEnd + 1 days + 1);
        vm.stopPrank();
    }

    function test_extendBettingTime_revertsOnAnAbsurdEndTime() public {
        _openRoundWithTwoPlayers();
        vm.startPrank(OPERATOR);
        lottery.extendBettingTime(_round().endTime + 1 hours);
        uint256 endTime = _round().endTime;
        uint256 total = 1 hours + (type(uint256).max - endTime);
        vm.expectRevert(abi.encodeWithSelector(ILottery.ExtensionCapExceeded.selector, total, 1 days));
        lottery.extendBettingTime(type(uint256).max);
        vm.stopPrank();
    }

    function test_extendBettingTime_revertsWhenNotFarEnoughFromNow() public {
        _openRoundWithTwoPlayers();
        uint256 endTime = _round().endTime;
        vm.warp(endTime - 10);
        uint256 earliest = block.timestamp + 120;
        vm.expectRevert(abi.encodeWithSelector(ILottery.ExtensionTooShort.selector, earliest - 1, earliest));
        vm.prank(OPERATOR);
        lottery.extendBettingTime(earliest - 1);
    }

    function test_extendBettingTime_revertsWhenNotLaterThanTheEnd() public {
        vm.prank(OPERATOR);
        lottery.updateMinEndTimeExtension(10);
        _openRoundWithTwoPlayers();
        uint256 endTime = _round().endTime;
        vm.expectRevert(abi.encodeWithSelector(ILottery.ExtensionTooShort.selector, endTime, endTime + 1));
        vm.prank(OPERATOR);
        lottery.extendBettingTime(endTime);
    }

    function test_extendBettingTime_revertsAfterBettingClosed() public {
        _openRoundWithTwoPlayers();
        uint256 endTime = _round().endTime;
        vm.warp(endTime + 1);
        vm.expectRevert(abi.encodeWithSelector(ILottery.BettingClosed.selector, endTime, endTime + 1));
        vm.prank(OPERATOR);
        lottery.extendBettingTime(endTime + 1000);
    }

    function test_extendBettingTime_revertsWhileWaiting() public {
        vm.expectRevert(_wrongState(ILottery.RoundState.BETTING, ILottery.RoundState.WAITING));
        vm.prank(OPERATOR);
        lottery.extendBettingTime(block.timestamp + 1000);
    }

    function test_extendBettingTime_revertsForNonOperator() public {
        _openRoundWithTwoPlayers();
        vm.expectRevert(_err(ILottery.NotOperator.selector));
        vm.prank(ALICE);
        lottery.extendBettingTime(block.timestamp + 1000);
    }

    /// Once the seed is committed the round's end is fixed: whoever learned the seed early cannot
    /// reopen betting to use it.
    function test_extendBettingTime_revertsOnceTheSeedIsCommitted() public {
        _openRoundWithTwoPlayers();
        _commit(SEED);
        uint256 newEnd = _round().endTime + 300;
        vm.expectRevert(abi.encodeWithSelector(ILottery.SeedAlreadyCommitted.selector, 1));
        vm.prank(OPERATOR);
        lottery.extendBettingTime(newEnd);
    }
}

contract LotteryPauseTest is LotteryTestBase {
    function test_setPaused_togglesAndEmits() public {
        vm.expectEmit();
        emit ILottery.PausedSet(true, block.timestamp);
        vm.prank(OPERATOR);
        lottery.setPaused(true);
        assertTrue(lottery.paused(), "paused");
        vm.prank(OPERATOR);
        lottery.setPaused(false);
        assertFalse(lottery.paused(), "unpaused");
    }

    function test_setPaused_revertsForNonOperator() public {
        vm.expectRevert(_err(ILottery.NotOperator.selector));
        vm.prank(PUBLISHER);
        lottery.setPaused(true);
    }

    function test_pause_letsARunningRoundBeRefundedAndClaimed() public {
        _openRoundWithTwoPlayers();
        vm.prank(OPERATOR);
        lottery.setPaused(true);
        vm.warp(_round().endTime + 1);
        lottery.refundExpiredRound();
        vm.prank(ALICE);
        lottery.claimRefund(1);
        assertEq(ALICE.balance, 1 ether, "refunded while paused");
    }
}

contract LotteryBondTest is LotteryTestBase {
    function test_depositBond_byAnyone() public {
        vm.deal(STRANGER, 5 ether);
        vm.expectEmit();
        emit ILottery.BondDeposited(STRANGER, 5 ether, BOND + 5 ether, block.timestamp);
        vm.prank(STRANGER);
        lottery.depositBond{value: 5 ether}();
        assertEq(lottery.operatorBond(), BOND + 5 ether, "bond");
        assertEq(lottery.maxPot(), 150 ether, "cap follows the bond");
    }

    function test_withdrawBond_whileWaiting() public {
        vm.expectEmit();
        emit ILottery.BondWithdrawn(OPERATOR, 4 ether, BOND - 4 ether, block.timestamp);
        vm.prank(OPERATOR);
        lottery.withdrawBond(4 ether);
        assertEq(lottery.operatorBond(), BOND - 4 ether, "bond");
        assertEq(OPERATOR.balance, 4 ether, "paid to the operator");
        assertEq(lottery.maxPot(), 60 ether, "cap follows the bond");
    }

    function test_withdrawBond_revertsWhileBetting() public {
        _openRoundWithTwoPlayers();
        vm.expectRevert(_wrongState(ILottery.RoundState.WAITING, ILottery.RoundState.BETTING));
        vm.prank(OPERATOR);
        lottery.withdrawBond(1 ether);
    }

    function test_withdrawBond_revertsAboveTheBond() public {
        vm.expectRevert(abi.encodeWithSelector(ILottery.InsufficientBond.selector, BOND + 1, BOND));
        vm.prank(OPERATOR);
        lottery.withdrawBond(BOND + 1);
    }

    function test_withdrawBond_revertsOnZero() public {
        vm.expectRevert(_err(ILottery.NothingToWithdraw.selector));
        vm.prank(OPERATOR);
        lottery.withdrawBond(0);
    }

    function test_withdrawBond_revertsForNonOperator() public {
        vm.expectRevert(_err(ILottery.NotOperator.selector));
        vm.prank(PUBLISHER);
        lottery.withdrawBond(1 ether);
    }

    function test_withdrawBond_failsWhenTheOperatorRefusesEther() public {
        vm.etch(OPERATOR, hex"60006000fd"); // revert(0, 0)
        vm.expectRevert(abi.encodeWithSelector(ILottery.TransferFailed.selector, OPERATOR, 1 ether));
        vm.prank(OPERATOR);
        lottery.withdrawBond(1 ether);
    }

    function test_maxPot_isUnlimitedWithoutPenalty() public {
        lottery = _deploy(COMMISSION_BPS, 0, CHANGE_DELAY);
        assertEq(lottery.maxPot(), type(uint256).max, "no cap");
    }
}

/// The operator's settings: each within its range, only between rounds.
contract LotterySettingsTest is LotteryTestBase {
    function test_updateMinBetAmount() public {
        vm.expectEmit();
        emit ILottery.MinBetAmountUpdated(0.001 ether, 1 gwei, block.timestamp);
        vm.prank(OPERATOR);
        lottery.updateMinBetAmount(1 gwei);
        assertEq(lottery.minBetAmount(), 1 gwei, "low end");
        vm.prank(OPERATOR);
        lottery.updateMinBetAmount(100 ether);
        assertEq(lottery.getMinBetAmount(), 100 ether, "high end");
    }

    function test_updateMinBetAmount_revertsBelowRange() public {
        _expectOutOfRange(1 gwei - 1, 1 gwei, 100 ether);
        lottery.updateMinBetAmount(1 gwei - 1);
    }

    function test_updateMinBetAmount_revertsAboveRange() public {
        _expectOutOfRange(100 ether + 1, 1 gwei, 100 ether);
        lottery.updateMinBetAmount(100 ether + 1);
    }

    function test_updateMinBetAmount_revertsWhileBetting() public {
        _expectNotWaiting();
        lottery.updateMinBetAmount(1 ether);
    }

    function test_updateMinBetAmount_revertsForNonOperator() public {
        _expectNotOperator();
        lottery.updateMinBetAmount(1 ether);
    }

    function test_updateBettingDuration() public {
        vm.expectEmit();
        emit ILottery.BettingDurationUpdated(120, 10, block.timestamp);
        vm.prank(OPERATOR);
        lottery.updateBettingDuration(10);
        vm.prank(OPERATOR);
        lottery.updateBettingDuration(30 days);
        assertEq(lottery.bettingDuration(), 30 days, "high end");
        _bet(ALICE, 1 ether);
        assertEq(_round().endTime, block.timestamp + 30 days, "used by the next round");
    }

    function test_updateBettingDuration_revertsBelowRange() public {
        _expectOutOfRange(9, 10, 30 days);
        lottery.updateBettingDuration(9);
    }

    function test_updateBettingDuration_revertsAboveRange() public {
        _expectOutOfRange(30 days + 1, 10, 30 days);
        lottery.updateBettingDuration(30 days + 1);
    }

    function test_updateBettingDuration_revertsWhileBetting() public {
        _expectNotWaiting();
        lottery.updateBettingDuration(300);
    }

    function test_updateBettingDuration_revertsForNonOperator() public {
        _expectNotOperator();
        lottery.updateBettingDuration(300);
    }

    function test_updateMinParticipants() public {
        vm.expectEmit();
        emit ILottery.MinParticipantsUpdated(2, 1_000, block.timestamp);
        vm.prank(OPERATOR);
        lottery.updateMinParticipants(1_000);
        assertEq(lottery.minParticipants(), 1_000, "high end");
        vm.prank(OPERATOR);
        lottery.updateMinParticipants(2);
        assertEq(lottery.minParticipants(), 2, "low end");
    }

    function test_updateMinParticipants_revertsBelowRange() public {
        _expectOutOfRange(1, 2, 1_000);
        lottery.updateMinParticipants(1);
    }

    function test_updateMinParticipants_revertsAboveRange() public {
        _expectOutOfRange(1_001, 2, 1_000);
        lottery.updateMinParticipants(1_001);
    }

    function test_updateMinParticipants_revertsWhileBetting() public {
        _expectNotWaiting();
        lottery.updateMinParticipants(3);
    }

    function test_updateMinParticipants_revertsForNonOperator() public {
        _expectNotOperator();
        lottery.updateMinParticipants(3);
    }

    function test_updateMinParticipants_appliesToTheDraw() public {
        vm.prank(OPERATOR);
        lottery.updateMinParticipants(3);
        _openRoundWithTwoPlayers();
        _commit(SEED);
        _warpToDrawWindow();
        lottery.drawWinner(SEED);
        assertEq(lottery.getRoundById(1).state, ILottery.RoundState.REFUNDED, "two players are too few");
    }

    function test_updateDrawDelays() public {
        vm.expectEmit();
        emit ILottery.DrawDelaysUpdated(30, 120, 1, 11, block.timestamp);
        vm.prank(OPERATOR);
        lottery.updateDrawDelays(1, 11);
        assertEq(lottery.minDrawDelayAfterEnd(), 1, "min");
        assertEq(lottery.maxDrawDelayAfterEnd(), 11, "max");
        vm.prank(OPERATOR);
        lottery.updateDrawDelays(7 days - 10, 7 days);
        _bet(ALICE, 1 ether);
        assertEq(_round().minDrawTime, _round().endTime + 7 days - 10, "min draw time");
        assertEq(_round().maxDrawTime, _round().endTime + 7 days, "max draw time");
    }

    function test_updateDrawDelays_revertsOnAZeroMinimum() public {
        _expectOutOfRange(0, 1, 7 days - 10);
        lottery.updateDrawDelays(0, 120);
    }

    function test_updateDrawDelays_revertsOnAMinimumLeavingNoWindow() public {
        _expectOutOfRange(7 days - 9, 1, 7 days - 10);
        lottery.updateDrawDelays(7 days - 9, 7 days);
    }

    function test_updateDrawDelays_revertsOnAWindowShorterThanTenSeconds() public {
        _expectOutOfRange(39, 40, 7 days);
        lottery.updateDrawDelays(30, 39);
    }

    function test_updateDrawDelays_revertsOnAMaximumAboveSevenDays() public {
        _expectOutOfRange(7 days + 1, 40, 7 days);
        lottery.updateDrawDelays(30, 7 days + 1);
    }

    function test_updateDrawDelays_revertsWhileBetting() public {
        _expectNotWaiting();
        lottery.updateDrawDelays(30, 120);
    }

    function test_updateDrawDelays_revertsForNonOperator() public {
        _expectNotOperator();
        lottery.updateDrawDelays(30, 120);
    }

    function test_updateMinEndTimeExtension() public {
        vm.expectEmit();
        emit ILottery.MinEndTimeExtensionUpdated(120, 10, block.timestamp);
        vm.prank(OPERATOR);
        lottery.updateMinEndTimeExtension(10);
        vm.prank(OPERATOR);
        lottery.updateMinEndTimeExtension(1 days);
        assertEq(lottery.minEndTimeExtension(), 1 days, "high end");
    }

    function test_updateMinEndTimeExtension_revertsBelowRange() public {
        _expectOutOfRange(9, 10, 1 days);
        lottery.updateMinEndTimeExtension(9);
    }

    function test_updateMinEndTimeExtension_revertsAboveRange() public {
        _expectOutOfRange(1 days + 1, 10, 1 days);
        lottery.updateMinEndTimeExtension(1 days + 1);
    }

    function test_updateMinEndTimeExtension_revertsWhileBetting() public {
        _expectNotWaiting();
        lottery.updateMinEndTimeExtension(60);
    }

    function test_updateMinEndTimeExtension_revertsForNonOperator() public {
        _expectNotOperator();
        lottery.updateMinEndTimeExtension(60);
    }

    function _expectOutOfRange(uint256 value, uint256 low, uint256 high) internal {
        vm.expectRevert(abi.encodeWithSelector(ILottery.SettingOutOfRange.selector, value, low, high));
        vm.prank(OPERATOR);
    }

    function _expectNotWaiting() internal {
        _bet(ALICE, 1 ether);
        vm.expectRevert(_wrongState(ILottery.RoundState.WAITING, ILottery.RoundState.BETTING));
        vm.prank(OPERATOR);
    }

    function _expectNotOperator() internal {
        vm.expectRevert(_err(ILottery.NotOperator.selector));
        vm.prank(PUBLISHER);
    }
}

/// The publisher's operator change: announced, delayed, only between rounds.
contract LotteryOperatorChangeTest is LotteryTestBase {
    address internal constant NEW_OPERATOR = address(0x0BE5);

    function test_proposeOperator_recordsThePendingChange() public {
        vm.expectEmit();
        emit ILottery.OperatorChangeProposed(NEW_OPERATOR, block.timestamp + CHANGE_DELAY, block.timestamp);
        vm.prank(PUBLISHER);
        lottery.proposeOperator(NEW_OPERATOR);
        assertEq(lottery.pendingOperator(), NEW_OPERATOR, "pending");
        assertEq(lottery.pendingOperatorEffectiveAt(), block.timestamp + CHANGE_DELAY, "effective at");
        assertEq(lottery.operator(), OPERATOR, "nothing changes yet");
    }

    function test_proposeOperator_revertsForNonPublisher() public {
        vm.expectRevert(_err(ILottery.NotPublisher.selector));
        vm.prank(OPERATOR);
        lottery.proposeOperator(NEW_OPERATOR);
    }

    function test_proposeOperator_revertsOnZero() public {
        vm.expectRevert(_err(ILottery.ZeroAddress.selector));
        vm.prank(PUBLISHER);
        lottery.proposeOperator(address(0));
    }

    function test_proposeOperator_revertsOnThePublisher() public {
        vm.expectRevert(_err(ILottery.OperatorIsPublisher.selector));
        vm.prank(PUBLISHER);
        lottery.proposeOperator(PUBLISHER);
    }

    function test_activateOperator_afterTheDelayHandsOverAndReturnsTheBond() public {
        _propose();
        vm.warp(block.timestamp + CHANGE_DELAY);
        vm.expectEmit();
        emit ILottery.OperatorUpdated(OPERATOR, NEW_OPERATOR, block.timestamp);
        vm.prank(STRANGER);
        lottery.activateOperator();

        assertEq(lottery.operator(), NEW_OPERATOR, "new operator");
        assertEq(lottery.pendingOperator(), address(0), "pending cleared");
        assertEq(lottery.pendingOperatorEffectiveAt(), 0, "effective time cleared");
        assertEq(lottery.operatorBond(), 0, "bond handed back");
        assertEq(lottery.pendingWithdrawals(OPERATOR), BOND, "old operator's bond credited");
        assertEq(lottery.maxPot(), 0, "no bets until the new operator posts a bond");

        vm.expectRevert(_err(ILottery.NotOperator.selector));
        vm.prank(OPERATOR);
        lottery.startRound();
        vm.prank(NEW_OPERATOR);
        lottery.startRound();
        vm.prank(OPERATOR);
        lottery.withdraw();
        assertEq(OPERATOR.balance, BOND, "old operator withdrew the bond");
    }

    function test_activateOperator_revertsWithoutAProposal() public {
        vm.expectRevert(_err(ILottery.NoPendingOperator.selector));
        lottery.activateOperator();
    }

    function test_activateOperator_revertsBeforeTheDelay() public {
        _propose();
        uint256 due = block.timestamp + CHANGE_DELAY;
        vm.warp(due - 1);
        vm.expectRevert(abi.encodeWithSelector(ILottery.OperatorChangeNotDue.selector, due, due - 1));
        lottery.activateOperator();
    }

    function test_activateOperator_waitsForTheRoundToEnd() public {
        _propose();
        uint256 due = block.timestamp + CHANGE_DELAY;
        vm.warp(due - 60);
        _openRoundWithTwoPlayers();
        _commit(SEED);
        vm.warp(due);
        vm.expectRevert(_wrongState(ILottery.RoundState.WAITING, ILottery.RoundState.BETTING));
        lottery.activateOperator();
        assertEq(lottery.operator(), OPERATOR, "not while the round runs");

        _warpToDrawWindow();
        lottery.drawWinner(SEED);
        assertEq(lottery.operator(), NEW_OPERATOR, "took effect as the round ended");
        assertEq(lottery.pendingWithdrawals(OPERATOR), BOND, "the old operator's bond is theirs");
        vm.expectRevert(ILottery.NoPendingOperator.selector);
        lottery.activateOperator();
    }

    /// The operator being replaced cannot keep its place by ending each round and opening the next
    /// in one transaction, so that the game never rests in WAITING.
    function test_operatorChange_cannotBeBlockedByNeverWaiting() public {
        EntrenchedOperator entrenched = new EntrenchedOperator();
        vm.prank(PUBLISHER);
        lottery = new Lottery(address(entrenched), COMMISSION_BPS, PENALTY_BPS, CHANGE_DELAY);
        entrenched.setLottery(lottery);
        vm.deal(address(this), BOND);
        entrenched.deposit{value: BOND}();
        _propose();
        vm.warp(block.timestamp + CHANGE_DELAY);

        vm.prank(address(entrenched));
        lottery.startRound();
        _bet(ALICE, 1 ether);
        _bet(BOB, 1 ether);
        ILottery.LotteryRound memory round = _round();
        entrenched.commit(lottery.computeCommitment(round.roundId, SEED), round.endTime);
        vm.warp(round.minDrawTime);
        vm.expectRevert(ILottery.NotOperator.selector);
        entrenched.drawAndRestart(SEED);

        lottery.drawWinner(SEED); // anyone may reveal; the round's end hands over
        assertEq(lottery.operator(), NEW_OPERATOR, "replaced as the round ended");
    }

    /// Nor can a bettor hold the game out of WAITING by refunding an expired round and opening the
    /// next with a bet in one transaction.
    function test_operatorChange_takesEffectWhenAnExpiredRoundIsRefunded() public {
        _propose();
        vm.warp(block.timestamp + CHANGE_DELAY);
        _bet(ALICE, 1 ether); // a round nobody commits to
        vm.warp(_round().endTime + 1);
        lottery.refundExpiredRound();
        assertEq(lottery.operator(), NEW_OPERATOR, "replaced as the round ended");
    }

    function test_proposeOperator_again_restartsTheDelay() public {
        _propose();
        vm.warp(block.timestamp + CHANGE_DELAY - 10);
        _propose();
        uint256 due = block.timestamp + CHANGE_DELAY;
        vm.warp(block.timestamp + 10);
        vm.expectRevert(abi.encodeWithSelector(ILottery.OperatorChangeNotDue.selector, due, block.timestamp));
        lottery.activateOperator();
    }

    function test_proposeOperator_revertsOnTheCurrentOperator() public {
        vm.expectRevert(_err(ILottery.AlreadyOperator.selector));
        vm.prank(PUBLISHER);
        lottery.proposeOperator(OPERATOR);
    }

    /// The incoming operator can post its bond during the delay: it is held apart and becomes the
    /// bond at the switch, so the game can take bets again at once; the old bond goes to the old
    /// operator.
    function test_depositBond_byThePendingOperatorBecomesItsBond() public {
        _propose();
        vm.deal(NEW_OPERATOR, 3 ether);
        vm.expectEmit();
        emit ILottery.PendingBondDeposited(NEW_OPERATOR, 3 ether, 3 ether, block.timestamp);
        vm.prank(NEW_OPERATOR);
        lottery.depositBond{value: 3 ether}();
        assertEq(lottery.pendingOperatorBond(), 3 ether, "held for the candidate");
        assertEq(lottery.operatorBond(), BOND, "the current bond is untouched");

        vm.warp(block.timestamp + CHANGE_DELAY);
        lottery.activateOperator();
        assertEq(lottery.operatorBond(), 3 ether, "the candidate's deposit is the new bond");
        assertEq(lottery.pendingOperatorBond(), 0, "nothing held any more");
        assertEq(lottery.pendingWithdrawals(OPERATOR), BOND, "the old bond is the old operator's");
        assertEq(lottery.pendingWithdrawals(NEW_OPERATOR), 0, "nothing of the new operator's credited away");
        assertGt(lottery.maxPot(), 0, "bets are accepted at once");
    }

    function test_cancelOperatorChange_creditsTheDepositBack() public {
        _propose();
        vm.deal(NEW_OPERATOR, 2 ether);
        vm.prank(NEW_OPERATOR);
        lottery.depositBond{value: 2 ether}();

        vm.expectEmit();
        emit ILottery.OperatorChangeCancelled(NEW_OPERATOR, 2 ether, block.timestamp);
        vm.prank(PUBLISHER);
        lottery.cancelOperatorChange();
        assertEq(lottery.pendingOperator(), address(0), "no proposal");
        assertEq(lottery.pendingOperatorEffectiveAt(), 0, "no due time");
        assertEq(lottery.pendingOperatorBond(), 0, "nothing held");
        assertEq(lottery.pendingWithdrawals(NEW_OPERATOR), 2 ether, "the deposit is the candidate's");
        assertEq(lottery.operatorBond(), BOND, "the bond is untouched");

        vm.warp(block.timestamp + CHANGE_DELAY);
        vm.expectRevert(_err(ILottery.NoPendingOperator.selector));
        lottery.activateOperator();
        vm.prank(NEW_OPERATOR);
        lottery.withdraw();
        assertEq(NEW_OPERATOR.balance, 2 ether, "the candidate took its deposit back");
    }

    function test_cancelOperatorChange_revertsWithoutAProposal() public {
        vm.expectRevert(_err(ILottery.NoPendingOperator.selector));
        vm.prank(PUBLISHER);
        lottery.cancelOperatorChange();
    }

    function test_cancelOperatorChange_revertsForNonPublisher() public {
        _propose();
        vm.expectRevert(_err(ILottery.NotPublisher.selector));
        vm.prank(NEW_OPERATOR);
        lottery.cancelOperatorChange();
    }

    function test_proposeOperator_someoneElse_creditsTheFirstCandidatesDeposit() public {
        _propose();
        vm.deal(NEW_OPERATOR, 1 ether);
        vm.prank(NEW_OPERATOR);
        lottery.depositBond{value: 1 ether}();

        address other = address(0x0BE7);
        vm.expectEmit();
        emit ILottery.OperatorChangeCancelled(NEW_OPERATOR, 1 ether, block.timestamp);
        vm.prank(PUBLISHER);
        lottery.proposeOperator(other);
        assertEq(lottery.pendingOperator(), other, "the new proposal stands");
        assertEq(lottery.pendingOperatorBond(), 0, "the new candidate has deposited nothing");
        assertEq(lottery.pendingWithdrawals(NEW_OPERATOR), 1 ether, "the first candidate's deposit is its own");
    }

    function test_proposeOperator_again_keepsTheCandidatesDeposit() public {
        _propose();
        vm.deal(NEW_OPERATOR, 1 ether);
        vm.prank(NEW_OPERATOR);
        lottery.depositBond{value: 1 ether}();
        _propose();
        assertEq(lottery.pendingOperatorBond(), 1 ether, "still held for the same candidate");
    }

    function _propose() internal {
        vm.prank(PUBLISHER);
        lottery.proposeOperator(NEW_OPERATOR);
    }
}

/// An operator that is a contract: reveals and opens the next round in one transaction.
contract EntrenchedOperator {
    Lottery public lottery;

    function setLottery(Lottery target) external {
        lottery = target;
    }

    function commit(bytes32 commitment, uint256 endTime) external {
        lottery.commitSeed(commitment, endTime);
    }

    function deposit() external payable {
        lottery.depositBond{value: msg.value}();
    }

    function drawAndRestart(bytes32 seed) external {
        lottery.drawWinner(seed);
        lottery.startRound();
    }
}

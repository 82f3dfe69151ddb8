// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ILottery} from "../src/ILottery.sol";
import {Lottery} from "../src/Lottery.sol";
import {vm} from "./Vm.sol";
import {LotteryTestBase} from "./LotteryTestBase.sol";

/// Deployment, betting, starting and committing: every transition into BETTING and every revert.
contract LotteryDeploymentTest is LotteryTestBase {
    function test_constructor_setsRolesAndDefaults() public view {
        assertEq(lottery.PUBLISHER(), PUBLISHER, "publisher");
        assertEq(lottery.operator(), OPERATOR, "operator");
        assertEq(lottery.PUBLISHER_COMMISSION_RATE(), COMMISSION_BPS, "commission");
        assertEq(lottery.REVEAL_PENALTY_BPS(), PENALTY_BPS, "penalty");
        assertEq(lottery.OPERATOR_CHANGE_DELAY(), CHANGE_DELAY, "change delay");
        assertEq(lottery.MAX_TOTAL_EXTENSION(), 1 days, "extension cap");
        assertEq(lottery.minBetAmount(), 0.001 ether, "min bet");
        assertEq(lottery.getMinBetAmount(), 0.001 ether, "getMinBetAmount");
        assertEq(lottery.bettingDuration(), 120, "betting duration");
        assertEq(lottery.minDrawDelayAfterEnd(), 30, "min draw delay");
        assertEq(lottery.maxDrawDelayAfterEnd(), 120, "max draw delay");
        assertEq(lottery.minEndTimeExtension(), 120, "min extension");
        assertEq(lottery.minParticipants(), 2, "min participants");
        assertEq(lottery.currentRoundId(), 1, "first round id");
        assertFalse(lottery.paused(), "paused");
        assertEq(lottery.pendingOperator(), address(0), "pending operator");
        assertEq(lottery.unrevealedRounds(), 0, "unrevealed rounds");
        assertEq(lottery.operatorBond(), BOND, "bond");

        ILottery.LotteryRound memory round = lottery.getRound();
        assertEq(round.roundId, 1, "round id");
        assertEq(round.state, ILottery.RoundState.WAITING, "round 1 waits");
        assertEq(round.startTime, 0, "start time");
        assertEq(round.totalPot, 0, "pot");
    }

    function test_getConfig_returnsTheNineSettingsInOrder() public view {
        (
            address publisherAddr,
            address operatorAddr,
            uint256 commission,
            uint256 minBet,
            uint256 duration,
            uint256 minDelay,
            uint256 maxDelay,
            uint256 minExtension,
            uint256 minPlayers
        ) = lottery.getConfig();
        assertEq(publisherAddr, PUBLISHER, "publisher");
        assertEq(operatorAddr, OPERATOR, "operator");
        assertEq(commission, COMMISSION_BPS, "commission");
        assertEq(minBet, 0.001 ether, "min bet");
        assertEq(duration, 120, "duration");
        assertEq(minDelay, 30, "min delay");
        assertEq(maxDelay, 120, "max delay");
        assertEq(minExtension, 120, "min extension");
        assertEq(minPlayers, 2, "min participants");
    }

    function test_constructor_emitsOperatorAndFirstRound() public {
        vm.expectEmit();
        emit ILottery.OperatorUpdated(address(0), OPERATOR, block.timestamp);
        vm.expectEmit();
        emit ILottery.RoundCreated(1, 0, 0, 0, 0, block.timestamp);
        _deploy(COMMISSION_BPS, PENALTY_BPS, CHANGE_DELAY);
    }

    function test_constructor_acceptsTheLimits() public {
        Lottery high = _deploy(1_000, 10_000, 30 days);
        assertEq(high.PUBLISHER_COMMISSION_RATE(), 1_000, "max commission");
        assertEq(high.REVEAL_PENALTY_BPS(), 10_000, "max penalty");
        Lottery low = _deploy(0, 0, 60);
        assertEq(low.OPERATOR_CHANGE_DELAY(), 60, "min delay");
        assertEq(low.maxPot(), type(uint256).max, "no cap without penalty");
    }

    function test_constructor_revertsOnZeroOperator() public {
        vm.expectRevert(_err(ILottery.ZeroAddress.selector));
        vm.prank(PUBLISHER);
        new Lottery(address(0), COMMISSION_BPS, PENALTY_BPS, CHANGE_DELAY);
    }

    function test_constructor_revertsWhenOperatorIsPublisher() public {
        vm.expectRevert(_err(ILottery.OperatorIsPublisher.selector));
        vm.prank(PUBLISHER);
        new Lottery(PUBLISHER, COMMISSION_BPS, PENALTY_BPS, CHANGE_DELAY);
    }

    function test_constructor_revertsOnCommissionAboveTenPercent() public {
        vm.expectRevert(abi.encodeWithSelector(ILottery.CommissionTooHigh.selector, 1_001, 1_000));
        _deploy(1_001, PENALTY_BPS, CHANGE_DELAY);
    }

    function test_constructor_revertsOnPenaltyAboveTheWholePot() public {
        vm.expectRevert(abi.encodeWithSelector(ILottery.RevealPenaltyTooHigh.selector, 10_001, 10_000));
        _deploy(COMMISSION_BPS, 10_001, CHANGE_DELAY);
    }

    function test_constructor_revertsOnChangeDelayTooShort() public {
        vm.expectRevert(abi.encodeWithSelector(ILottery.OperatorChangeDelayOutOfRange.selector, 59, 60, 30 days));
        _deploy(COMMISSION_BPS, PENALTY_BPS, 59);
    }

    function test_constructor_revertsOnChangeDelayTooLong() public {
        vm.expectRevert(
            abi.encodeWithSelector(ILottery.OperatorChangeDelayOutOfRange.selector, 30 days + 1, 60, 30 days)
        );
        _deploy(COMMISSION_BPS, PENALTY_BPS, 30 days + 1);
    }

    function test_plainEtherTransfer_isRefused() public {
        vm.deal(ALICE, 1 ether);
        vm.prank(ALICE);
        (bool ok,) = address(lottery).call{value: 1 ether}("");
        assertFalse(ok, "no receive function");
    }
}

contract LotteryBettingTest is LotteryTestBase {
    function test_placeBet_opensTheWaitingRound() public {
        uint256 t = block.timestamp;
        vm.expectEmit();
        emit ILottery.RoundCreated(1, t, t + 120, t + 150, t + 240, t);
        vm.expectEmit();
        emit ILottery.RoundStateChanged(1, ILottery.RoundState.WAITING, ILottery.RoundState.BETTING, t);
        vm.expectEmit();
        emit ILottery.BetPlaced(1, ALICE, 1 ether, 1 ether, t);
        _bet(ALICE, 1 ether);

        ILottery.LotteryRound memory round = _round();
        assertEq(round.state, ILottery.RoundState.BETTING, "state");
        assertEq(round.startTime, t, "start");
        assertEq(round.endTime, t + 120, "end");
        assertEq(round.minDrawTime, t + 150, "min draw");
        assertEq(round.maxDrawTime, t + 240, "max draw");
        assertEq(round.totalPot, 1 ether, "pot");
        assertEq(round.participantCount, 1, "participants");
        assertEq(round.betCount, 1, "bets");
        assertEq(address(lottery).balance, BOND + 1 ether, "balance");
    }

    function test_placeBet_accumulatesPerPlayerAndPerBet() public {
        _bet(ALICE, 1 ether);
        _bet(BOB, 2 ether);
        vm.expectEmit();
        emit ILottery.BetPlaced(1, ALICE, 0.5 ether, 3.5 ether, block.timestamp);
        _bet(ALICE, 0.5 ether);

        ILottery.LotteryRound memory round = _round();
        assertEq(round.totalPot, 3.5 ether, "pot");
        assertEq(round.participantCount, 2, "a second bet adds no participant");
        assertEq(round.betCount, 3, "every bet is recorded");
        assertEq(lottery.getBetAmount(ALICE), 1.5 ether, "alice total");
        assertEq(lottery.getBetAmount(BOB), 2 ether, "bob total");

        (address[] memory bettors, uint256[] memory cumulative) = lottery.getBets(1, 0, 10);
        assertEq(bettors.length, 3, "bets listed");
        assertEq(bettors[2], ALICE, "third bettor");
        assertEq(cumulative[0], 1 ether, "cumulative 0");
        assertEq(cumulative[1], 3 ether, "cumulative 1");
        assertEq(cumulative[2], 3.5 ether, "cumulative 2");
    }

    function test_placeBet_acceptsTheMinimumExactly() public {
        _bet(ALICE, 0.001 ether);
        assertEq(_round().totalPot, 0.001 ether, "pot");
    }

    function test_placeBet_revertsBelowTheMinimum() public {
        vm.deal(ALICE, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILottery.BetTooSmall.selector, 0.001 ether - 1, 0.001 ether));
        vm.prank(ALICE);
        lottery.placeBet{value: 0.001 ether - 1}();
    }

    function test_placeBet_acceptsABetAtEndTime() public {
        _bet(ALICE, 1 ether);
        vm.warp(_round().endTime);
        _bet(BOB, 1 ether);
        assertEq(_round().totalPot, 2 ether, "pot");
    }

    function test_placeBet_revertsAfterEndTime() public {
        _bet(ALICE, 1 ether);
        uint256 endTime = _round().endTime;
        vm.warp(endTime + 1);
        vm.deal(BOB, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILottery.BettingClosed.selector, endTime, endTime + 1));
        vm.prank(BOB);
        lottery.placeBet{value: 1 ether}();
    }

    function test_placeBet_revertsWhenPausedAndNoRoundRuns() public {
        vm.prank(OPERATOR);
        lottery.setPaused(true);
        vm.deal(ALICE, 1 ether);
        vm.expectRevert(_err(ILottery.Paused.selector));
        vm.prank(ALICE);
        lottery.placeBet{value: 1 ether}();
    }

    function test_placeBet_continuesTheRunningRoundWhilePaused() public {
        _bet(ALICE, 1 ether);
        vm.prank(OPERATOR);
        lottery.setPaused(true);
        _bet(BOB, 1 ether);
        _commit(SEED);
        _warpToDrawWindow();
        lottery.drawWinner(SEED);
        assertEq(lottery.getRoundById(1).state, ILottery.RoundState.COMPLETED, "round finished");

        // ... but the next one does not open
        vm.deal(ALICE, 1 ether);
        vm.expectRevert(_err(ILottery.Paused.selector));
        vm.prank(ALICE);
        lottery.placeBet{value: 1 ether}();

        vm.prank(OPERATOR);
        lottery.setPaused(false);
        _bet(ALICE, 1 ether);
        assertEq(_round().state, ILottery.RoundState.BETTING, "unpaused, the round opens");
    }

    function test_placeBet_potMayReachTheCapExactly() public {
        assertEq(lottery.maxPot(), 100 ether, "cap = bond / 10 %");
        _bet(ALICE, 60 ether);
        _bet(BOB, 40 ether);
        assertEq(_round().totalPot, 100 ether, "pot at cap");
    }

    function test_placeBet_revertsAboveThePotCap() public {
        _bet(ALICE, 60 ether);
        vm.deal(BOB, 41 ether);
        vm.expectRevert(abi.encodeWithSelector(ILottery.PotCapExceeded.selector, 101 ether, 100 ether));
        vm.prank(BOB);
        lottery.placeBet{value: 40 ether + 1 ether}();
    }

    function test_placeBet_revertsWithoutBondWhenThereIsAPenalty() public {
        lottery = _deploy(COMMISSION_BPS, PENALTY_BPS, CHANGE_DELAY);
        vm.deal(ALICE, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILottery.PotCapExceeded.selector, 1 ether, 0));
        vm.prank(ALICE);
        lottery.placeBet{value: 1 ether}();
    }

    function test_placeBet_aDepositRaisesTheCapMidRound() public {
        _bet(ALICE, 100 ether);
        _depositBond(1 ether);
        _bet(BOB, 10 ether);
        assertEq(_round().totalPot, 110 ether, "pot");
    }

    function test_placeBet_hasNoCapWithoutPenaltyButStaysWithin96Bits() public {
        lottery = _deploy(COMMISSION_BPS, 0, CHANGE_DELAY);
        uint256 max96 = type(uint96).max;
        _bet(ALICE, max96 - 0.001 ether);
        _bet(BOB, 0.001 ether);
        assertEq(_round().totalPot, max96, "pot at the 96-bit limit");
        vm.deal(CAROL, 1 ether);
        vm.expectRevert(abi.encodeWithSelector(ILottery.PotCapExceeded.selector, max96 + 0.001 ether, max96));
        vm.prank(CAROL);
        lottery.placeBet{value: 0.001 ether}();
    }

    function test_startRound_opensAnEmptyRound() public {
        uint256 t = block.timestamp;
        vm.expectEmit();
        emit ILottery.RoundCreated(1, t, t + 120, t + 150, t + 240, t);
        vm.expectEmit();
        emit ILottery.RoundStateChanged(1, ILottery.RoundState.WAITING, ILottery.RoundState.BETTING, t);
        vm.prank(OPERATOR);
        lottery.startRound();
        ILottery.LotteryRound memory round = _round();
        assertEq(round.state, ILottery.RoundState.BETTING, "state");
        assertEq(round.totalPot, 0, "pot");
        assertEq(round.participantCount, 0, "participants");
    }

    function test_startRound_revertsForNonOperator() public {
        vm.expectRevert(_err(ILottery.NotOperator.selector));
        vm.prank(STRANGER);
        lottery.startRound();
    }

    function test_startRound_revertsWhileBetting() public {
        _bet(ALICE, 1 ether);
        vm.expectRevert(_wrongState(ILottery.RoundState.WAITING, ILottery.RoundState.BETTING));
        vm.prank(OPERATOR);
        lottery.startRound();
    }

    function test_startRound_revertsWhenPaused() public {
        vm.startPrank(OPERATOR);
        lottery.setPaused(true);
        vm.expectRevert(_err(ILottery.Paused.selector));
        lottery.startRound();
        vm.stopPrank();
    }
}

contract LotteryCommitTest is LotteryTestBase {
    function test_commitSeed_recordsTheCommitment() public {
        _openRoundWithTwoPlayers();
        bytes32 commitment = lottery.computeCommitment(1, SEED);
        uint256 endTime = _round().endTime;
        vm.expectEmit();
        emit ILottery.SeedCommitted(1, commitment, endTime, block.timestamp);
        vm.prank(OPERATOR);
        lottery.commitSeed(commitment, endTime);
        assertEq(_round().seedCommitment, commitment, "stored");
    }

    function test_computeCommitment_bindsChainContractRoundAndSeed() public view {
        bytes32 expected = keccak256(abi.encode(block.chainid, address(lottery), uint256(7), SEED));
        assertEq(lottery.computeCommitment(7, SEED), expected, "commitment formula");
    }

    function test_commitSeed_acceptsACommitmentAtEndTime() public {
        _openRoundWithTwoPlayers();
        vm.warp(_round().endTime);
        _commit(SEED);
        assertTrue(_round().seedCommitment != 0, "committed");
    }

    function test_commitSeed_revertsForNonOperator() public {
        _openRoundWithTwoPlayers();
        uint256 endTime = _round().endTime;
        vm.expectRevert(_err(ILottery.NotOperator.selector));
        vm.prank(STRANGER);
        lottery.commitSeed(keccak256("x"), endTime);
    }

    function test_commitSeed_revertsWhileWaiting() public {
        vm.expectRevert(_wrongState(ILottery.RoundState.BETTING, ILottery.RoundState.WAITING));
        vm.prank(OPERATOR);
        lottery.commitSeed(keccak256("x"), 0);
    }

    function test_commitSeed_revertsAfterBettingCloses() public {
        _openRoundWithTwoPlayers();
        uint256 endTime = _round().endTime;
        vm.warp(endTime + 1);
        vm.expectRevert(abi.encodeWithSelector(ILottery.BettingClosed.selector, endTime, endTime + 1));
        vm.prank(OPERATOR);
        lottery.commitSeed(keccak256("x"), endTime);
    }

    function test_commitSeed_revertsOnAWrongEndTime() public {
        _openRoundWithTwoPlayers();
        uint256 endTime = _round().endTime;
        vm.expectRevert(abi.encodeWithSelector(ILottery.EndTimeMismatch.selector, endTime - 1, endTime));
        vm.prank(OPERATOR);
        lottery.commitSeed(keccak256("x"), endTime - 1);
    }

    function test_commitSeed_afterAnExtensionNeedsTheNewEndTime() public {
        _openRoundWithTwoPlayers();
        uint256 oldEnd = _round().endTime;
        vm.startPrank(OPERATOR);
        lottery.extendBettingTime(oldEnd + 300);
        vm.expectRevert(abi.encodeWithSelector(ILottery.EndTimeMismatch.selector, oldEnd, oldEnd + 300));
        lottery.commitSeed(keccak256("x"), oldEnd);
        lottery.commitSeed(keccak256("x"), oldEnd + 300);
        vm.stopPrank();
    }

    function test_commitSeed_revertsOnAZeroCommitment() public {
        _openRoundWithTwoPlayers();
        uint256 endTime = _round().endTime;
        vm.expectRevert(_err(ILottery.ZeroCommitment.selector));
        vm.prank(OPERATOR);
        lottery.commitSeed(bytes32(0), endTime);
    }

    function test_commitSeed_revertsASecondCommitment() public {
        _openRoundWithTwoPlayers();
        _commit(SEED);
        uint256 endTime = _round().endTime;
        vm.expectRevert(abi.encodeWithSelector(ILottery.SeedAlreadyCommitted.selector, 1));
        vm.prank(OPERATOR);
        lottery.commitSeed(keccak256("another"), endTime);
    }
}

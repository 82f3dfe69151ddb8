// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ILottery} from "../src/ILottery.sol";
import {Lottery} from "../src/Lottery.sol";
import {vm} from "./Vm.sol";
import {LotteryTestBase, RefusingPlayer} from "./LotteryTestBase.sol";

/// Burns all the gas it is given when paid.
contract GasGuzzler {
    function bet(Lottery lottery) external payable {
        lottery.placeBet{value: msg.value}();
    }

    receive() external payable {
        while (true) {}
    }
}

/// Tries to re-enter the lottery when paid, remembers how that went, then accepts the payment.
contract ReentrantPlayer {
    Lottery private immutable lottery;
    bytes public reentryError;
    uint256 public reentryRound;

    constructor(Lottery lottery_) {
        lottery = lottery_;
    }

    function bet() external payable {
        lottery.placeBet{value: msg.value}();
    }

    function claim(uint256 roundId) external {
        reentryRound = roundId;
        lottery.claimRefund(roundId);
    }

    receive() external payable {
        try lottery.claimRefund(reentryRound) {
            reentryError = "re-entered";
        } catch (bytes memory reason) {
            reentryError = reason;
        }
    }
}

/// Reveal, draw, payout and the next round.
contract LotteryDrawTest is LotteryTestBase {
    function test_drawWinner_paysTheWinnerAndCreditsTheCommission() public {
        _openRoundWithTwoPlayers();
        _commit(SEED);
        _warpToDrawWindow();
        address winner = _expectedWinner(1, SEED);
        uint256 winnerBefore = winner.balance;
        uint256 t = block.timestamp;

        vm.expectEmit();
        emit ILottery.RoundStateChanged(1, ILottery.RoundState.BETTING, ILottery.RoundState.DRAWING, t);
        vm.expectEmit();
        emit ILottery.RoundCompleted(1, winner, 4 ether, 3.8 ether, 0.2 ether, uint256(SEED), t);
        vm.expectEmit();
        emit ILottery.RoundStateChanged(1, ILottery.RoundState.DRAWING, ILottery.RoundState.COMPLETED, t);
        vm.expectEmit();
        emit ILottery.RoundCreated(2, 0, 0, 0, 0, t);
        vm.expectEmit();
        emit ILottery.RoundStateChanged(2, ILottery.RoundState.COMPLETED, ILottery.RoundState.WAITING, t);
        vm.prank(STRANGER);
        lottery.drawWinner(SEED);

        ILottery.LotteryRound memory round = lottery.getRoundById(1);
        assertEq(round.state, ILottery.RoundState.COMPLETED, "completed");
        assertEq(round.winner, winner, "winner");
        assertEq(round.winnerPrize, 3.8 ether, "prize");
        assertEq(round.publisherCommission, 0.2 ether, "commission");
        assertEq(round.revealedSeed, SEED, "seed revealed");
        assertEq(winner.balance, winnerBefore + 3.8 ether, "prize pushed");
        assertEq(lottery.pendingWithdrawals(PUBLISHER), 0.2 ether, "commission credited");
        assertEq(lottery.pendingWithdrawals(winner), 0, "nothing credited to a paid winner");

        assertEq(lottery.currentRoundId(), 2, "next round");
        assertEq(_round().state, ILottery.RoundState.WAITING, "next round waits");
        assertEq(_round().totalPot, 0, "fresh pot");
        assertEq(lottery.getBetAmount(ALICE), 0, "fresh stakes");
        assertEq(address(lottery).balance, BOND + 0.2 ether, "balance = bond + commission");
    }

    function test_drawWinner_canBeRevealedByAnyone() public {
        _openRoundWithTwoPlayers();
        _commit(SEED);
        _warpToDrawWindow();
        vm.prank(address(0xD15C0));
        lottery.drawWinner(SEED);
        assertEq(lottery.getRoundById(1).state, ILottery.RoundState.COMPLETED, "anyone may reveal");
    }

    function test_drawWinner_picksTheBettorWhoseRangeHoldsThePoint() public {
        _bet(ALICE, 1 ether);
        _bet(BOB, 2 ether);
        _bet(ALICE, 0.5 ether);
        _bet(CAROL, 0.25 ether);
        _bet(DAVE, 3 ether);
        for (uint256 i = 0; i < 20; ++i) {
            bytes32 seed = keccak256(abi.encode("seed", i));
            uint256 snapshot = vm.snapshotState();
            _commit(seed);
            _warpToDrawWindow();
            lottery.drawWinner(seed);
            assertEq(lottery.getRoundById(1).winner, _expectedWinner(1, seed), "binary search = linear scan");
            vm.revertToState(snapshot);
        }
    }

    function test_drawWinner_aPointOnABoundaryBelongsToTheNextBet() public {
        uint256 point = _pointFor(SEED, 10 ether);
        _bet(ALICE, point); // Alice holds [0, point)
        _bet(BOB, 10 ether - point); // Bob holds [point, pot)
        _commit(SEED);
        _warpToDrawWindow();
        lottery.drawWinner(SEED);
        assertEq(lottery.getRoundById(1).winner, BOB, "the point is the first of Bob's range");
    }

    function test_drawWinner_theLastPointOfABetBelongsToIt() public {
        uint256 point = _pointFor(SEED, 10 ether);
        _bet(ALICE, point + 1); // Alice holds [0, point]
        _bet(BOB, 10 ether - point - 1);
        _commit(SEED);
        _warpToDrawWindow();
        lottery.drawWinner(SEED);
        assertEq(lottery.getRoundById(1).winner, ALICE, "the point is the last of Alice's range");
    }

    /// The winning point of round 1 with `seed` when the pot is `pot`.
    function _pointFor(bytes32 seed, uint256 pot) internal pure returns (uint256 point) {
        point = uint256(keccak256(abi.encode(seed, uint256(1)))) % pot;
        if (point < 0.001 ether || pot - point <= 0.001 ether) revert("pick another seed: bets too small");
    }

    function test_drawWinner_worksAtBothEdgesOfTheWindow() public {
        _openRoundWithTwoPlayers();
        _commit(SEED);
        uint256 snapshot = vm.snapshotState();
        vm.warp(_round().minDrawTime);
        lottery.drawWinner(SEED);
        vm.revertToState(snapshot);
        vm.warp(_round().maxDrawTime);
        lottery.drawWinner(SEED);
        assertEq(lottery.getRoundById(1).state, ILottery.RoundState.COMPLETED, "drawn at maxDrawTime");
    }

    function test_drawWinner_revertsWhileWaiting() public {
        vm.expectRevert(_wrongState(ILottery.RoundState.BETTING, ILottery.RoundState.WAITING));
        lottery.drawWinner(SEED);
    }

    function test_drawWinner_revertsBeforeTheWindowOpens() public {
        _openRoundWithTwoPlayers();
        _commit(SEED);
        uint256 minDrawTime = _round().minDrawTime;
        vm.warp(minDrawTime - 1);
        vm.expectRevert(abi.encodeWithSelector(ILottery.DrawWindowNotOpen.selector, minDrawTime, minDrawTime - 1));
        lottery.drawWinner(SEED);
    }

    function test_drawWinner_revertsAfterTheWindowCloses() public {
        _openRoundWithTwoPlayers();
        _commit(SEED);
        uint256 maxDrawTime = _round().maxDrawTime;
        vm.warp(maxDrawTime + 1);
        vm.expectRevert(abi.encodeWithSelector(ILottery.DrawWindowClosed.selector, maxDrawTime, maxDrawTime + 1));
        lottery.drawWinner(SEED);
    }

    function test_drawWinner_revertsWithoutACommitment() public {
        _openRoundWithTwoPlayers();
        _warpToDrawWindow();
        vm.expectRevert(abi.encodeWithSelector(ILottery.NoSeedCommitted.selector, 1));
        lottery.drawWinner(SEED);
    }

    function test_drawWinner_revertsOnAWrongSeed() public {
        _openRoundWithTwoPlayers();
        _commit(SEED);
        _warpToDrawWindow();
        vm.expectRevert(abi.encodeWithSelector(ILottery.InvalidReveal.selector, 1));
        lottery.drawWinner(keccak256("a guess"));
    }

    function test_drawWinner_rejectsASeedCommittedForAnotherContract() public {
        _openRoundWithTwoPlayers();
        uint256 endTime = _round().endTime;
        // the same seed and round on another deployment has another commitment
        bytes32 foreign = keccak256(abi.encode(block.chainid, address(0xF0), uint256(1), SEED));
        vm.prank(OPERATOR);
        lottery.commitSeed(foreign, endTime);
        _warpToDrawWindow();
        vm.expectRevert(abi.encodeWithSelector(ILottery.InvalidReveal.selector, 1));
        lottery.drawWinner(SEED);
    }

    function test_drawWinner_refundsARoundWithTooFewPlayers() public {
        _bet(ALICE, 1 ether);
        _bet(ALICE, 1 ether);
        _commit(SEED);
        _warpToDrawWindow();
        uint256 t = block.timestamp;
        vm.expectEmit();
        emit ILottery.RoundRefunded(1, 2 ether, 1, "Insufficient participants", t);
        vm.expectEmit();
        emit ILottery.RoundStateChanged(1, ILottery.RoundState.BETTING, ILottery.RoundState.REFUNDED, t);
        vm.expectEmit();
        emit ILottery.RoundStateChanged(2, ILottery.RoundState.REFUNDED, ILottery.RoundState.WAITING, t);
        lottery.drawWinner(SEED);

        ILottery.LotteryRound memory round = lottery.getRoundById(1);
        assertEq(round.state, ILottery.RoundState.REFUNDED, "refunded");
        assertEq(round.revealedSeed, SEED, "seed still revealed");
        assertEq(round.revealPenalty, 0, "no penalty: the operator revealed");
        assertEq(lottery.refundOwed(1, ALICE), 2 ether, "alice gets her bets back");
        assertEq(lottery.unrevealedRounds(), 0, "not counted as withheld");
    }

    function test_drawWinner_creditsAWinnerThatRefusesEther() public {
        RefusingPlayer refuser = new RefusingPlayer(lottery);
        refuser.bet{value: 1 ether}();
        _bet(ALICE, 1 ether);
        bytes32 seed = _seedElecting(address(refuser));
        _commit(seed);
        _warpToDrawWindow();
        vm.expectEmit();
        emit ILottery.PrizeCredited(1, address(refuser), 1.9 ether, block.timestamp);
        lottery.drawWinner(seed);

        assertEq(lottery.getRoundById(1).winner, address(refuser), "winner");
        assertEq(lottery.pendingWithdrawals(address(refuser)), 1.9 ether, "prize credited");
        assertEq(lottery.currentRoundId(), 2, "the game went on");

        // the refuser cannot withdraw while it refuses, and blocks nobody else
        vm.expectRevert(abi.encodeWithSelector(ILottery.TransferFailed.selector, address(refuser), 1.9 ether));
        refuser.withdraw();
        vm.prank(PUBLISHER);
        lottery.withdraw();
        refuser.setAccepting(true);
        refuser.withdraw();
        assertEq(address(refuser).balance, 1.9 ether, "paid once it accepts");
    }

    function test_drawWinner_creditsAWinnerThatBurnsAllGas() public {
        GasGuzzler guzzler = new GasGuzzler();
        guzzler.bet{value: 1 ether}(lottery);
        _bet(ALICE, 1 ether);
        bytes32 seed = _seedElecting(address(guzzler));
        _commit(seed);
        _warpToDrawWindow();
        uint256 gasBefore = gasleft();
        lottery.drawWinner(seed);
        uint256 used = gasBefore - gasleft();
        assertEq(lottery.pendingWithdrawals(address(guzzler)), 1.9 ether, "prize credited");
        assertLt(used, 250_000, "the winner burned at most the push's 30,000 gas");
    }

    function test_drawWinner_aReentrantWinnerIsStoppedAndStillPaid() public {
        ReentrantPlayer player = new ReentrantPlayer(lottery);
        player.bet{value: 1 ether}();
        _bet(ALICE, 1 ether);
        bytes32 seed = _seedElecting(address(player));
        _commit(seed);
        _warpToDrawWindow();
        lottery.drawWinner(seed);
        assertEq(keccak256(player.reentryError()), keccak256(_err(ILottery.Reentrancy.selector)), "guarded");
        assertEq(address(player).balance, 1.9 ether, "prize pushed");
    }

    function test_drawWinner_withoutCommissionPaysThePot() public {
        lottery = _deploy(0, PENALTY_BPS, CHANGE_DELAY);
        _depositBond(BOND);
        _playRound(SEED);
        assertEq(lottery.getRoundById(1).winnerPrize, 4 ether, "whole pot");
        assertEq(lottery.pendingWithdrawals(PUBLISHER), 0, "no commission");
    }

    function test_drawWinner_roundsAfterwardsStartFresh() public {
        _playRound(SEED);
        _playRound(keccak256("second"));
        assertEq(lottery.currentRoundId(), 3, "two rounds played");
        assertEq(lottery.getRoundById(2).totalPot, 4 ether, "round 2 pot");
        assertEq(lottery.getRoundById(2).participantCount, 2, "round 2 players");
        assertEq(lottery.pendingWithdrawals(PUBLISHER), 0.4 ether, "commission adds up");
    }

    function _seedElecting(address who) internal view returns (bytes32) {
        uint256 roundId = lottery.currentRoundId();
        for (uint256 i = 0; i < 256; ++i) {
            bytes32 seed = keccak256(abi.encode("elect", i));
            if (_expectedWinner(roundId, seed) == who) return seed;
        }
        revert("no electing seed found");
    }
}

/// Refunds: by anyone once a round cannot be drawn, by the operator while betting is open,
/// the reveal penalty, and the claims.
contract LotteryRefundTest is LotteryTestBase {
    function test_refundExpiredRound_withoutCommitmentRightAfterEndTime() public {
        _openRoundWithTwoPlayers();
        uint256 endTime = _round().endTime;
        vm.warp(endTime + 1);
        vm.expectEmit();
        emit ILottery.RoundRefunded(1, 4 ether, 2, "No seed committed", endTime + 1);
        vm.expectEmit();
        emit ILottery.RoundStateChanged(1, ILottery.RoundState.BETTING, ILottery.RoundState.REFUNDED, endTime + 1);
        vm.expectEmit();
        emit ILottery.RoundCreated(2, 0, 0, 0, 0, endTime + 1);
        vm.expectEmit();
        emit ILottery.RoundStateChanged(2, ILottery.RoundState.REFUNDED, ILottery.RoundState.WAITING, endTime + 1);
        vm.prank(STRANGER);
        lottery.refundExpiredRound();

        assertEq(lottery.getRoundById(1).state, ILottery.RoundState.REFUNDED, "refunded");
        assertEq(lottery.operatorBond(), BOND, "no penalty without a commitment");
        assertEq(lottery.refundOwed(1, ALICE), 1 ether, "alice owed");
        assertEq(lottery.refundOwed(1, BOB), 3 ether, "bob owed");
        assertEq(_round().state, ILottery.RoundState.WAITING, "next round waits");
    }

    function test_refundExpiredRound_revertsWithoutCommitmentUntilEndTimePasses() public {
        _openRoundWithTwoPlayers();
        uint256 endTime = _round().endTime;
        vm.warp(endTime);
        vm.expectRevert(abi.encodeWithSelector(ILottery.RefundNotYetAllowed.selector, endTime, endTime));
        lottery.refundExpiredRound();
    }

    function test_refundExpiredRound_revertsForACommittedRoundUntilTheWindowCloses() public {
        _openRoundWithTwoPlayers();
        _commit(SEED);
        uint256 maxDrawTime = _round().maxDrawTime;
        vm.warp(maxDrawTime);
        vm.expectRevert(abi.encodeWithSelector(ILottery.RefundNotYetAllowed.selector, maxDrawTime, maxDrawTime));
        lottery.refundExpiredRound();
    }

    function test_refundExpiredRound_revertsWhileWaiting() public {
        vm.expectRevert(_wrongState(ILottery.RoundState.BETTING, ILottery.RoundState.WAITING));
        lottery.refundExpiredRound();
    }

    function test_refundExpiredRound_closesAnEmptyOperatorStartedRound() public {
        vm.prank(OPERATOR);
        lottery.startRound();
        vm.warp(_round().endTime + 1);
        lottery.refundExpiredRound();
        assertEq(lottery.getRoundById(1).state, ILottery.RoundState.REFUNDED, "closed");
        assertEq(lottery.currentRoundId(), 2, "next round");
    }

    function test_refundExpiredRound_takesThePenaltyForAWithheldReveal() public {
        _openRoundWithTwoPlayers();
        _commit(SEED);
        uint256 after_ = _round().maxDrawTime + 1;
        vm.warp(after_);
        vm.expectEmit();
        emit ILottery.RevealWithheld(1, 0.4 ether, 1, after_);
        vm.expectEmit();
        emit ILottery.RoundRefunded(1, 4 ether, 2, "Draw time expired", after_);
        lottery.refundExpiredRound();

        assertEq(lottery.operatorBond(), BOND - 0.4 ether, "penalty taken from the bond");
        assertEq(lottery.unrevealedRounds(), 1, "counted");
        assertEq(lottery.getRoundById(1).revealPenalty, 0.4 ether, "stored on the round");
        assertEq(lottery.refundOwed(1, ALICE), 1.1 ether, "alice: bet + 1/4 of the penalty");
        assertEq(lottery.refundOwed(1, BOB), 3.3 ether, "bob: bet + 3/4 of the penalty");
    }

    function test_withheldReveal_paysEachPlayerExactlyTheirShare() public {
        _bet(ALICE, 1 ether);
        _bet(BOB, 2 ether);
        _bet(CAROL, 1 ether);
        _bet(ALICE, 3 ether);
        _commit(SEED);
        vm.warp(_round().maxDrawTime + 1);
        lottery.refundExpiredRound();
        uint256 penalty = 0.7 ether; // 10 % of 7 ether
        assertEq(lottery.getRoundById(1).revealPenalty, penalty, "penalty");

        _claimAndCheck(ALICE, 4 ether, penalty * 4 / 7);
        _claimAndCheck(BOB, 2 ether, penalty * 2 / 7);
        _claimAndCheck(CAROL, 1 ether, penalty / 7);
        assertEq(address(lottery).balance, BOND - penalty, "everything owed was paid");
    }

    function test_withheldReveal_sharesRoundDownAndNeverExceedThePenalty() public {
        _bet(ALICE, 1 ether + 1);
        _bet(BOB, 1 ether + 2);
        _bet(CAROL, 1 ether + 4);
        _commit(SEED);
        vm.warp(_round().maxDrawTime + 1);
        lottery.refundExpiredRound();
        ILottery.LotteryRound memory round = lottery.getRoundById(1);
        uint256 pot = round.totalPot;
        uint256 penalty = round.revealPenalty;
        assertEq(penalty, pot * PENALTY_BPS / 10_000, "penalty");

        uint256 shares = _claimAndCheck(ALICE, 1 ether + 1, penalty * (1 ether + 1) / pot)
            + _claimAndCheck(BOB, 1 ether + 2, penalty * (1 ether + 2) / pot)
            + _claimAndCheck(CAROL, 1 ether + 4, penalty * (1 ether + 4) / pot);
        assertLe(shares, penalty, "shares within the penalty");
        assertGe(shares + 2, penalty, "at most one wei lost per player but one");
    }

    function test_withheldReveal_withoutPenaltyBpsIsStillCounted() public {
        lottery = _deploy(COMMISSION_BPS, 0, CHANGE_DELAY);
        _openRoundWithTwoPlayers();
        _commit(SEED);
        vm.warp(_round().maxDrawTime + 1);
        vm.expectEmit();
        emit ILottery.RevealWithheld(1, 0, 1, block.timestamp);
        lottery.refundExpiredRound();
        assertEq(lottery.unrevealedRounds(), 1, "counted");
        assertEq(lottery.refundOwed(1, ALICE), 1 ether, "bet only");
    }

    function test_withheldReveal_ofAnEmptyCommittedRoundCostsNothing() public {
        vm.prank(OPERATOR);
        lottery.startRound();
        _commit(SEED);
        vm.warp(_round().maxDrawTime + 1);
        lottery.refundExpiredRound();
        assertEq(lottery.operatorBond(), BOND, "nothing at stake");
        assertEq(lottery.unrevealedRounds(), 1, "but counted");
    }

    function test_refundRound_byTheOperatorWhileBettingIsOpen() public {
        _openRoundWithTwoPlayers();
        uint256 endTime = _round().endTime;
        vm.warp(endTime);
        vm.expectEmit();
        emit ILottery.RoundRefunded(1, 4 ether, 2, "Operator-initiated refund", endTime);
        vm.prank(OPERATOR);
        lottery.refundRound();
        assertEq(lottery.getRoundById(1).state, ILottery.RoundState.REFUNDED, "refunded");
        assertEq(lottery.operatorBond(), BOND, "no penalty while betting is open");
        assertEq(lottery.unrevealedRounds(), 0, "not a withheld reveal");
        assertEq(lottery.refundOwed(1, BOB), 3 ether, "bob owed");
    }

    /// An operator who knows its seed must not cancel, for free, a round whose winner it dislikes:
    /// once committed, a round ends by its reveal or, withheld, with the penalty.
    function test_refundRound_revertsOnceTheSeedIsCommitted() public {
        _openRoundWithTwoPlayers();
        _commit(SEED);
        vm.warp(_round().endTime);
        vm.expectRevert(abi.encodeWithSelector(ILottery.SeedAlreadyCommitted.selector, 1));
        vm.prank(OPERATOR);
        lottery.refundRound();
        vm.warp(_round().maxDrawTime + 1);
        lottery.refundExpiredRound();
        assertEq(lottery.unrevealedRounds(), 1, "withholding is counted");
        assertLt(lottery.operatorBond(), BOND, "and costs the bond");
    }

    function test_refundRound_revertsOnceBettingHasClosed() public {
        _openRoundWithTwoPlayers();
        uint256 endTime = _round().endTime;
        vm.warp(endTime + 1);
        vm.expectRevert(abi.encodeWithSelector(ILottery.BettingClosed.selector, endTime, endTime + 1));
        vm.prank(OPERATOR);
        lottery.refundRound();
    }

    function test_refundRound_revertsForNonOperator() public {
        _openRoundWithTwoPlayers();
        vm.expectRevert(_err(ILottery.NotOperator.selector));
        vm.prank(ALICE);
        lottery.refundRound();
    }

    function test_refundRound_revertsWhileWaiting() public {
        vm.expectRevert(_wrongState(ILottery.RoundState.BETTING, ILottery.RoundState.WAITING));
        vm.prank(OPERATOR);
        lottery.refundRound();
    }

    function test_claimRefund_paysTheBetOnce() public {
        _refundedRound();
        uint256 before = ALICE.balance;
        vm.expectEmit();
        emit ILottery.RefundClaimed(1, ALICE, 1 ether, 0, block.timestamp);
        vm.prank(ALICE);
        lottery.claimRefund(1);
        assertEq(ALICE.balance, before + 1 ether, "paid");
        assertEq(lottery.refundOwed(1, ALICE), 0, "nothing more owed");
        assertEq(lottery.getRoundBetAmount(1, ALICE), 1 ether, "the bet stays on record");
    }

    function test_claimRefund_revertsASecondClaim() public {
        _refundedRound();
        vm.startPrank(ALICE);
        lottery.claimRefund(1);
        vm.expectRevert(abi.encodeWithSelector(ILottery.NothingToClaim.selector, 1, ALICE));
        lottery.claimRefund(1);
        vm.stopPrank();
    }

    function test_claimRefund_revertsForSomeoneWhoDidNotBet() public {
        _refundedRound();
        vm.expectRevert(abi.encodeWithSelector(ILottery.NothingToClaim.selector, 1, CAROL));
        vm.prank(CAROL);
        lottery.claimRefund(1);
    }

    function test_claimRefund_revertsForACompletedRound() public {
        _playRound(SEED);
        vm.expectRevert(_wrongState(ILottery.RoundState.REFUNDED, ILottery.RoundState.COMPLETED));
        vm.prank(ALICE);
        lottery.claimRefund(1);
    }

    function test_claimRefund_revertsForTheRunningRound() public {
        _openRoundWithTwoPlayers();
        vm.expectRevert(_wrongState(ILottery.RoundState.REFUNDED, ILottery.RoundState.BETTING));
        vm.prank(ALICE);
        lottery.claimRefund(1);
    }

    function test_claimRefund_revertsForAnUnknownRound() public {
        vm.expectRevert(abi.encodeWithSelector(ILottery.UnknownRound.selector, 2));
        vm.prank(ALICE);
        lottery.claimRefund(2);
    }

    function test_claimRefund_aRefusingPlayerFailsAloneAndKeepsItsClaim() public {
        RefusingPlayer refuser = new RefusingPlayer(lottery);
        refuser.bet{value: 1 ether}();
        _bet(ALICE, 1 ether);
        vm.prank(OPERATOR);
        lottery.refundRound();

        vm.expectRevert(abi.encodeWithSelector(ILottery.TransferFailed.selector, address(refuser), 1 ether));
        refuser.claim(1);
        vm.prank(ALICE);
        lottery.claimRefund(1);
        assertEq(lottery.refundOwed(1, address(refuser)), 1 ether, "claim kept");
        refuser.setAccepting(true);
        refuser.claim(1);
        assertEq(address(refuser).balance, 1 ether, "paid once it accepts");
    }

    function test_claimRefund_cannotBeReentered() public {
        ReentrantPlayer player = new ReentrantPlayer(lottery);
        player.bet{value: 1 ether}();
        vm.prank(OPERATOR);
        lottery.refundRound();
        player.claim(1);
        assertEq(keccak256(player.reentryError()), keccak256(_err(ILottery.Reentrancy.selector)), "guarded");
        assertEq(address(player).balance, 1 ether, "paid once");
    }

    function _refundedRound() internal {
        _openRoundWithTwoPlayers();
        vm.prank(OPERATOR);
        lottery.refundRound();
    }

    function _claimAndCheck(address player, uint256 bet, uint256 share) internal returns (uint256) {
        assertEq(lottery.refundOwed(1, player), bet + share, "refundOwed mirrors the claim");
        uint256 before = player.balance;
        vm.expectEmit();
        emit ILottery.RefundClaimed(1, player, bet + share, share, block.timestamp);
        vm.prank(player);
        lottery.claimRefund(1);
        assertEq(player.balance, before + bet + share, "paid bet + share");
        return share;
    }
}

/// Pull payments.
contract LotteryWithdrawTest is LotteryTestBase {
    function test_withdraw_paysTheCommission() public {
        _playRound(SEED);
        vm.expectEmit();
        emit ILottery.Withdrawn(PUBLISHER, 0.2 ether, block.timestamp);
        vm.prank(PUBLISHER);
        lottery.withdraw();
        assertEq(PUBLISHER.balance, 0.2 ether, "paid");
        assertEq(lottery.pendingWithdrawals(PUBLISHER), 0, "cleared");
    }

    function test_withdraw_revertsWithNothingToWithdraw() public {
        vm.expectRevert(_err(ILottery.NothingToWithdraw.selector));
        vm.prank(ALICE);
        lottery.withdraw();
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ILottery} from "../src/ILottery.sol";
import {vm} from "./Vm.sol";
import {LotteryTestBase} from "./LotteryTestBase.sol";

/// Random amounts and random timing against the rules.
contract LotteryFuzzTest is LotteryTestBase {
    uint256 internal constant BET_COUNT = 6;

    function _players() internal pure returns (address[4] memory) {
        return [ALICE, BOB, CAROL, DAVE];
    }

    /// Places BET_COUNT bets of random amounts by random players; returns each player's total.
    function _randomBets(uint256[BET_COUNT] memory rawAmounts, uint256 playerPicks)
        internal
        returns (uint256[4] memory totals, uint256 pot)
    {
        address[4] memory players = _players();
        for (uint256 i = 0; i < BET_COUNT; ++i) {
            uint256 amount = bound(rawAmounts[i], 0.001 ether, 15 ether);
            uint256 who = (playerPicks >> (i * 8)) % 4;
            _bet(players[who], amount);
            totals[who] += amount;
            pot += amount;
        }
    }

    function testFuzz_betsAddUpAndTheDrawPaysTheRightWinner(
        uint256[BET_COUNT] memory rawAmounts,
        uint256 playerPicks,
        bytes32 seed
    ) public {
        (uint256[4] memory totals, uint256 pot) = _randomBets(rawAmounts, playerPicks);
        address[4] memory players = _players();
        uint256 participants;
        for (uint256 i = 0; i < 4; ++i) {
            assertEq(lottery.getBetAmount(players[i]), totals[i], "player total");
            if (totals[i] > 0) ++participants;
        }
        ILottery.LotteryRound memory round = _round();
        assertEq(round.totalPot, pot, "pot");
        assertEq(round.betCount, BET_COUNT, "bets");
        assertEq(round.participantCount, participants, "participants");
        assertEq(address(lottery).balance, BOND + pot, "balance holds bond and pot");

        _commit(seed);
        _warpToDrawWindow();
        address expected = participants >= 2 ? _expectedWinner(1, seed) : address(0);
        uint256 winnerBefore = expected.balance;
        lottery.drawWinner(seed);

        if (participants < 2) {
            assertEq(lottery.getRoundById(1).state, ILottery.RoundState.REFUNDED, "too few players: refunded");
            return;
        }
        round = lottery.getRoundById(1);
        uint256 commission = pot * COMMISSION_BPS / 10_000;
        assertEq(round.winner, expected, "winner");
        assertEq(round.publisherCommission, commission, "commission");
        assertEq(round.winnerPrize, pot - commission, "prize");
        assertEq(expected.balance, winnerBefore + pot - commission, "prize paid");
        assertEq(lottery.pendingWithdrawals(PUBLISHER), commission, "commission credited");
        assertEq(address(lottery).balance, BOND + commission, "balance holds bond and commission");
    }

    function testFuzz_drawOnlyInsideTheWindow(uint256 when) public {
        _openRoundWithTwoPlayers();
        _commit(SEED);
        ILottery.LotteryRound memory round = _round();
        uint256 t = bound(when, round.startTime, round.maxDrawTime + 1 hours);
        vm.warp(t);
        if (t < round.minDrawTime) {
            vm.expectRevert(abi.encodeWithSelector(ILottery.DrawWindowNotOpen.selector, round.minDrawTime, t));
        } else if (t > round.maxDrawTime) {
            vm.expectRevert(abi.encodeWithSelector(ILottery.DrawWindowClosed.selector, round.maxDrawTime, t));
        }
        lottery.drawWinner(SEED);
        if (t >= round.minDrawTime && t <= round.maxDrawTime) {
            assertEq(lottery.getRoundById(1).state, ILottery.RoundState.COMPLETED, "drawn");
        }
    }

    function testFuzz_publicRefundOnlyOnceTheRoundCannotBeDrawn(uint256 when, bool committed) public {
        _openRoundWithTwoPlayers();
        if (committed) _commit(SEED);
        ILottery.LotteryRound memory round = _round();
        uint256 t = bound(when, round.startTime, round.maxDrawTime + 1 hours);
        vm.warp(t);
        uint256 allowedAfter = committed ? round.maxDrawTime : round.endTime;
        if (t <= allowedAfter) {
            vm.expectRevert(abi.encodeWithSelector(ILottery.RefundNotYetAllowed.selector, allowedAfter, t));
            lottery.refundExpiredRound();
            return;
        }
        lottery.refundExpiredRound();
        uint256 penalty = committed ? 0.4 ether : 0;
        assertEq(lottery.operatorBond(), BOND - penalty, "penalty only for a withheld reveal");
        assertEq(lottery.refundOwed(1, BOB), 3 ether + penalty * 3 / 4, "bob owed");
    }

    function testFuzz_operatorRefundOnlyWhileBettingIsOpen(uint256 when) public {
        _openRoundWithTwoPlayers();
        ILottery.LotteryRound memory round = _round();
        uint256 t = bound(when, round.startTime, round.maxDrawTime + 1 hours);
        vm.warp(t);
        if (t > round.endTime) {
            vm.expectRevert(abi.encodeWithSelector(ILottery.BettingClosed.selector, round.endTime, t));
        }
        vm.prank(OPERATOR);
        lottery.refundRound();
    }

    function testFuzz_commitOnlyWithTheCurrentEndWhileBettingIsOpen(uint256 when, uint256 givenEnd) public {
        _openRoundWithTwoPlayers();
        ILottery.LotteryRound memory round = _round();
        uint256 t = bound(when, round.startTime, round.endTime + 100);
        if (givenEnd % 2 == 0) givenEnd = round.endTime; // half the runs with the right end
        vm.warp(t);
        if (t > round.endTime) {
            vm.expectRevert(abi.encodeWithSelector(ILottery.BettingClosed.selector, round.endTime, t));
        } else if (givenEnd != round.endTime) {
            vm.expectRevert(abi.encodeWithSelector(ILottery.EndTimeMismatch.selector, givenEnd, round.endTime));
        }
        vm.prank(OPERATOR);
        lottery.commitSeed(keccak256("c"), givenEnd);
    }

    function testFuzz_extensionRules(uint256 when, uint256 newEnd) public {
        _openRoundWithTwoPlayers();
        ILottery.LotteryRound memory round = _round();
        uint256 t = bound(when, round.startTime, round.endTime + 10);
        newEnd = bound(newEnd, 0, round.endTime + 2 days);
        vm.warp(t);
        uint256 earliest = t + 120 > round.endTime ? t + 120 : round.endTime + 1;
        if (t > round.endTime) {
            vm.expectRevert(abi.encodeWithSelector(ILottery.BettingClosed.selector, round.endTime, t));
        } else if (newEnd < earliest) {
            vm.expectRevert(abi.encodeWithSelector(ILottery.ExtensionTooShort.selector, newEnd, earliest));
        } else if (newEnd - round.endTime > 1 days) {
            vm.expectRevert(
                abi.encodeWithSelector(ILottery.ExtensionCapExceeded.selector, newEnd - round.endTime, 1 days)
            );
        }
        vm.prank(OPERATOR);
        lottery.extendBettingTime(newEnd);
    }

    function testFuzz_withheldRevealSharesThePenaltyByBet(
        uint256[BET_COUNT] memory rawAmounts,
        uint256 playerPicks,
        uint256 penaltyBps
    ) public {
        penaltyBps = bound(penaltyBps, 0, 10_000);
        lottery = _deploy(COMMISSION_BPS, penaltyBps, CHANGE_DELAY);
        _depositBond(100 ether);
        (uint256[4] memory totals, uint256 pot) = _randomBets(rawAmounts, playerPicks);
        _commit(SEED);
        vm.warp(_round().maxDrawTime + 1);
        lottery.refundExpiredRound();

        uint256 penalty = pot * penaltyBps / 10_000;
        assertEq(lottery.getRoundById(1).revealPenalty, penalty, "penalty");
        assertEq(lottery.operatorBond(), 100 ether - penalty, "taken from the bond");

        address[4] memory players = _players();
        uint256 shares;
        uint256 participants;
        for (uint256 i = 0; i < 4; ++i) {
            if (totals[i] == 0) continue;
            ++participants;
            uint256 share = penalty * totals[i] / pot;
            uint256 before = players[i].balance;
            vm.prank(players[i]);
            lottery.claimRefund(1);
            assertEq(players[i].balance, before + totals[i] + share, "bet + proportional share");
            shares += share;
        }
        assertLe(shares, penalty, "shares never exceed the penalty");
        assertLt(penalty - shares, participants, "less than a wei lost per player");
        assertEq(address(lottery).balance, 100 ether - penalty + (penalty - shares), "bond and dust remain");
    }

    function testFuzz_potCapFollowsTheBond(uint256 bond, uint256 amount, uint256 penaltyBps) public {
        penaltyBps = bound(penaltyBps, 1, 10_000);
        bond = bound(bond, 0, 1_000 ether);
        amount = bound(amount, 0.001 ether, 20_000 ether);
        lottery = _deploy(COMMISSION_BPS, penaltyBps, CHANGE_DELAY);
        if (bond > 0) _depositBond(bond);
        uint256 cap = bond * 10_000 / penaltyBps;
        assertEq(lottery.maxPot(), cap, "maxPot");
        vm.deal(ALICE, amount);
        if (amount > cap) {
            vm.expectRevert(abi.encodeWithSelector(ILottery.PotCapExceeded.selector, amount, cap));
        }
        vm.prank(ALICE);
        lottery.placeBet{value: amount}();
        if (amount <= cap) assertLe(amount * penaltyBps / 10_000, bond, "the bond covers the penalty");
    }

    function testFuzz_settingsStayInTheirRanges(uint256 value, uint256 which) public {
        which = which % 4;
        value = bound(value, 0, 200 ether);
        uint256 low = [uint256(1 gwei), 10, 2, 10][which];
        uint256 high = [uint256(100 ether), 30 days, 1_000, 1 days][which];
        if (value < low || value > high) {
            vm.expectRevert(abi.encodeWithSelector(ILottery.SettingOutOfRange.selector, value, low, high));
        }
        vm.startPrank(OPERATOR);
        if (which == 0) lottery.updateMinBetAmount(value);
        else if (which == 1) lottery.updateBettingDuration(value);
        else if (which == 2) lottery.updateMinParticipants(value);
        else lottery.updateMinEndTimeExtension(value);
        vm.stopPrank();
    }

    function testFuzz_drawDelaysStayInTheirRanges(uint256 minDelay, uint256 maxDelay) public {
        minDelay = bound(minDelay, 0, 8 days);
        maxDelay = bound(maxDelay, 0, 8 days);
        if (minDelay < 1 || minDelay > 7 days - 10) {
            vm.expectRevert(abi.encodeWithSelector(ILottery.SettingOutOfRange.selector, minDelay, 1, 7 days - 10));
        } else if (maxDelay < minDelay + 10 || maxDelay > 7 days) {
            vm.expectRevert(
                abi.encodeWithSelector(ILottery.SettingOutOfRange.selector, maxDelay, minDelay + 10, 7 days)
            );
        }
        vm.prank(OPERATOR);
        lottery.updateDrawDelays(minDelay, maxDelay);
    }

    function testFuzz_participantPagesClamp(uint8 playerCount, uint256 offset, uint256 limit) public {
        uint256 count = bound(playerCount, 0, 12);
        for (uint256 i = 0; i < count; ++i) {
            _bet(_numberedPlayer(i), 0.01 ether);
        }
        offset = bound(offset, 0, 20);
        limit = bound(limit, 0, 20);
        (address[] memory players, uint256[] memory amounts) = lottery.getParticipants(offset, limit);
        uint256 expected = offset >= count ? 0 : (count - offset < limit ? count - offset : limit);
        assertEq(players.length, expected, "page length");
        assertEq(amounts.length, expected, "amounts length");
        for (uint256 i = 0; i < expected; ++i) {
            assertEq(players[i], _numberedPlayer(offset + i), "player order");
        }
    }
}

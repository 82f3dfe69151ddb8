// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ILottery} from "../src/ILottery.sol";
import {vm} from "./Vm.sol";
import {LotteryTestBase} from "./LotteryTestBase.sol";

/// Round lookups and paging.
contract LotteryViewsTest is LotteryTestBase {
    function test_getRoundById_revertsForRoundZero() public {
        vm.expectRevert(abi.encodeWithSelector(ILottery.UnknownRound.selector, 0));
        lottery.getRoundById(0);
    }

    function test_getRoundById_revertsForAFutureRound() public {
        vm.expectRevert(abi.encodeWithSelector(ILottery.UnknownRound.selector, 2));
        lottery.getRoundById(2);
    }

    function test_roundViews_revertForAnUnknownRound() public {
        vm.expectRevert(abi.encodeWithSelector(ILottery.UnknownRound.selector, 2));
        lottery.getRoundParticipants(2, 0, 10);
        vm.expectRevert(abi.encodeWithSelector(ILottery.UnknownRound.selector, 2));
        lottery.getBets(2, 0, 10);
        vm.expectRevert(abi.encodeWithSelector(ILottery.UnknownRound.selector, 2));
        lottery.getRoundBetAmount(2, ALICE);
        vm.expectRevert(abi.encodeWithSelector(ILottery.UnknownRound.selector, 0));
        lottery.refundOwed(0, ALICE);
    }

    function test_pastRoundsStayReadable() public {
        _playRound(SEED);
        _bet(CAROL, 2 ether);
        ILottery.LotteryRound memory past = lottery.getRoundById(1);
        assertEq(past.roundId, 1, "id");
        assertEq(past.totalPot, 4 ether, "pot");
        assertEq(past.betCount, 2, "bets");
        assertEq(lottery.getRoundBetAmount(1, BOB), 3 ether, "bob's bet in round 1");
        assertEq(lottery.getRoundBetAmount(2, BOB), 0, "bob did not bet in round 2");
        assertEq(lottery.getBetAmount(CAROL), 2 ether, "current round");
        (address[] memory players, uint256[] memory amounts) = lottery.getRoundParticipants(1, 0, 10);
        assertEq(players.length, 2, "round 1 players");
        assertEq(players[0], ALICE, "first player");
        assertEq(amounts[1], 3 ether, "second amount");
        assertEq(lottery.getRound().roundId, 2, "getRound is the current round");
        assertEq(lottery.refundOwed(1, ALICE), 0, "nothing owed from a completed round");
    }

    function test_getParticipants_pagesAndClamps() public {
        address[5] memory players = [ALICE, BOB, CAROL, DAVE, STRANGER];
        for (uint256 i = 0; i < players.length; ++i) {
            _bet(players[i], (i + 1) * 1 ether);
        }
        _bet(ALICE, 1 ether); // a second bet adds no participant

        _checkParticipantPage(0, 2, 2, ALICE, 2 ether);
        _checkParticipantPage(2, 2, 2, CAROL, 3 ether);
        _checkParticipantPage(4, 10, 1, STRANGER, 5 ether);
        _checkParticipantPage(1, type(uint256).max, 4, BOB, 2 ether);
        _checkParticipantPage(5, 1, 0, address(0), 0);
        _checkParticipantPage(type(uint256).max, type(uint256).max, 0, address(0), 0);
        _checkParticipantPage(0, 0, 0, address(0), 0);
    }

    function test_getBets_pagesAndClamps() public {
        _bet(ALICE, 1 ether);
        _bet(BOB, 2 ether);
        _bet(ALICE, 3 ether);
        (address[] memory bettors, uint256[] memory cumulative) = lottery.getBets(1, 1, 5);
        assertEq(bettors.length, 2, "page length");
        assertEq(bettors[0], BOB, "second bet");
        assertEq(cumulative[1], 6 ether, "last cumulative");
        (bettors, cumulative) = lottery.getBets(1, 3, 5);
        assertEq(bettors.length, 0, "past the end");
        assertEq(cumulative.length, 0, "past the end");
    }

    function _checkParticipantPage(
        uint256 offset,
        uint256 limit,
        uint256 expectedLength,
        address firstPlayer,
        uint256 firstAmount
    ) internal view {
        (address[] memory players, uint256[] memory amounts) = lottery.getParticipants(offset, limit);
        assertEq(players.length, expectedLength, "page length");
        assertEq(amounts.length, expectedLength, "amounts length");
        if (expectedLength > 0) {
            assertEq(players[0], firstPlayer, "first player of the page");
            assertEq(amounts[0], firstAmount, "first amount of the page");
        }
    }
}

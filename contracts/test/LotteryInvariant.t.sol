// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ILottery} from "../src/ILottery.sol";
import {vm} from "./Vm.sol";
import {LotteryTestBase} from "./LotteryTestBase.sol";
import {LotteryHandler} from "./LotteryHandler.sol";

/// What forge's invariant runner reads to know which contracts and functions to call, as
/// forge-std's StdInvariant declares it.
abstract contract InvariantTargets {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    address[] private _targetedContracts;
    FuzzSelector[] private _targetedSelectors;

    function targetContract(address target) internal {
        _targetedContracts.push(target);
    }

    function targetSelector(FuzzSelector memory selector) internal {
        _targetedSelectors.push(selector);
    }

    function targetContracts() public view returns (address[] memory) {
        return _targetedContracts;
    }

    function targetSelectors() public view returns (FuzzSelector[] memory) {
        return _targetedSelectors;
    }
}

/// Random players, operators, the publisher and outsiders act in random order and at random times
/// (see LotteryHandler). After every call: the contract holds at least what it owes, no allowed
/// action was blocked (a player contract refusing ether included), no forbidden one accepted, and
/// rounds are only ever WAITING or BETTING while current, COMPLETED or REFUNDED once over. After
/// every run: the last round is ended, everyone claims and withdraws, and exactly the forced-in
/// ether, the bond and the penalty's rounding dust remain.
contract LotteryInvariantTest is LotteryTestBase, InvariantTargets {
    address internal constant SECOND_OPERATOR = address(0x0BE6);

    LotteryHandler internal handler;

    function setUp() public override {
        vm.warp(START_TIME);
        lottery = _deploy(COMMISSION_BPS, PENALTY_BPS, 60);
        _depositBond(30 ether);

        address[] memory players = new address[](4);
        (players[0], players[1], players[2], players[3]) = (ALICE, BOB, CAROL, DAVE);
        handler = new LotteryHandler(lottery, PUBLISHER, [OPERATOR, SECOND_OPERATOR], players);

        // forge picks uniformly among the listed selectors: listing one several times weights it
        _action(LotteryHandler.bet.selector, 6);
        _action(LotteryHandler.draw.selector, 3);
        _action(LotteryHandler.warp.selector, 3);
        _action(LotteryHandler.claim.selector, 2);
        _action(LotteryHandler.withdraw.selector, 2);
        _action(LotteryHandler.commit.selector, 1);
        _action(LotteryHandler.refundExpiredRound.selector, 1);
        _action(LotteryHandler.operatorRefund.selector, 1);
        _action(LotteryHandler.startRound.selector, 1);
        _action(LotteryHandler.extend.selector, 1);
        _action(LotteryHandler.depositBond.selector, 1);
        _action(LotteryHandler.withdrawBond.selector, 1);
        _action(LotteryHandler.forceEther.selector, 1);
        _action(LotteryHandler.setPaused.selector, 1);
        _action(LotteryHandler.changeOperator.selector, 1);
        _action(LotteryHandler.cancelOperatorChange.selector, 1);
        targetContract(address(handler));
        targetSelector(FuzzSelector({addr: address(handler), selectors: _actions}));
    }

    bytes4[] private _actions;

    function _action(bytes4 selector, uint256 weight) private {
        for (uint256 i = 0; i < weight; ++i) {
            _actions.push(selector);
        }
    }

    function invariant_balanceCoversEverythingOwed() public view {
        assertGe(address(lottery).balance, handler.totalOwed(), "balance >= pot + bond + credits + refunds");
    }

    function invariant_nothingBlocksTheGame() public view {
        assertEq(bytes(handler.blocked()).length, 0, handler.blocked());
        assertEq(bytes(handler.ruleBroken()).length, 0, handler.ruleBroken());
    }

    function invariant_roundsEndCompletedOrRefunded() public view {
        assertEq(bytes(handler.badRoundState()).length, 0, handler.badRoundState());
    }

    /// Nothing stays locked: once the last round is ended and everyone has claimed and withdrawn,
    /// the contract holds exactly what belongs to nobody (forced-in ether, the penalty's rounding
    /// dust) and the bond.
    function afterInvariant() public {
        handler.endCurrentRound();
        assertEq(_round().state, ILottery.RoundState.WAITING, "the last round ended");
        uint256 dust = handler.penaltyDust();
        handler.settleEverything();

        assertEq(bytes(handler.blocked()).length, 0, handler.blocked());
        assertEq(bytes(handler.ruleBroken()).length, 0, handler.ruleBroken());
        assertEq(bytes(handler.badRoundState()).length, 0, handler.badRoundState());
        assertEq(handler.totalOwed(), lottery.operatorBond(), "nothing owed but the bond");
        assertEq(
            address(lottery).balance,
            handler.forcedIn() + lottery.operatorBond() + dust,
            "balance = forced-in ether + bond + rounding dust"
        );
        assertLe(dust, 5 * handler.refundedRoundCount(), "dust below a wei per player per refund");
    }
}

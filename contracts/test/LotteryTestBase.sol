// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ILottery} from "../src/ILottery.sol";
import {Lottery} from "../src/Lottery.sol";
import {vm} from "./Vm.sol";

/// Assertions that revert with the values they compared (forge-std is not available here).
abstract contract Assertions {
    function assertTrue(bool condition, string memory what) internal pure {
        if (!condition) revert(string.concat(what, ": expected true"));
    }

    function assertFalse(bool condition, string memory what) internal pure {
        if (condition) revert(string.concat(what, ": expected false"));
    }

    function assertEq(uint256 actual, uint256 expected, string memory what) internal pure {
        if (actual != expected) {
            revert(string.concat(what, ": expected ", _str(expected), ", got ", _str(actual)));
        }
    }

    function assertEq(address actual, address expected, string memory what) internal pure {
        if (actual != expected) {
            revert(string.concat(what, ": expected ", _str(expected), ", got ", _str(actual)));
        }
    }

    function assertEq(bytes32 actual, bytes32 expected, string memory what) internal pure {
        if (actual != expected) {
            revert(string.concat(what, ": expected ", _str(uint256(expected)), ", got ", _str(uint256(actual))));
        }
    }

    function assertEq(bool actual, bool expected, string memory what) internal pure {
        if (actual != expected) revert(string.concat(what, ": expected ", expected ? "true" : "false"));
    }

    function assertEq(ILottery.RoundState actual, ILottery.RoundState expected, string memory what) internal pure {
        assertEq(uint256(actual), uint256(expected), what);
    }

    function assertGe(uint256 actual, uint256 floor, string memory what) internal pure {
        if (actual < floor) revert(string.concat(what, ": expected >= ", _str(floor), ", got ", _str(actual)));
    }

    function assertLe(uint256 actual, uint256 ceiling, string memory what) internal pure {
        if (actual > ceiling) revert(string.concat(what, ": expected <= ", _str(ceiling), ", got ", _str(actual)));
    }

    function assertLt(uint256 actual, uint256 ceiling, string memory what) internal pure {
        if (actual >= ceiling) revert(string.concat(what, ": expected < ", _str(ceiling), ", got ", _str(actual)));
    }

    function assertGt(uint256 actual, uint256 floor, string memory what) internal pure {
        if (actual <= floor) revert(string.concat(what, ": expected > ", _str(floor), ", got ", _str(actual)));
    }

    /// `value` mapped into [low, high] (inclusive), as forge-std's bound does for fuzz inputs.
    function bound(uint256 value, uint256 low, uint256 high) internal pure returns (uint256) {
        if (low > high) revert("bound: low > high");
        uint256 size = high - low;
        if (size == type(uint256).max) return value;
        return low + value % (size + 1);
    }

    function _str(uint256 value) internal pure returns (string memory) {
        if (value == 0) return "0";
        uint256 digits;
        for (uint256 v = value; v != 0; v /= 10) {
            ++digits;
        }
        bytes memory buffer = new bytes(digits);
        for (; value != 0; value /= 10) {
            // forge-lint: disable-next-line(unsafe-typecast) -- a digit, 48..57
            buffer[--digits] = bytes1(uint8(48 + value % 10));
        }
        return string(buffer);
    }

    function _str(address account) internal pure returns (string memory) {
        bytes memory hexDigits = "0123456789abcdef";
        bytes memory buffer = new bytes(42);
        buffer[0] = "0";
        buffer[1] = "x";
        uint160 value = uint160(account);
        for (uint256 i = 41; i > 1; --i) {
            buffer[i] = hexDigits[value & 0xf];
            value >>= 4;
        }
        return string(buffer);
    }
}

/// Foundry prints calls to the console address as logs (`forge test -vv`). A low-level call,
/// since Solidity refuses a typed call to an address without code.
library console {
    address private constant CONSOLE = 0x000000000000000000636F6e736F6c652e6c6f67;

    function log(string memory message, uint256 value) internal view {
        (bool ok,) = CONSOLE.staticcall(abi.encodeWithSignature("log(string,uint256)", message, value));
        ok; // a log that cannot be printed is no failure
    }
}

/// Refuses every payment: stands for a player contract that cannot (or will not) take ether.
contract RefusingPlayer {
    Lottery private immutable lottery;
    bool public accepting;

    constructor(Lottery lottery_) {
        lottery = lottery_;
    }

    function setAccepting(bool accept) external {
        accepting = accept;
    }

    function bet() external payable {
        lottery.placeBet{value: msg.value}();
    }

    function claim(uint256 roundId) external {
        lottery.claimRefund(roundId);
    }

    function withdraw() external {
        lottery.withdraw();
    }

    receive() external payable {
        if (!accepting) revert("no ether, thanks");
    }
}

/// Forces ether into `target` the way no contract can refuse: a contract created with the value
/// self-destructs in its constructor (init code `PUSH20 target SELFDESTRUCT`, written as bytes to
/// spare the compiler's deprecation warning for `selfdestruct`).
function forceFeed(address target, uint256 amount) {
    bytes memory initCode = abi.encodePacked(hex"73", target, hex"ff");
    address feeder;
    assembly ("memory-safe") {
        feeder := create(amount, add(initCode, 32), mload(initCode))
    }
    if (feeder == address(0)) revert("force-feeding failed");
}

/// The deployment and round helpers every test uses.
abstract contract LotteryTestBase is Assertions {
    uint256 internal constant COMMISSION_BPS = 500; // 5 %
    uint256 internal constant PENALTY_BPS = 1_000; // 10 %
    uint256 internal constant CHANGE_DELAY = 1 hours;
    uint256 internal constant BOND = 10 ether; // covers pots up to 100 ether
    uint256 internal constant START_TIME = 1_700_000_000;

    address internal constant PUBLISHER = address(0x9B11);
    address internal constant OPERATOR = address(0x0BE4);
    address internal constant ALICE = address(0xA11CE);
    address internal constant BOB = address(0xB0B);
    address internal constant CAROL = address(0xCA401);
    address internal constant DAVE = address(0xDA7E);
    address internal constant STRANGER = address(0x5778A);

    bytes32 internal constant SEED = keccak256("the operator's seed");

    Lottery internal lottery;

    function setUp() public virtual {
        vm.warp(START_TIME);
        vm.label(PUBLISHER, "publisher");
        vm.label(OPERATOR, "operator");
        vm.label(ALICE, "alice");
        vm.label(BOB, "bob");
        vm.label(CAROL, "carol");
        vm.label(DAVE, "dave");
        vm.label(STRANGER, "stranger");
        lottery = _deploy(COMMISSION_BPS, PENALTY_BPS, CHANGE_DELAY);
        _depositBond(BOND);
    }

    function _deploy(uint256 commissionBps, uint256 penaltyBps, uint256 changeDelay) internal returns (Lottery) {
        vm.prank(PUBLISHER);
        return new Lottery(OPERATOR, commissionBps, penaltyBps, changeDelay);
    }

    function _depositBond(uint256 amount) internal {
        vm.deal(OPERATOR, OPERATOR.balance + amount);
        vm.prank(OPERATOR);
        lottery.depositBond{value: amount}();
    }

    function _bet(address player, uint256 amount) internal {
        vm.deal(player, player.balance + amount);
        vm.prank(player);
        lottery.placeBet{value: amount}();
    }

    /// Alice bets 1 ether and Bob 3: a BETTING round with two players and a 4 ether pot.
    function _openRoundWithTwoPlayers() internal {
        _bet(ALICE, 1 ether);
        _bet(BOB, 3 ether);
    }

    function _commit(bytes32 seed) internal {
        ILottery.LotteryRound memory round = lottery.getRound();
        bytes32 commitment = lottery.computeCommitment(round.roundId, seed);
        vm.prank(OPERATOR);
        lottery.commitSeed(commitment, round.endTime);
    }

    function _round() internal view returns (ILottery.LotteryRound memory) {
        return lottery.getRound();
    }

    function _warpToDrawWindow() internal {
        vm.warp(_round().minDrawTime);
    }

    /// A full round: two players, committed, drawn. Returns the round's id.
    function _playRound(bytes32 seed) internal returns (uint256 roundId) {
        _openRoundWithTwoPlayers();
        _commit(seed);
        _warpToDrawWindow();
        roundId = lottery.currentRoundId();
        lottery.drawWinner(seed);
    }

    /// The winner recomputed from the round's bets by a plain linear scan, as an auditor would.
    function _expectedWinner(uint256 roundId, bytes32 seed) internal view returns (address) {
        (address[] memory bettors, uint256[] memory cumulative) = lottery.getBets(roundId, 0, type(uint256).max);
        uint256 point = uint256(keccak256(abi.encode(seed, roundId))) % cumulative[cumulative.length - 1];
        for (uint256 i = 0; i < bettors.length; ++i) {
            if (point < cumulative[i]) return bettors[i];
        }
        revert("no winner found");
    }

    /// The i-th of any number of throwaway player addresses (none of them a precompile).
    function _numberedPlayer(uint256 i) internal pure returns (address) {
        // forge-lint: disable-next-line(unsafe-typecast) -- keeping the low 160 bits is the point
        return address(uint160(uint256(keccak256(abi.encode("player", i)))));
    }

    function _err(bytes4 selector) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(selector);
    }

    function _wrongState(ILottery.RoundState expected, ILottery.RoundState actual)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encodeWithSelector(ILottery.WrongState.selector, expected, actual);
    }
}

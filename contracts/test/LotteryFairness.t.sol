// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {vm} from "./Vm.sol";
import {LotteryTestBase, console} from "./LotteryTestBase.sol";

/// Winners follow the bet weights, and the draw's gas hardly grows with the number of bets.
contract LotteryFairnessTest is LotteryTestBase {
    uint256 internal constant ROUNDS = 4_000;
    uint256 internal constant UNIT = 0.01 ether;
    /// The chi-square distribution's 99.9 % quantile for 3 degrees of freedom, times 1,000.
    uint256 internal constant CHI_SQUARE_BOUND_3DF_999 = 16_270;

    /// Four players bet 1:2:3:4 every round, each round opened by a different one of them, over
    /// 4,000 seeds; the observed wins must fit the weights by Pearson's chi-square test.
    function test_winnersFollowTheBetWeights() public {
        vm.pauseGasMetering();
        address[4] memory players = [ALICE, BOB, CAROL, DAVE];
        uint256[4] memory wins;
        for (uint256 r = 0; r < ROUNDS; ++r) {
            for (uint256 k = 0; k < 4; ++k) {
                uint256 who = (r + k) % 4;
                _bet(players[who], (who + 1) * UNIT);
            }
            bytes32 seed = keccak256(abi.encode("fairness", r));
            _commit(seed);
            _warpToDrawWindow();
            uint256 roundId = lottery.currentRoundId();
            lottery.drawWinner(seed);
            address winner = lottery.getRoundById(roundId).winner;
            for (uint256 k = 0; k < 4; ++k) {
                if (winner == players[k]) ++wins[k];
            }
        }

        uint256 statistic; // chi-square times 1,000
        uint256 counted;
        for (uint256 k = 0; k < 4; ++k) {
            uint256 expected = ROUNDS * (k + 1) / 10;
            uint256 diff = wins[k] > expected ? wins[k] - expected : expected - wins[k];
            statistic += diff * diff * 1_000 / expected;
            counted += wins[k];
            console.log("wins of the player with weight", k + 1);
            console.log("  count", wins[k]);
        }
        console.log("chi-square x 1000", statistic);
        assertEq(counted, ROUNDS, "every round has one of the four as winner");
        assertLt(statistic, CHI_SQUARE_BOUND_3DF_999, "chi-square (x1000) below the 99.9 % bound for 3 df");
    }

    /// The draw reads O(log n) bets: 10,000 bets may cost at most 1.5x what 10 bets cost.
    /// Storage is cooled before each draw, so both are measured like a fresh transaction.
    function test_drawGasHardlyGrowsWithTheNumberOfBets() public {
        uint256 small = _drawGas(10);
        uint256 large = _drawGas(10_000);
        console.log("drawWinner gas, 10 bets", small);
        console.log("drawWinner gas, 10,000 bets", large);
        assertLe(large * 100, small * 150, "gas at 10,000 bets x100 <= gas at 10 bets x150");
    }

    function _drawGas(uint256 bets) internal returns (uint256 gasUsed) {
        vm.pauseGasMetering();
        lottery = _deploy(COMMISSION_BPS, PENALTY_BPS, CHANGE_DELAY);
        _depositBond(BOND);
        for (uint256 i = 0; i < bets; ++i) {
            _bet(_numberedPlayer(i % 100), 0.001 ether);
        }
        _commit(SEED);
        _warpToDrawWindow();
        vm.cool(address(lottery));
        vm.resumeGasMetering();
        uint256 before = gasleft();
        lottery.drawWinner(SEED);
        gasUsed = before - gasleft();
    }
}

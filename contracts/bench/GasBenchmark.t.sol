// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ILottery} from "../src/ILottery.sol";
import {Lottery} from "../src/Lottery.sol";
import {BenchFormat} from "./BenchFormat.sol";
import {BenchVm, VM} from "./BenchVm.sol";
import {SeedStyleLottery} from "./SeedStyleLottery.sol";

/// A call that does nothing: costs at least the 21,000 base gas only when calls are transactions.
contract IsolationProbe {
    function touch() external {}
}

/// @title Gas benchmark: Lottery against the seed system's way of drawing and refunding
/// @notice A program that prints figures, not a test: run it with `scripts/bench-gas`, which runs
/// `FOUNDRY_PROFILE=bench forge test --isolate -vv`.
///
/// Method. `--isolate` makes every call this contract makes its own transaction, so storage and
/// accounts start cold and "original" storage values are those of the previous transaction, as on
/// a real chain. Each figure is forge's record of that transaction (vm.lastCallGas): the gas its
/// receipt would show, 21,000 base gas and calldata included, storage refunds subtracted. Whether a
/// transaction fits a block depends on the gas it needs before refunds are paid back, so the
/// block-limit figures add the refund back and are confirmed by calls with a 30,000,000 gas limit.
///
/// Every bet comes from a new address holding ether (so no payment goes to an empty account), all
/// bets are equal, and every contract has run one small round first, so that no figure pays for
/// first-time storage a live lottery has already paid for.
contract GasBenchmarkTest {
    event log(string);

    uint256 private constant BET = 0.01 ether;
    uint256 private constant COMMISSION_BPS = 500;
    uint256 private constant REVEAL_PENALTY_BPS = 1_000;
    uint256 private constant OPERATOR_CHANGE_DELAY = 1 days;
    uint256 private constant BLOCK_GAS_LIMIT = 30_000_000;
    uint256 private constant TX_BASE_GAS = 21_000;
    bytes32 private constant SEED = keccak256("gas benchmark seed");
    address private constant OPERATOR = address(uint160(uint256(keccak256("gas benchmark operator"))));
    address private constant KEEPER = address(uint160(uint256(keccak256("gas benchmark keeper"))));
    uint160 private constant FIRST_BETTOR = 0xB000000000;

    uint256 private bettorCount;

    /// One row of the table: gas of each transaction with `bets` bets in the round.
    struct Row {
        uint256 bets;
        uint256 lotteryBet;
        uint256 lotteryCommit;
        uint256 lotteryDraw;
        uint256 lotteryRefundRound;
        uint256 lotteryClaim;
        uint256 baselineBet;
        uint256 baselineDraw;
        uint256 baselineDrawNeeded;
        uint256 baselineWinner;
        uint256 baselineRefund;
        uint256 baselineRefundNeeded;
    }

    /// How the baseline's round is ended in the block-limit search.
    enum Ending {
        DrawWinnerLast,
        DrawWinnerFirst,
        Refund
    }

    function setUp() public {
        VM.deal(address(this), 1_000_000 ether);
        VM.deal(OPERATOR, 1 ether);
        VM.deal(KEEPER, 1 ether);
    }

    /// Without --isolate every figure would be a warm, in-transaction cost: refuse to print them.
    modifier isolated() {
        IsolationProbe probe = new IsolationProbe();
        probe.touch();
        require(_gasUsed() >= TX_BASE_GAS, "run with forge test --isolate (scripts/bench-gas)");
        _;
    }

    // =============== THE TABLE ===============

    function test_1_gasTable() public isolated {
        uint256[4] memory sizes = [uint256(10), 100, 1_000, 10_000];
        Row[] memory rows = new Row[](sizes.length);
        for (uint256 i = 0; i < sizes.length; i++) {
            rows[i].bets = sizes[i];
            // Each contract is measured from the same clean state, then its state is dropped:
            // isolated calls get slower as the state grows, and nothing carries over.
            uint256 clean = VM.snapshotState();
            _measureLottery(rows[i]);
            VM.revertToState(clean);
            _measureBaseline(rows[i]);
            VM.revertToState(clean);
        }
        _printTable(rows);
    }

    function _measureLottery(Row memory row) private {
        Lottery lottery = _newLottery(row.bets);
        uint256 roundId = lottery.currentRoundId();
        _betLottery(lottery, row.bets - 1);
        address lastBettor = _newBettor();
        VM.prank(lastBettor);
        lottery.placeBet{value: BET}();
        row.lotteryBet = _gasUsed();
        row.lotteryCommit = _commit(lottery);
        ILottery.LotteryRound memory round = lottery.getRound();

        // the round is drawn ...
        uint256 betting = VM.snapshotState();
        VM.warp(round.minDrawTime);
        VM.prank(OPERATOR);
        lottery.drawWinner(SEED);
        row.lotteryDraw = _gasUsed();
        require(lottery.getRoundById(roundId).state == ILottery.RoundState.COMPLETED, "round not drawn");
        VM.revertToState(betting);

        // ... or its reveal is withheld: refunded after maxDrawTime, the penalty taken from the bond
        VM.warp(round.maxDrawTime + 1);
        VM.prank(KEEPER);
        lottery.refundExpiredRound();
        row.lotteryRefundRound = _gasUsed();
        VM.prank(lastBettor);
        lottery.claimRefund(roundId);
        row.lotteryClaim = _gasUsed();
        require(lottery.getRoundById(roundId).revealPenalty != 0, "no reveal penalty taken");
    }

    function _measureBaseline(Row memory row) private {
        SeedStyleLottery baseline = _newBaseline();
        uint256 firstBettor = bettorCount;
        _betBaseline(baseline, row.bets - 1);
        VM.prank(_newBettor());
        baseline.placeBet{value: BET}();
        row.baselineBet = _gasUsed();
        SeedStyleLottery.LotteryRound memory round = baseline.getRound();

        // the round is drawn; its winner is whoever the block fields pick ...
        uint256 betting = VM.snapshotState();
        VM.warp(round.minDrawTime);
        row.baselineWinner = _baselineWinnerIndex(round, block.prevrandao);
        address winner = _bettor(firstBettor + row.baselineWinner);
        uint256 balanceBefore = winner.balance;
        VM.prank(OPERATOR);
        baseline.drawWinner();
        row.baselineDraw = _gasUsed();
        row.baselineDrawNeeded = _gasNeeded();
        require(winner.balance > balanceBefore, "baseline winner mispredicted");
        VM.revertToState(betting);

        // ... or it expires undrawn: refundExpiredRound pays every player in one transaction
        VM.warp(round.maxDrawTime + 1);
        VM.prank(KEEPER);
        baseline.refundExpiredRound();
        row.baselineRefund = _gasUsed();
        row.baselineRefundNeeded = _gasNeeded();
    }

    function _printTable(Row[] memory rows) private {
        emit log("");
        emit log("Gas per transaction: what its receipt shows (21,000 base + calldata + execution - refunds).");
        emit log("Distinct bettors (participants = bets), equal bets; refund = Lottery's claimRefund by one");
        emit log("player of a refunded round vs the seed-style refundExpiredRound, which pays all N players.");
        emit log("");
        emit log(
            "| bets | placeBet Lottery | placeBet seed-style | commitSeed Lottery | commitSeed seed-style | drawWinner Lottery | drawWinner seed-style | refund: Lottery claimRefund (one player) | refund: seed-style refundExpiredRound (all N players, one tx) | Lottery refundExpiredRound (marks round refunded) |"
        );
        emit log("|---:|---:|---:|---:|:---:|---:|---:|---:|---:|---:|");
        bool overLimit = false;
        for (uint256 i = 0; i < rows.length; i++) {
            Row memory r = rows[i];
            bool drawOver = r.baselineDrawNeeded > BLOCK_GAS_LIMIT;
            bool refundOver = r.baselineRefundNeeded > BLOCK_GAS_LIMIT;
            overLimit = overLimit || drawOver || refundOver;
            emit log(
                string.concat(
                    string.concat(
                        "| ",
                        _cell(r.bets, 6),
                        " | ",
                        _cell(r.lotteryBet, 9),
                        " | ",
                        _cell(r.baselineBet, 9),
                        " | ",
                        _cell(r.lotteryCommit, 9),
                        " | n/a | ",
                        _cell(r.lotteryDraw, 9)
                    ),
                    string.concat(
                        " | ",
                        _cell(r.baselineDraw, 11),
                        drawOver ? " *" : "",
                        " | ",
                        _cell(r.lotteryClaim, 9),
                        " | ",
                        _cell(r.baselineRefund, 11),
                        refundOver ? " *" : "",
                        " | ",
                        _cell(r.lotteryRefundRound, 9),
                        " |"
                    )
                )
            );
        }
        if (overLimit) {
            emit log("* needs more than 30,000,000 gas before refunds: no 30M-gas block can hold it.");
        }
        emit log("");
        for (uint256 i = 0; i < rows.length; i++) {
            emit log(
                string.concat(
                    "seed-style at ",
                    BenchFormat.commas(rows[i].bets),
                    " bets: gas needed before refunds: drawWinner ",
                    BenchFormat.commas(rows[i].baselineDrawNeeded),
                    " (winner: participant #",
                    BenchFormat.commas(rows[i].baselineWinner + 1),
                    "), refundExpiredRound ",
                    BenchFormat.commas(rows[i].baselineRefundNeeded)
                )
            );
        }

        Row memory small = rows[0];
        Row memory large = rows[rows.length - 1];
        uint256 calldataGas = _calldataGas(abi.encodeCall(ILottery.drawWinner, (SEED)));
        uint256 fixedGas = TX_BASE_GAS + calldataGas;
        emit log("");
        emit log(
            string.concat(
                "Lottery drawWinner, ",
                BenchFormat.commas(large.bets),
                " bets vs ",
                BenchFormat.commas(small.bets),
                ": ",
                BenchFormat.commas(large.lotteryDraw),
                " / ",
                BenchFormat.commas(small.lotteryDraw),
                " = ",
                BenchFormat.ratio(large.lotteryDraw, small.lotteryDraw),
                "x (target <= 1.50x): ",
                large.lotteryDraw * 100 <= small.lotteryDraw * 150 ? "MET" : "MISSED"
            )
        );
        emit log(
            string.concat(
                "  execution alone (without the 21,000 base and ",
                BenchFormat.commas(calldataGas),
                " calldata gas): ",
                BenchFormat.commas(large.lotteryDraw - fixedGas),
                " / ",
                BenchFormat.commas(small.lotteryDraw - fixedGas),
                " = ",
                BenchFormat.ratio(large.lotteryDraw - fixedGas, small.lotteryDraw - fixedGas),
                "x"
            )
        );
    }

    function _cell(uint256 value, uint256 width) private pure returns (string memory) {
        return BenchFormat.padLeft(BenchFormat.commas(value), width);
    }

    // =============== THE BASELINE'S BLOCK LIMIT ===============

    /// Finds the number of participants from which the seed-style drawWinner and refundExpiredRound
    /// need more than a 30M-gas block. Their gas before refunds is linear in the number of
    /// participants (the same cold reads and writes for each), so it is measured at three sizes,
    /// checked for linearity, extrapolated to 30M, and the prediction is confirmed by sending the
    /// transaction with a 30,000,000 gas limit at N - 1 (must succeed) and N (must run out of gas).
    /// A draw costs a little more when the winner is late in the list (more of the list is walked
    /// twice), so the draw is searched for both ends: winner last and winner first.
    function test_2_baselineBlockLimit() public isolated {
        SeedStyleLottery baseline = _newBaseline();
        uint256 firstBettor = bettorCount;
        uint256 roundStart = block.timestamp;

        uint256[3] memory sizes = [uint256(250), 500, 1_000];
        uint256[3][3] memory needed; // [ending][size]
        for (uint256 k = 0; k < sizes.length; k++) {
            _betBaseline(baseline, sizes[k] - (bettorCount - firstBettor));
            for (uint256 e = 0; e < 3; e++) {
                (, needed[e][k]) = _tryEnding(baseline, Ending(e), sizes[k], 0, roundStart);
            }
        }

        emit log("Seed-style contract: when does one transaction no longer fit a 30,000,000-gas block?");
        // The gas-limit emulation must agree with the measured figures: at the current size, a
        // transaction given exactly the gas it needs succeeds and one given a unit less fails.
        for (uint256 e = 0; e < 3; e++) {
            uint256 size = sizes[sizes.length - 1];
            uint256 need = needed[e][sizes.length - 1];
            (bool enough,) = _tryEnding(baseline, Ending(e), size, need, roundStart);
            (bool short,) = _tryEnding(baseline, Ending(e), size, need - 1, roundStart);
            require(enough && !short, string.concat(_endingName(Ending(e)), ": gas limit emulation is off"));
        }
        emit log("  (checked: with the measured gas as its limit each transaction succeeds, with 1 less it fails)");
        uint256[6] memory checkSizes;
        Ending[6] memory checkEndings;
        for (uint256 e = 0; e < 3; e++) {
            (uint256 slope, uint256 intercept) = _fitLine(sizes, needed[e], Ending(e));
            // first N with intercept + slope * N > BLOCK_GAS_LIMIT
            uint256 crossing = (BLOCK_GAS_LIMIT - intercept) / slope + 1;
            emit log(
                string.concat(
                    "  ",
                    _endingName(Ending(e)),
                    ": gas needed = ",
                    BenchFormat.commas(intercept),
                    " + ",
                    BenchFormat.commas(slope),
                    " per participant (exact at 250, 500, 1,000) -> predicted first N over 30M: ",
                    BenchFormat.commas(crossing)
                )
            );
            checkSizes[2 * e] = crossing - 1;
            checkEndings[2 * e] = Ending(e);
            checkSizes[2 * e + 1] = crossing;
            checkEndings[2 * e + 1] = Ending(e);
        }
        _sortChecks(checkSizes, checkEndings);

        // confirm each prediction with real 30M-gas-limit transactions, growing the round in order
        for (uint256 i = 0; i < checkSizes.length; i++) {
            uint256 size = checkSizes[i];
            require(size >= bettorCount - firstBettor, "prediction below the fitted sizes");
            _betBaseline(baseline, size - (bettorCount - firstBettor));
            (bool fits,) = _tryEnding(baseline, checkEndings[i], size, BLOCK_GAS_LIMIT, roundStart);
            (, uint256 gasNeeded) = _tryEnding(baseline, checkEndings[i], size, 0, roundStart);
            emit log(
                string.concat(
                    "  ",
                    _endingName(checkEndings[i]),
                    " at ",
                    BenchFormat.commas(size),
                    " participants: needs ",
                    BenchFormat.commas(gasNeeded),
                    " gas; with a 30,000,000 gas limit it ",
                    fits ? "succeeds" : "runs out of gas"
                )
            );
            require(fits == (gasNeeded <= BLOCK_GAS_LIMIT), "30M-limit call disagrees with the measured gas");
        }
    }

    /// Ends the baseline's current round of `size` participants one way, measures it, and puts the
    /// round back as it was. txGasLimit is the transaction's gas limit, 0 for unlimited; returns
    /// whether the transaction succeeded and, when unlimited, the gas it needed before refunds.
    function _tryEnding(SeedStyleLottery baseline, Ending ending, uint256 size, uint256 txGasLimit, uint256 roundStart)
        private
        returns (bool ok, uint256 gasNeeded)
    {
        uint256 snapshot = VM.snapshotState();
        SeedStyleLottery.LotteryRound memory round = baseline.getRound();
        bytes memory data;
        if (ending == Ending.Refund) {
            VM.warp(round.maxDrawTime + 1);
            VM.prank(KEEPER);
            data = abi.encodeCall(SeedStyleLottery.refundExpiredRound, ());
        } else {
            VM.warp(round.minDrawTime);
            _forceBaselineWinner(round, ending == Ending.DrawWinnerLast ? size - 1 : 0);
            VM.prank(OPERATOR);
            data = abi.encodeCall(SeedStyleLottery.drawWinner, ());
        }
        if (txGasLimit == 0) {
            (ok,) = address(baseline).call(data);
            require(ok, "baseline call failed");
            gasNeeded = _gasNeeded();
        } else {
            // --isolate runs a call given {gas: g} as a transaction whose base 21,000 comes on top
            // of g, so a transaction gas limit L is emulated with g = L - 21,000.
            (ok,) = address(baseline).call{gas: txGasLimit - TX_BASE_GAS}(data);
        }
        VM.revertToState(snapshot);
        VM.warp(roundStart);
    }

    /// Slope and intercept through the first and last points; reverts unless the middle point lies
    /// exactly on that line.
    function _fitLine(uint256[3] memory sizes, uint256[3] memory gas, Ending ending)
        private
        pure
        returns (uint256 slope, uint256 intercept)
    {
        slope = (gas[2] - gas[0]) / (sizes[2] - sizes[0]);
        intercept = gas[0] - slope * sizes[0];
        bool exact = gas[2] == intercept + slope * sizes[2] && gas[1] == intercept + slope * sizes[1];
        require(exact, string.concat(_endingName(ending), ": gas is not linear in participants"));
    }

    function _sortChecks(uint256[6] memory sizes, Ending[6] memory endings) private pure {
        for (uint256 i = 1; i < sizes.length; i++) {
            for (uint256 j = i; j > 0 && sizes[j - 1] > sizes[j]; j--) {
                (sizes[j - 1], sizes[j]) = (sizes[j], sizes[j - 1]);
                (endings[j - 1], endings[j]) = (endings[j], endings[j - 1]);
            }
        }
    }

    function _endingName(Ending ending) private pure returns (string memory) {
        if (ending == Ending.DrawWinnerLast) return "drawWinner, winner last";
        if (ending == Ending.DrawWinnerFirst) return "drawWinner, winner first";
        return "refundExpiredRound";
    }

    // =============== LOTTERY ===============

    /// A Lottery with a bond large enough for `bets` bets, which has drawn one small round.
    function _newLottery(uint256 bets) private returns (Lottery lottery) {
        lottery = new Lottery(OPERATOR, COMMISSION_BPS, REVEAL_PENALTY_BPS, OPERATOR_CHANGE_DELAY);
        lottery.depositBond{value: (bets + 2) * BET}();
        _betLottery(lottery, 2);
        _commit(lottery);
        VM.warp(lottery.getRound().minDrawTime);
        VM.prank(OPERATOR);
        lottery.drawWinner(SEED);
    }

    function _betLottery(Lottery lottery, uint256 count) private {
        VM.pauseGasMetering();
        for (uint256 i = 0; i < count; i++) {
            address bettor = _newBettor();
            VM.prank(bettor);
            lottery.placeBet{value: BET}();
        }
        VM.resumeGasMetering();
    }

    /// Commits SEED for the current round as the operator; returns the gas used.
    function _commit(Lottery lottery) private returns (uint256) {
        uint256 roundId = lottery.currentRoundId();
        bytes32 commitment = lottery.computeCommitment(roundId, SEED);
        uint256 endTime = lottery.getRound().endTime;
        VM.prank(OPERATOR);
        lottery.commitSeed(commitment, endTime);
        return _gasUsed();
    }

    // =============== BASELINE ===============

    /// A seed-style contract that has drawn one small round.
    function _newBaseline() private returns (SeedStyleLottery baseline) {
        baseline = new SeedStyleLottery(OPERATOR, COMMISSION_BPS);
        _betBaseline(baseline, 2);
        VM.warp(baseline.getRound().minDrawTime);
        VM.prank(OPERATOR);
        baseline.drawWinner();
    }

    function _betBaseline(SeedStyleLottery baseline, uint256 count) private {
        VM.pauseGasMetering();
        for (uint256 i = 0; i < count; i++) {
            address bettor = _newBettor();
            VM.prank(bettor);
            baseline.placeBet{value: BET}();
        }
        VM.resumeGasMetering();
    }

    /// The participant index the baseline's drawWinner would pick now with this prevrandao
    /// (all bets are equal, so the index is the random value divided by the bet).
    function _baselineWinnerIndex(SeedStyleLottery.LotteryRound memory round, uint256 randao)
        private
        view
        returns (uint256)
    {
        uint256 randomValue = uint256(
            keccak256(abi.encodePacked(block.timestamp, randao, block.number, round.roundId, round.totalPot))
        ) % round.totalPot;
        return randomValue / BET;
    }

    /// Sets prevrandao so that the baseline's next draw picks participant `index`.
    function _forceBaselineWinner(SeedStyleLottery.LotteryRound memory round, uint256 index) private {
        for (uint256 salt = 1;; salt++) {
            uint256 randao = uint256(keccak256(abi.encode("randao", salt)));
            if (_baselineWinnerIndex(round, randao) == index) {
                VM.prevrandao(bytes32(randao));
                return;
            }
        }
    }

    // =============== SHARED ===============

    /// A new bettor's address, holding 1 ether.
    function _newBettor() private returns (address bettor) {
        bettor = _bettor(bettorCount++);
        VM.deal(bettor, 1 ether);
    }

    function _bettor(uint256 number) private pure returns (address) {
        // casting to uint160 is safe: a run makes far fewer than 2**100 bettors
        // forge-lint: disable-next-line(unsafe-typecast)
        return address(FIRST_BETTOR + uint160(number));
    }

    /// Gas of the last call as its receipt would show it.
    function _gasUsed() private view returns (uint256) {
        return VM.lastCallGas().gasTotalUsed;
    }

    /// Gas the last call needed before its refund was paid back: the gas limit it had to be given.
    function _gasNeeded() private view returns (uint256) {
        BenchVm.Gas memory gas = VM.lastCallGas();
        return uint256(gas.gasTotalUsed) + uint256(int256(gas.gasRefunded));
    }

    function _calldataGas(bytes memory data) private pure returns (uint256 gas) {
        for (uint256 i = 0; i < data.length; i++) {
            gas += data[i] == 0 ? 4 : 16;
        }
    }
}

// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// The few forge cheatcodes the gas benchmark uses (forge-std is not available here).
interface BenchVm {
    /// What forge recorded for the last call the test made; in --isolate mode that call ran as its
    /// own transaction, so gasTotalUsed is what its receipt would show (21,000 base and calldata
    /// included, refunds subtracted) and gasRefunded the refund subtracted.
    struct Gas {
        uint64 gasLimit;
        uint64 gasTotalUsed;
        uint64 gasMemoryUsed;
        int64 gasRefunded;
        uint64 gasRemaining;
    }

    function lastCallGas() external view returns (Gas memory gas);
    function deal(address account, uint256 newBalance) external;
    function warp(uint256 newTimestamp) external;
    function prevrandao(bytes32 newPrevrandao) external;
    function prank(address msgSender) external;
    function pauseGasMetering() external;
    function resumeGasMetering() external;
    function snapshotState() external returns (uint256 snapshotId);
    function revertToState(uint256 snapshotId) external returns (bool success);
}

BenchVm constant VM = BenchVm(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D);

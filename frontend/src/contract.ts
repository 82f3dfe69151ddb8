import { parseAbi } from 'viem';

/** The part of the lottery's interface the page calls, with the custom errors it can revert with. */
export const lotteryAbi = parseAbi([
  'function placeBet() payable',
  'function withdraw()',
  'function claimRefund(uint256 roundId)',
  'function pendingWithdrawals(address account) view returns (uint256)',
  'function getBets(uint256 roundId, uint256 offset, uint256 limit) view returns (address[] bettors, uint256[] cumulativeTotals)',
  'error BetTooSmall(uint256 amount, uint256 minimum)',
  'error BettingClosed(uint256 roundId, uint256 endTime)',
  'error Paused()',
  'error PotCapExceeded(uint256 pot, uint256 cap)',
  'error WrongState(uint8 actual, uint8 expected)',
  'error NothingToWithdraw()',
  'error NothingToClaim(uint256 roundId, address player)',
  'error TransferFailed(address to, uint256 amount)',
  'error Reentrancy()',
]);

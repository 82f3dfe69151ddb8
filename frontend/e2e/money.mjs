// The UI's money paths end to end (see browser.mjs for the browser and the test wallet), in three
// steps, each checked on chain by this script and not only on the page:
// 1. wrong network: the wallet starts on another chain; the page says so and offers the switch;
//    after the switch the player bets, alone, in round 1;
// 2. claim refund: once the test driving the chain has let round 1 expire without enough players
//    and the keeper has refunded it, the page shows the refund owed; the player claims it; the
//    player's balance grows by the bet minus the gas, and the page then shows nothing owed;
// 3. withdraw: once the test has had round 2 drawn between two players whose accounts are smart
//    wallets needing more gas than the prize push forwards, the wallet switches to the winner's
//    account: the page shows the prize credited; the winner withdraws it. Then it switches to the
//    publisher's account, credited the round's commission; while the wallet is moved to another
//    network it cannot be taken, after the switch back the publisher withdraws it. Each time the
//    balance grows by what was owed minus the gas, and the page then shows nothing owed.
//
// Environment (besides browser.mjs's): PLAYER and PUBLISHER (unlocked dev accounts), LOTTERY (the
// contract), START_CHAIN_ID (the wallet's first chain, not the node's), BET_ETH (default 0.02).
// Prints "e2e: bet-alone" after step 1, "e2e: refund-claimed" after step 2, "e2e: prize-withdrawn"
// and "e2e: commission-withdrawn" in step 3; exits 0 when everything held, 1 with the reason.

import { join } from 'node:path';
import { createPublicClient, http, parseAbi, parseEther } from 'viem';
import { env, runScenario, say, shortAddressPattern } from './browser.mjs';

const PLAYER = env('PLAYER').toLowerCase();
const PUBLISHER = env('PUBLISHER').toLowerCase();
const LOTTERY = env('LOTTERY');
const BET_ETH = env('BET_ETH', '0.02');
const ROUND_PATIENCE_MS = 90_000;

const chain = createPublicClient({ transport: http(env('RPC_URL')) });
const lottery = {
  address: LOTTERY,
  abi: parseAbi([
    'function pendingWithdrawals(address account) view returns (uint256)',
    'function refundOwed(uint256 roundId, address player) view returns (uint256)',
  ]),
};

/**
 * Checks on chain that the mined transaction paid `account` exactly what `owedBefore(block)` says
 * the contract owed it before that block: the balance across the transaction's block grew by that,
 * minus the gas the account paid. Returns the amount paid.
 */
async function checkPaid(hash, account, owedBefore) {
  const receipt = await chain.getTransactionReceipt({ hash });
  if (receipt.status !== 'success' || receipt.from.toLowerCase() !== account) {
    throw new Error(`transaction ${hash} is not a successful one from ${account}`);
  }
  const before = receipt.blockNumber - 1n;
  const owed = await owedBefore(before);
  const balanceBefore = await chain.getBalance({ address: account, blockNumber: before });
  const balanceAfter = await chain.getBalance({ address: account, blockNumber: receipt.blockNumber });
  const gas = receipt.gasUsed * receipt.effectiveGasPrice;
  if (owed === 0n || balanceAfter - balanceBefore !== owed - gas) {
    throw new Error(
      `${account} was owed ${owed} wei; its balance moved by ${balanceAfter - balanceBefore} wei with ${gas} wei of gas`,
    );
  }
  say(`paid ${owed} wei to ${account} (balance +${balanceAfter - balanceBefore} wei after ${gas} wei of gas)`);
  return owed;
}

/** Withdraws through the page what the contract credited to the connected `account`; checks it. */
async function withdrawAll(page, wallet, account) {
  await page.getByRole('button', { name: 'Withdraw' }).click();
  await page.getByTestId('action-done').filter({ hasText: 'Withdrawn to your account.' }).waitFor({ timeout: 60_000 });
  await checkPaid(lastSent(wallet), account, (block) =>
    chain.readContract({ ...lottery, functionName: 'pendingWithdrawals', args: [account], blockNumber: block }),
  );
  await nothingOwed(page);
}

/** The wallet switches to `account`; the page follows. */
async function switchAccount(page, wallet, account) {
  await wallet.useAccount(account);
  await page.getByTestId('account').filter({ hasText: shortAddressPattern(account) }).waitFor({ timeout: 15_000 });
}

/** The page shows nothing owed to the connected account and offers no button to take anything. */
async function nothingOwed(page) {
  await page.getByTestId('owed').filter({ hasText: /^0 ETH$/ }).waitFor({ timeout: 15_000 });
  const buttons = await page.getByRole('button', { name: /^(Withdraw|Claim refund)/ }).count();
  if (buttons > 0) {
    throw new Error('the page still offers to withdraw or claim although nothing is owed');
  }
}

function lastSent(wallet) {
  const hash = wallet.sent.at(-1);
  if (!hash) throw new Error('the page sent no transaction through the wallet');
  return hash;
}

await runScenario({ account: PLAYER }, async (page, wallet, screenshots) => {
  // 1. wrong network, then a bet alone
  await page.getByRole('button', { name: 'Connect Anvil test wallet' }).click();
  await page.getByTestId('account').waitFor({ timeout: 15_000 });
  const warning = page.getByRole('alert').filter({ hasText: /Your wallet is on network \d+; this lottery runs on \d+/ });
  await warning.waitFor({ timeout: 15_000 });
  if ((await page.getByRole('button', { name: 'Place bet' }).count()) > 0) {
    throw new Error('the page offers to bet while the wallet is on another network');
  }
  say(`wrong network shown: ${(await warning.innerText()).replace(/\s+/g, ' ')}`);
  await page.screenshot({ path: join(screenshots, 'wrong-network.png'), fullPage: true });
  await warning.getByRole('button', { name: 'Switch network' }).click();
  await page.getByLabel(/Amount in ETH/).fill(BET_ETH);
  await page.getByRole('button', { name: 'Place bet' }).click();
  await page.getByTestId('action-done').filter({ hasText: 'Bet placed and mined.' }).waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=players] li.me').filter({ hasText: shortAddressPattern(PLAYER) }).waitFor({ timeout: 30_000 });
  say('bet-alone');

  // 2. the round is refunded: claim it
  const claim = page.getByRole('button', { name: 'Claim refund of round 1' });
  await claim.waitFor({ timeout: ROUND_PATIENCE_MS });
  await page.getByTestId('owed').filter({ hasText: `${BET_ETH} ETH` }).waitFor({ timeout: 15_000 });
  await page.screenshot({ path: join(screenshots, 'refund-owed.png'), fullPage: true });
  await claim.click();
  await page.getByTestId('action-done').filter({ hasText: 'Refund of round 1 claimed.' }).waitFor({ timeout: 60_000 });
  const refund = await checkPaid(lastSent(wallet), PLAYER, (block) =>
    chain.readContract({ ...lottery, functionName: 'refundOwed', args: [1n, PLAYER], blockNumber: block }),
  );
  if (refund !== parseEther(BET_ETH)) {
    throw new Error(`the refund was ${refund} wei, not the bet of ${BET_ETH} ETH`);
  }
  await nothingOwed(page);
  say('refund-claimed');

  // 3. the winner of round 2 withdraws the prize the contract could not push, the publisher the commission
  const winnerShown = page.locator('[data-testid=history] li[data-round="2"]').getByTestId('winner');
  await winnerShown.waitFor({ timeout: ROUND_PATIENCE_MS });
  const winner = (await winnerShown.getAttribute('title')).toLowerCase();
  await switchAccount(page, wallet, winner);
  const withdraw = page.getByRole('button', { name: 'Withdraw' });
  await withdraw.waitFor({ timeout: 15_000 });
  await page.screenshot({ path: join(screenshots, 'prize-credited.png'), fullPage: true });
  await withdrawAll(page, wallet, winner);
  say('prize-withdrawn');

  await switchAccount(page, wallet, PUBLISHER);
  await withdraw.waitFor({ timeout: 15_000 });
  // the publisher's wallet wanders off to another network: nothing can be taken until it is back
  await wallet.useChain(1);
  await page.getByTestId('owed-blocked').waitFor({ timeout: 15_000 });
  if (await withdraw.isEnabled()) {
    throw new Error('the page offers to withdraw while the wallet is on another network');
  }
  await page.screenshot({ path: join(screenshots, 'withdrawal-owed-wrong-network.png'), fullPage: true });
  await page.getByRole('button', { name: 'Switch network' }).click();
  await page.getByTestId('owed-blocked').waitFor({ state: 'detached', timeout: 15_000 });
  await withdrawAll(page, wallet, PUBLISHER);
  say('commission-withdrawn');
});

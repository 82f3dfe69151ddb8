// End-to-end play through the UI (see browser.mjs for the browser and the test wallet): the page
// loads with no console errors, the player connects, bets, and sees the bet in the players list and
// the feed; then — once the test driving the chain has filled and drawn the round — sees the winner
// and the fairness panel verifying the draw. Screenshots at desktop width and at 375 px.
//
// Environment (besides browser.mjs's): PLAYER (an unlocked dev account), BET_ETH (default 0.02).
// Prints "e2e: ready-for-draw" when its bet is in; exits 0 when everything held, 1 with the reason.

import { join } from 'node:path';
import { env, runScenario, say, shortAddressPattern } from './browser.mjs';

const PLAYER = env('PLAYER').toLowerCase();
const BET_ETH = env('BET_ETH', '0.02');
const DRAW_PATIENCE_MS = 180_000;

await runScenario({ account: PLAYER }, async (page, _wallet, screenshots) => {
  await page.getByTestId('pot').waitFor({ timeout: 30_000 });
  await page.getByTestId('attestation').filter({ hasText: 'No enclave signer' }).waitFor({ timeout: 15_000 });
  say('page loaded and live');

  await page.getByRole('button', { name: 'Connect Anvil test wallet' }).click();
  await page.getByTestId('account').waitFor({ timeout: 15_000 });
  await page.getByLabel(/Amount in ETH/).fill(BET_ETH);
  await page.getByRole('button', { name: 'Place bet' }).click();
  await page.getByTestId('action-done').waitFor({ timeout: 60_000 });
  say('bet mined');

  await page.locator('[data-testid=players] li.me').filter({ hasText: shortAddressPattern(PLAYER) }).waitFor({ timeout: 30_000 });
  await page.getByTestId('activity').locator('li[data-kind=bet]').filter({ hasText: PLAYER }).waitFor({ timeout: 30_000 });
  await page.getByTestId('my-bet').filter({ hasText: `${BET_ETH} ETH` }).waitFor({ timeout: 30_000 });
  say('bet shown in the players list, the feed and the account panel');
  await page.screenshot({ path: join(screenshots, 'desktop-betting.png'), fullPage: true });
  say('ready-for-draw');

  const drawn = page.locator('[data-testid=history] li[data-round="1"]');
  await drawn.getByTestId('winner').waitFor({ timeout: DRAW_PATIENCE_MS });
  await drawn.locator('summary[data-verdict=verified]').waitFor({ timeout: 60_000 });
  await drawn.locator('summary[data-verdict=verified]').click();
  const winner = await drawn.getByTestId('winner').getAttribute('title');
  say(`round 1 drawn, winner ${winner}, fairness verified in the browser`);

  await page.screenshot({ path: join(screenshots, 'desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.evaluate(() => new Promise((settled) => requestAnimationFrame(() => settled())));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.screenshot({ path: join(screenshots, 'mobile-375.png'), fullPage: true });
  say(`screenshots written to ${screenshots}`);
  if (overflow > 0) {
    throw new Error(`at 375 px the page is ${overflow} px wider than the screen`);
  }
});

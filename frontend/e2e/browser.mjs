// What every end-to-end scenario shares: its environment, its output lines, headless Chromium
// (Debian's /usr/bin/chromium driven by playwright-core), the test wallet, the console-error check
// and the screenshot of a failure. A scenario is one function given the page and the wallet.
//
// The test wallet is an EIP-1193 provider announced through EIP-6963 and backed by the unlocked
// Anvil dev accounts: it forwards the page's requests to Anvil. It starts on START_CHAIN_ID (default:
// the node's chain); while it is on another chain it answers only eth_chainId, as a wallet pointed at
// a network with no such node would, and wallet_switchEthereumChain moves it to the node's chain.
//
// Environment: UI_URL (the page), RPC_URL (Anvil over HTTP), SCREENSHOTS (folder), CHROMIUM (default
// /usr/bin/chromium), START_CHAIN_ID (decimal, optional).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export function env(name, fallback) {
  const value = process.env[name] ?? fallback;
  if (value === undefined) {
    fail(`${name} is not set`);
  }
  return value;
}

/** One line for the test that runs the script: it waits for some of them. */
export function say(line) {
  process.stdout.write(`e2e: ${line}\n`);
}

export function fail(reason) {
  process.stderr.write(`e2e: FAILED: ${reason}\n`);
  process.exit(1);
}

let rpcId = 0;

/** Sends a JSON-RPC request to Anvil; returns {result} or {error}. */
async function rpcAnswer(method, params) {
  const response = await fetch(env('RPC_URL'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }),
  });
  const body = await response.json();
  return body.error ? { error: body.error } : { result: body.result };
}

/** Asks Anvil directly (the script's own view of the chain, not the page's). */
export async function rpc(method, params = []) {
  const answer = await rpcAnswer(method, params);
  if (answer.error) {
    throw new Error(`${method}: ${answer.error.message}`);
  }
  return answer.result;
}

/** Debian's Chromium (or CHROMIUM), headless, with nothing of its own talking to the network. */
export function launchChromium() {
  return chromium.launch({
    executablePath: env('CHROMIUM', '/usr/bin/chromium'),
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Runs in the page before any of its scripts: the test wallet, forwarding to Anvil. */
function installTestWallet({ account, chainId, nodeChainId }) {
  const listeners = {};
  const emit = (event, value) => (listeners[event] ?? []).forEach((listener) => listener(value));
  const wallet = { account, chainId };
  const provider = {
    isTestWallet: true,
    async request({ method, params }) {
      if (method === 'eth_requestAccounts' || method === 'eth_accounts') {
        return [wallet.account];
      }
      if (method === 'eth_chainId') {
        return wallet.chainId;
      }
      if (method === 'wallet_switchEthereumChain') {
        const wanted = params?.[0]?.chainId;
        if (wanted !== nodeChainId) {
          throw Object.assign(new Error(`Unrecognized chain ID ${wanted}`), { code: 4902 });
        }
        if (wallet.chainId !== wanted) {
          wallet.chainId = wanted;
          emit('chainChanged', wanted);
        }
        return null;
      }
      if (wallet.chainId !== nodeChainId) {
        throw Object.assign(new Error(`the test wallet has no node for chain ${wallet.chainId}`), { code: 4901 });
      }
      const answer = await window.__e2eRpc(method, params ?? []);
      if (answer.error) {
        throw Object.assign(new Error(answer.error.message), answer.error);
      }
      return answer.result;
    },
    on(event, listener) {
      (listeners[event] ??= []).push(listener);
    },
    removeListener(event, listener) {
      listeners[event] = (listeners[event] ?? []).filter((l) => l !== listener);
    },
  };
  // the scenario's hand on the wallet, as a user switching accounts in it
  window.__e2eWallet = {
    useAccount(next) {
      wallet.account = next;
      emit('accountsChanged', [next]);
    },
    useChain(next) {
      wallet.chainId = next;
      emit('chainChanged', next);
    },
  };
  const icon =
    'data:image/svg+xml,' +
    encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#1f4fd1"/></svg>');
  const announce = () =>
    window.dispatchEvent(
      new CustomEvent('eip6963:announceProvider', {
        detail: Object.freeze({
          info: { uuid: '5f0c8a9e-0e2e-4c1b-9d7e-4a1b2c3d4e5f', name: 'Anvil test wallet', icon, rdns: 'dev.anvil.test' },
          provider,
        }),
      }),
    );
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
}

/**
 * Opens the page in headless Chromium with the test wallet on `account`, runs `scenario(page,
 * wallet)`, checks that the page logged no console error, and exits: 0 when everything held, 1
 * with the reason (after a screenshot and the page's text). `wallet.sent` lists the hashes of the
 * transactions the page sent through the wallet; `wallet.useAccount(address)` and
 * `wallet.useChain(id)` switch accounts and networks as a user would in the wallet.
 */
export async function runScenario({ account, viewport = { width: 1280, height: 900 } }, scenario) {
  const screenshots = env('SCREENSHOTS');
  mkdirSync(screenshots, { recursive: true });
  const nodeChainId = await rpc('eth_chainId');
  const startChainId = process.env.START_CHAIN_ID
    ? `0x${Number(process.env.START_CHAIN_ID).toString(16)}`
    : nodeChainId;
  const sent = [];
  const browser = await launchChromium();
  let failure = null;
  let page = null;
  try {
    const context = await browser.newContext({ viewport });
    page = await context.newPage();
    const consoleErrors = [];
    page.on('console', (message) => {
      // The one error the page cannot avoid: with no enclave signer configured, GET /api/attestation
      // answers its documented 404 ("no signer configured"), which Chromium logs as a failed load.
      const noSigner =
        /\/api\/attestation\?nonce=/.test(message.location().url ?? '') && message.text().includes('404');
      if (message.type() === 'error' && !noSigner) consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
    await page.exposeFunction('__e2eRpc', async (method, params) => {
      const answer = await rpcAnswer(method, params);
      if (method === 'eth_sendTransaction' && answer.result) sent.push(answer.result);
      return answer;
    });
    await page.addInitScript(installTestWallet, { account, chainId: startChainId, nodeChainId });
    const wallet = {
      sent,
      useAccount: (next) => page.evaluate((address) => window.__e2eWallet.useAccount(address), next),
      useChain: (id) => page.evaluate((hex) => window.__e2eWallet.useChain(hex), `0x${id.toString(16)}`),
    };

    await page.goto(env('UI_URL'), { waitUntil: 'load' });
    await page.getByTestId('health').filter({ hasText: 'Live' }).waitFor({ timeout: 30_000 });
    await scenario(page, wallet, screenshots);

    if (consoleErrors.length) {
      throw new Error(`console errors: ${consoleErrors.join(' | ')}`);
    }
    say('passed');
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
    // what the page showed when it failed, for whoever reads the test's output
    if (page) {
      await page.screenshot({ path: join(screenshots, 'failure.png'), fullPage: true }).catch(() => {});
      const shown = await page.locator('main').innerText().catch(() => '(no page text)');
      say(`page at the failure: ${shown.replace(/\s+/g, ' ').slice(0, 600)}`);
    }
  } finally {
    await browser.close();
  }
  if (failure) {
    fail(failure);
  }
}

/** The page's short form of an address (0x1234…abcd), as a case-insensitive pattern. */
export function shortAddressPattern(address) {
  return new RegExp(`${address.slice(0, 6)}…${address.slice(-4)}`, 'i');
}

import { html, nothing } from 'lit-html';
import type { PageActions } from '../app';
import { checkBetAmount, formatChance, formatEth, shortAddress, shortHash } from '../format';
import { walletOnWrongNetwork, type PageState } from '../state';

/** The bet panel: wallets, connection, network, amount, and where the last action stands. */
export function betView(state: PageState, actions: PageActions) {
  const session = state.session;
  const minimum = state.settings ? BigInt(state.settings.minBetAmount) : null;
  const busy = state.action.status === 'working' || state.action.status === 'pending';
  const wrongNetwork = walletOnWrongNetwork(state);
  const paused = state.settings?.paused && (!state.round || state.round.state !== 'BETTING');
  return html`<section class="card bet" aria-labelledby="bet-title">
    <h2 id="bet-title">Place a bet</h2>
    ${!session
      ? state.wallets.length === 0
        ? html`<p class="muted">
            No wallet found. Install a browser wallet (any that supports EIP-1193) and reload this page.
          </p>`
        : html`<p>Connect a wallet to bet:</p>
            <div class="wallets">
              ${state.wallets.map(
                (wallet) => html`<button type="button" ?disabled=${busy} @click=${() => actions.connect(wallet)}>
                  ${wallet.info.icon
                    ? html`<img src=${wallet.info.icon} alt="" width="20" height="20" />`
                    : nothing}
                  Connect ${wallet.info.name}
                </button>`,
              )}
            </div>`
      : html`<p class="connected">
            Connected: <span class="address" data-testid="account" title=${session.account}
              >${shortAddress(session.account)}</span
            >
            via ${session.wallet.info.name}
            <button type="button" class="link" @click=${() => actions.disconnect()}>Disconnect</button>
          </p>
          ${wrongNetwork
            ? html`<div class="warning" role="alert">
                Your wallet is on network ${state.walletChainId}; this lottery runs on ${state.chainId}.
                <button type="button" @click=${() => actions.switchChain()}>Switch network</button>
              </div>`
            : html`<form
                class="bet-form"
                @submit=${(event: Event) => {
                  event.preventDefault();
                  const input = (event.currentTarget as HTMLFormElement).elements.namedItem('amount') as HTMLInputElement;
                  submitBet(input, minimum, actions);
                }}
              >
                <label for="bet-amount">Amount in ETH${minimum !== null
                    ? html` <span class="muted">(at least ${formatEth(minimum, 18)})</span>`
                    : nothing}</label>
                <div class="row">
                  <input
                    id="bet-amount"
                    name="amount"
                    inputmode="decimal"
                    autocomplete="off"
                    required
                    .value=${minimum !== null ? formatEth(minimum, 18).replace(/,/g, '') : ''}
                    aria-describedby="bet-status"
                  />
                  <button type="submit" ?disabled=${busy || !!paused}>Place bet</button>
                </div>
                ${paused ? html`<p class="muted">New rounds are paused by the operator.</p>` : nothing}
              </form>`}`}
    <div id="bet-status" class="status" role="status" aria-live="polite">${actionView(state)}</div>
  </section>`;
}

function submitBet(input: HTMLInputElement, minimum: bigint | null, actions: PageActions) {
  const checked = checkBetAmount(input.value, minimum);
  if ('wei' in checked) {
    input.setCustomValidity('');
    actions.placeBet(checked.wei);
    return;
  }
  input.setCustomValidity(checked.error);
  input.reportValidity();
  input.addEventListener('input', () => input.setCustomValidity(''), { once: true });
}

function actionView(state: PageState) {
  const action = state.action;
  switch (action.status) {
    case 'idle':
      return nothing;
    case 'working':
      return html`<p class="pending">${action.what}</p>`;
    case 'pending':
      return html`<p class="pending">${action.what} <span class="hash">${shortHash(action.hash)}</span></p>`;
    case 'done':
      return html`<p class="ok" data-testid="action-done">${action.message} <span class="hash">${shortHash(action.hash)}</span></p>`;
    case 'failed':
      return html`<p class="error" role="alert">${action.message}</p>`;
  }
}

/** The connected player's bet, chance, and what the contract owes them, with buttons to take it. */
export function myAccountView(state: PageState, actions: PageActions) {
  const player = state.player;
  if (!state.session || !player) {
    return nothing;
  }
  const wrongNetwork = walletOnWrongNetwork(state);
  const blocked = state.action.status === 'working' || state.action.status === 'pending' || wrongNetwork;
  const pending = BigInt(player.owed.pendingWithdrawal);
  const live =
    state.round?.roundId === player.roundId && (state.round.state === 'BETTING' || state.round.state === 'DRAWING');
  return html`<section class="card mine" aria-labelledby="mine-title">
    <h2 id="mine-title">Your account</h2>
    <dl>
      <dt>Your bet in round ${player.roundId}</dt>
      <dd data-testid="my-bet">${formatEth(player.amount)} ETH</dd>
      ${live
        ? html`<dt>Your chance of winning</dt>
            <dd data-testid="my-chance">${formatChance(player.chance)}</dd>`
        : nothing}
      <dt>Owed to you</dt>
      <dd data-testid="owed">${formatEth(player.owed.total)} ETH</dd>
    </dl>
    ${pending > 0n
      ? html`<p>
          ${formatEth(pending)} ETH is credited to you (a prize the contract could not send, or commission).
          <button type="button" ?disabled=${blocked} @click=${() => actions.withdraw()}>Withdraw</button>
        </p>`
      : nothing}
    ${player.owed.refunds.map(
      (refund) => html`<p>
        Refund of round ${refund.roundId}: ${formatEth(refund.amount)} ETH
        <button type="button" ?disabled=${blocked} @click=${() => actions.claimRefund(refund.roundId)}>
          Claim refund of round ${refund.roundId}
        </button>
      </p>`,
    )}
    ${wrongNetwork && BigInt(player.owed.total) > 0n
      ? html`<p class="muted" data-testid="owed-blocked">
          Switch your wallet to network ${state.chainId} (above) to take what is owed.
        </p>`
      : nothing}
  </section>`;
}

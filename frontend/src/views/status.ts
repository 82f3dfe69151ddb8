import { html, nothing } from 'lit-html';
import { formatBps, formatDuration, formatEth, noPenaltyWarning, shortAddress } from '../format';
import type { PageState } from '../state';

/** The contract's settings, as the operator configured them within the contract's bounds. */
export function settingsView(state: PageState) {
  const s = state.settings;
  return html`<section class="card settings" aria-labelledby="settings-title">
    <h2 id="settings-title">Contract settings</h2>
    ${!s
      ? html`<p class="muted">Not read yet.</p>`
      : html`<dl>
          <dt>Contract</dt>
          <dd class="address" title=${state.contract ?? ''}>${shortAddress(state.contract ?? '')} on chain ${state.chainId}</dd>
          <dt>Minimum bet</dt>
          <dd>${formatEth(s.minBetAmount, 18)} ETH</dd>
          <dt>Largest pot</dt>
          <dd>${formatEth(s.maxPot)} ETH</dd>
          <dt>Betting lasts</dt>
          <dd>${formatDuration(s.bettingDuration)}</dd>
          <dt>Draw window</dt>
          <dd>${formatDuration(s.minDrawDelayAfterEnd)} to ${formatDuration(s.maxDrawDelayAfterEnd)} after betting closes</dd>
          <dt>Players needed</dt>
          <dd>${s.minParticipants}</dd>
          <dt>Publisher commission</dt>
          <dd>${formatBps(s.publisherCommissionBps)}</dd>
          <dt>Penalty for a withheld reveal</dt>
          <dd>
            ${formatBps(s.revealPenaltyBps)} of the pot, from the operator's bond${noPenaltyWarning(
              s.revealPenaltyBps,
            )
              ? html`<p class="warning" role="alert" data-testid="no-penalty">
                  ${noPenaltyWarning(s.revealPenaltyBps)}
                </p>`
              : nothing}
          </dd>
          <dt>New rounds</dt>
          <dd>${s.paused ? 'paused' : 'open'}</dd>
        </dl>`}
  </section>`;
}

/** Whether the feed is live and how far the server's view is behind the chain. */
export function healthView(state: PageState) {
  const { connection, sync, health } = state;
  const live = connection.status === 'live';
  const lag = sync ? Math.max(0, sync.latestBlock - sync.viewBlock) : health?.lagBlocks ?? null;
  return html`<p class="health" role="status" data-testid="health">
    <span class="dot ${live ? (health?.status === 'error' ? 'bad' : lag && lag > 10 ? 'warn' : 'good') : 'bad'}" aria-hidden="true"></span>
    ${live
      ? html`Live${health ? html` · server ${health.status}${health.reason ? html` (${health.reason})` : nothing}` : nothing}
        ${sync ? html` · block ${sync.latestBlock}${lag ? html`, ${lag} behind` : nothing}` : nothing}
        ${sync && !sync.ready ? ' · catching up with the chain' : nothing}`
      : connection.status === 'connecting'
        ? 'Connecting…'
        : html`Offline · reconnecting in ${connection.retryInSeconds}s`}
  </p>`;
}

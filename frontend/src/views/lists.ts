import { html, nothing } from 'lit-html';
import { formatEth, formatTime, refundExplanation, shortAddress, ZERO_ADDRESS } from '../format';
import type { PageState } from '../state';
import { fairnessView } from './trust';

/** Finished rounds: winner and prize, or refund and why; each drawn one with its fairness check. */
export function historyView(state: PageState) {
  return html`<section class="card history" aria-labelledby="history-title">
    <h2 id="history-title">Past rounds</h2>
    ${state.history.length === 0
      ? html`<p class="muted">No round has finished yet.</p>`
      : html`<ol class="history-list" data-testid="history">
          ${state.history.map(
            (entry) => html`<li data-round=${entry.round.roundId}>
              <div class="history-head">
                <strong>Round ${entry.round.roundId}</strong>
                <span class="muted">${formatTime(entry.finishedAt)}</span>
              </div>
              ${entry.round.state === 'COMPLETED' && entry.round.winner !== ZERO_ADDRESS
                ? html`<p>
                    Winner
                    <span class="address" data-testid="winner" title=${entry.round.winner}
                      >${shortAddress(entry.round.winner)}</span
                    >
                    took <strong>${formatEth(entry.round.winnerPrize)} ETH</strong> of a
                    ${formatEth(entry.round.totalPot)} ETH pot (${entry.round.participantCount} players)
                  </p>`
                : html`<p>
                    Refunded ${formatEth(entry.round.totalPot)} ETH to ${entry.round.participantCount}
                    player${entry.round.participantCount === 1 ? '' : 's'}${refundLine(state, entry)}${BigInt(entry.round.revealPenalty) > 0n
                      ? html`, plus ${formatEth(entry.round.revealPenalty)} ETH taken from the operator's bond`
                      : nothing}
                  </p>`}
              ${entry.round.state === 'COMPLETED' ? fairnessView(state, entry.round.roundId) : nothing}
            </li>`,
          )}
        </ol>`}
  </section>`;
}

function refundLine(state: PageState, entry: PageState['history'][number]) {
  const why = refundExplanation(
    entry.refundReason,
    entry.round.participantCount,
    state.settings?.minParticipants ?? null,
  );
  return why ? html`: ${why}` : nothing;
}

/** The live activity feed, newest first. */
export function activityView(state: PageState) {
  return html`<section class="card activity" aria-labelledby="activity-title">
    <h2 id="activity-title">Live activity</h2>
    ${state.activities.length === 0
      ? html`<p class="muted">Nothing has happened yet.</p>`
      : html`<ol class="activity-list" data-testid="activity" aria-live="polite" aria-relevant="additions">
          ${state.activities.map(
            (item) => html`<li data-kind=${item.kind}>
              <span class="message">${item.message}</span>
              <span class="muted when">${formatTime(item.timestamp)} · block ${item.block}</span>
            </li>`,
          )}
        </ol>`}
  </section>`;
}

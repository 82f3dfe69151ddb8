import { html, nothing } from 'lit-html';
import type { Round } from '../api';
import {
  formatChance,
  formatCountdown,
  formatDuration,
  formatEth,
  formatTime,
  sameAddress,
  share,
  shortAddress,
  ZERO_HASH,
} from '../format';
import type { PageState } from '../state';

const STATE_WORDS: Record<Round['state'], string> = {
  WAITING: 'Waiting for the first bet',
  BETTING: 'Betting open',
  DRAWING: 'Drawing',
  COMPLETED: 'Drawn',
  REFUNDED: 'Refunded',
};

/** The next deadline of a round and what happens then, from chain time `now`. */
export function roundPhase(round: Round, now: number): { label: string; until: number | null } {
  if (round.state === 'BETTING' && now < round.endTime) {
    return { label: 'Betting closes in', until: round.endTime };
  }
  if ((round.state === 'BETTING' || round.state === 'DRAWING') && now < round.minDrawTime) {
    return { label: 'Draw window opens in', until: round.minDrawTime };
  }
  if ((round.state === 'BETTING' || round.state === 'DRAWING') && now <= round.maxDrawTime) {
    return { label: 'Draw window closes in', until: round.maxDrawTime };
  }
  if (round.state === 'BETTING' || round.state === 'DRAWING') {
    return { label: 'Draw window has closed; the round can be refunded', until: null };
  }
  return { label: '', until: null };
}

export function roundView(state: PageState, now: number) {
  const round = state.round;
  if (!round || round.roundId === 0) {
    return html`<section class="card round" aria-labelledby="round-title">
      <h2 id="round-title">Current round</h2>
      <p class="muted">No round has started yet. The first bet opens one.</p>
    </section>`;
  }
  if (round.state === 'WAITING') {
    return html`<section class="card round" aria-labelledby="round-title">
      <h2 id="round-title">Round ${round.roundId}</h2>
      <p class="state" data-state=${round.state}>${STATE_WORDS[round.state]}</p>
      <p class="muted">The next bet opens this round${state.settings
        ? html`; betting then runs for ${formatDuration(state.settings.bettingDuration)}`
        : nothing}.</p>
    </section>`;
  }
  const phase = roundPhase(round, now);
  const committed = round.seedCommitment !== ZERO_HASH;
  return html`<section class="card round" aria-labelledby="round-title">
    <h2 id="round-title">Round ${round.roundId}</h2>
    <p class="state" data-state=${round.state}>${STATE_WORDS[round.state]}</p>
    <div class="pot">
      <span class="label">Pot</span>
      <strong data-testid="pot">${formatEth(round.totalPot)} ETH</strong>
      <span class="muted">${round.participantCount} player${round.participantCount === 1 ? '' : 's'},
        ${round.betCount} bet${round.betCount === 1 ? '' : 's'}</span>
    </div>
    ${phase.label
      ? html`<p class="countdown" role="timer" aria-live="off">
          ${phase.label}
          ${phase.until !== null
            ? html`<strong data-testid="countdown">${formatCountdown(phase.until - now)}</strong>`
            : nothing}
        </p>`
      : nothing}
    <dl class="times">
      <dt>Betting</dt>
      <dd>${formatTime(round.startTime)} – ${formatTime(round.endTime)}</dd>
      <dt>Draw window</dt>
      <dd>${formatTime(round.minDrawTime)} – ${formatTime(round.maxDrawTime)}</dd>
      <dt>Seed</dt>
      <dd>${committed ? 'committed (the winner is already fixed, unknown to all but the signer)' : 'not committed yet'}</dd>
      ${round.totalExtension > 0
        ? html`<dt>Extended</dt>
            <dd>by ${formatCountdown(round.totalExtension)}</dd>`
        : nothing}
    </dl>
  </section>`;
}

export function playersView(state: PageState) {
  const { list, totalPot, roundId } = state.participants;
  const me = state.session?.account;
  return html`<section class="card players" aria-labelledby="players-title">
    <h2 id="players-title">Players${roundId ? html` in round ${roundId}` : nothing}</h2>
    ${list.length === 0
      ? html`<p class="muted">No bets yet.</p>`
      : html`<ol class="players-list" data-testid="players">
          ${list.map(
            (p) => html`<li class=${sameAddress(p.address, me) ? 'me' : ''}>
              <span class="address" title=${p.address}>${shortAddress(p.address)}</span>
              ${sameAddress(p.address, me) ? html`<span class="tag">you</span>` : nothing}
              <span class="amount">${formatEth(p.amount)} ETH</span>
              <span class="chance" aria-label="chance of winning">${formatChance(share(p.amount, totalPot))}</span>
              <span class="bar" aria-hidden="true"
                ><span style="width:${(share(p.amount, totalPot) * 100).toFixed(2)}%"></span
              ></span>
            </li>`,
          )}
        </ol>`}
  </section>`;
}

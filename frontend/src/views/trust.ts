import { html, nothing } from 'lit-html';
import type { PageActions } from '../app';
import type { AttestationReport } from '../attestation/attestation';
import { formatEth, formatTime, sameAddress, shortAddress, shortHash, ZERO_ADDRESS } from '../format';
import type { PageState } from '../state';

/** One drawn round's fairness, as recomputed in this browser. */
export function fairnessView(state: PageState, roundId: number) {
  const fairness = state.fairness.get(roundId);
  const round = state.history.find((entry) => entry.round.roundId === roundId)?.round;
  if (!fairness || !round) {
    return nothing;
  }
  if (fairness.status === 'checking') {
    return html`<p class="fairness muted">Checking the draw…</p>`;
  }
  if (fairness.status === 'failed') {
    return html`<p class="fairness error">The draw could not be checked: ${fairness.message}</p>`;
  }
  const { check } = fairness;
  const verified = check.commitmentMatches && check.winnerMatches === true;
  const refuted = !check.commitmentMatches || check.winnerMatches === false;
  const verdict = verified
    ? 'Fair draw: verified in your browser'
    : refuted
      ? 'Mismatch: this draw does not verify'
      : 'Seed verified; winner not recomputed here';
  return html`<details class="fairness ${verified ? 'ok' : refuted ? 'bad' : 'partial'}" data-testid="fairness">
    <summary data-verdict=${verified ? 'verified' : refuted ? 'mismatch' : 'partial'}>${verdict}</summary>
    <dl>
      <dt>Commitment (before betting closed)</dt>
      <dd class="hash" title=${round.seedCommitment}>${shortHash(round.seedCommitment)}</dd>
      <dt>Revealed seed</dt>
      <dd class="hash" title=${round.revealedSeed}>${shortHash(round.revealedSeed)}</dd>
      <dt>Seed matches the commitment</dt>
      <dd>${check.commitmentMatches ? 'yes' : 'NO'}</dd>
      <dt>Winning point</dt>
      <dd>${check.point.toString()} wei of ${formatEth(round.totalPot)} ETH</dd>
      <dt>Winner recomputed here</dt>
      <dd>
        ${check.recomputedWinner
          ? html`<span class="address" title=${check.recomputedWinner}>${shortAddress(check.recomputedWinner)}</span>
              ${check.winnerMatches ? '(the recorded winner)' : '(NOT the recorded winner)'}`
          : 'not recomputed'}
        <span class="muted">— ${fairness.betsSource}</span>
      </dd>
      <dt>The server's own check</dt>
      <dd>${fairness.serverMatches ? 'matches' : 'does not match'}: ${fairness.serverReason}</dd>
    </dl>
  </details>`;
}

/** The enclave signer's attestation, verified in this browser with its own nonce. */
export function attestationView(state: PageState, actions: PageActions) {
  const attestation = state.attestation;
  return html`<section class="card attestation" aria-labelledby="attestation-title">
    <h2 id="attestation-title">Signer attestation</h2>
    ${attestation.status === 'loading'
      ? html`<p class="muted">Asking the signer for a fresh attestation…</p>`
      : attestation.status === 'none'
        ? html`<p class="warning" data-testid="attestation">
            No enclave signer: the operator's key and the draw seeds are held by a local signer, so the
            operator must be trusted not to read a seed before betting closes. Withholding a reveal still
            costs its bond.
          </p>`
        : attestation.status === 'failed'
          ? html`<p class="error" data-testid="attestation">The attestation could not be fetched: ${attestation.message}</p>`
          : reportView(attestation.report, state)}
    <button type="button" @click=${() => actions.checkAttestation()}>Check again with a new nonce</button>
  </section>`;
}

function reportView(report: AttestationReport, state: PageState) {
  const settings = state.settings;
  const claims = report.claims;
  const operatorMatches = claims && settings && sameAddress(claims.operator, settings.operator);
  const contractMatches = claims && sameAddress(claims.contract, state.contract);
  return html`<div data-testid="attestation">
    <p class=${report.verified ? 'ok' : 'error'}>
      ${report.verified
        ? 'Verified in your browser: signed by AWS Nitro hardware, fresh, for this page’s nonce.'
        : 'Not verified.'}
    </p>
    ${report.problems.length ? html`<ul class="problems">${report.problems.map((p) => html`<li>${p}</li>`)}</ul>` : nothing}
    ${report.developmentSigner
      ? html`<p class="warning" role="alert">
          Development signer: this document comes from a software stand-in for the Nitro hardware. It proves
          nothing and is not secure.
        </p>`
      : nothing}
    ${report.debugMode
      ? html`<p class="warning" role="alert">
          Debug mode: the enclave's measurements are all zero, so its code is not proven and its memory can
          be read by the host. Do not trust it with real funds.
        </p>`
      : nothing}
    <dl>
      <dt>Attested operator</dt>
      <dd>
        ${claims ? shortAddress(claims.operator) : 'not stated'}
        ${claims && settings
          ? operatorMatches
            ? html`<span class="ok">is the contract's operator</span>`
            : html`<span class="error">is NOT the contract's operator (${shortAddress(settings.operator)})</span>`
          : nothing}
      </dd>
      <dt>Attested contract and chain</dt>
      <dd>
        ${claims ? html`${shortAddress(claims.contract)} on chain ${claims.chainId}` : 'not stated'}
        ${claims && !contractMatches ? html`<span class="error">not this lottery</span>` : nothing}
      </dd>
      <dt>Made at</dt>
      <dd>${report.timestamp.toISOString()}</dd>
      <dt>Enclave</dt>
      <dd>${report.moduleId}</dd>
      ${[0, 1, 2, 8].map(
        (index) => html`<dt>PCR${index}</dt>
          <dd class="hash pcr">${report.pcrs.get(index) ?? '—'}</dd>`,
      )}
    </dl>
  </div>`;
}

/** The operator's record: bond, withheld reveals, and a coming change of operator. */
export function operatorView(state: PageState, now: number) {
  const settings = state.settings;
  if (!settings) {
    return nothing;
  }
  const pending = settings.pendingOperator !== ZERO_ADDRESS;
  return html`<section class="card operator" aria-labelledby="operator-title">
    <h2 id="operator-title">Operator</h2>
    <dl>
      <dt>Operator</dt>
      <dd class="address" title=${settings.operator}>${shortAddress(settings.operator)}</dd>
      <dt>Bond held by the contract</dt>
      <dd>${formatEth(settings.operatorBond)} ETH</dd>
      <dt>Rounds it never revealed</dt>
      <dd class=${settings.unrevealedRounds > 0 ? 'error' : ''}>${settings.unrevealedRounds}</dd>
    </dl>
    ${pending
      ? html`<p class="warning" role="alert" data-testid="operator-change">
          A new operator, ${shortAddress(settings.pendingOperator)}, has been proposed and may take over
          ${settings.pendingOperatorEffectiveAt > now
            ? html`from ${formatTime(settings.pendingOperatorEffectiveAt)}`
            : 'as soon as the current round ends'}.
        </p>`
      : nothing}
  </section>`;
}

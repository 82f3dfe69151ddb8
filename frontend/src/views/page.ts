import { html } from 'lit-html';
import type { PageActions } from '../app';
import type { PageState } from '../state';
import { activityView, historyView } from './lists';
import { playersView, roundView } from './round';
import { healthView, settingsView } from './status';
import { attestationView, operatorView } from './trust';
import { betView, myAccountView } from './wallet';

/** The whole page, from the state alone. */
export function pageView(state: PageState, actions: PageActions, now: number) {
  return html`<a class="skip" href="#main">Skip to the round</a>
    <header class="top">
      <h1>Enclave Lottery</h1>
      ${healthView(state)}
    </header>
    <main id="main" class="grid">
      <div class="column">
        ${roundView(state, now)} ${betView(state, actions)} ${myAccountView(state, actions)} ${playersView(state)}
      </div>
      <div class="column">${activityView(state)} ${historyView(state)}</div>
      <div class="column">${attestationView(state, actions)} ${operatorView(state, now)} ${settingsView(state)}</div>
    </main>`;
}

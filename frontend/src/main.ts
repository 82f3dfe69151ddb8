import { render } from 'lit-html';
import { LotteryPage } from './app';
import './style.css';
import { pageView } from './views/page';

// Renders at most once a frame after a change, and once a second for the countdowns.
const root = document.getElementById('app')!;
let scheduled = false;
const refresh = () => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      render(pageView(page.state, page, page.now()), root);
    });
  }
};
const page = new LotteryPage(refresh);
root.replaceChildren(); // the static "Loading…" line
render(pageView(page.state, page, page.now()), root);
performance.mark('first-render'); // read by scripts/bench-ui
setInterval(refresh, 1_000);
page.start();

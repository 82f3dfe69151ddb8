// The UI's budget, measured: gzipped JavaScript of the production build, and the time from
// navigation to the app's first render (and to the first contentful paint) in headless Chromium,
// served from localhost. Run by scripts/bench-ui; prints one line per figure.
//
// Usage: node e2e/bench.mjs <built folder> [runs]

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from './browser.mjs';

const folder = process.argv[2];
const runs = Number(process.argv[3] ?? 7);
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const scripts = files(folder).filter((path) => path.endsWith('.js'));
const raw = scripts.reduce((sum, path) => sum + statSync(path).size, 0);
const gzipped = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(path), { level: 9 }).length, 0);
console.log(`javascript: ${scripts.length} files, ${(raw / 1024).toFixed(1)} KiB raw, ${(gzipped / 1024).toFixed(1)} KiB gzipped (budget 150 KiB)`);

// the built files as the frontend server serves them (index.html for any other path); no API
const server = createServer((request, response) => {
  const path = join(folder, request.url === '/' ? 'index.html' : request.url.split('?')[0]);
  try {
    const body = readFileSync(path);
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await launchChromium();
const renders = [];
const paints = [];
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('first-render').length > 0);
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    const [render, paint] = await page.evaluate(() => [
      performance.getEntriesByName('first-render')[0].startTime,
      performance.getEntriesByName('first-contentful-paint')[0].startTime,
    ]);
    renders.push(render);
    paints.push(paint);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`first render: median ${median(renders).toFixed(0)} ms, worst ${Math.max(...renders).toFixed(0)} ms over ${runs} cold loads (budget 1000 ms)`);
console.log(`first contentful paint: median ${median(paints).toFixed(0)} ms, worst ${Math.max(...paints).toFixed(0)} ms`);

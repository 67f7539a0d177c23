// Debian's Chromium through playwright-core (never a downloaded browser), kept offline: every request that is not
// to this machine is aborted, so the Playground's CDN fonts and worklet fail fast instead of waiting on DNS.
'use strict';

const { chromium } = require('playwright-core');

function isLoopback(url) {
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
  } catch {
    return false;
  }
}

function launch(executablePath) {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// Aborts non-loopback requests of the page; returns a function giving how many were aborted.
async function keepOffline(page) {
  let aborted = 0;
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (/^(data|blob):/.test(url) || isLoopback(url)) return route.continue();
    aborted++;
    return route.abort();
  });
  return () => aborted;
}

module.exports = { launch, keepOffline, isLoopback };

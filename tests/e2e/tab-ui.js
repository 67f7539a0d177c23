// The secretariat tab (/tab on the bot's own host, src/PartnershipBot/Tab) in local mode, signed in as the
// Playground's user (run.sh sets Tab:DevelopmentPerson to Tess Tester's Entra id). Opens the board list and every
// board's page, checks them against what chat showed for the same boards earlier in this run (the boards chat
// knows, the chair chat names, the members chat imported, the meetings chat booked, the apologies sent from the
// reminder card), downloads the register CSV and compares it with the `declarations export` verb, runs axe-core on
// every page in the light, dark and high-contrast themes (failing on any serious or critical violation), and saves a
// screenshot of each (issue 21, Proof). Checks find things by heading, table and button names, so sections added to
// the pages later do not break them.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { check, note } = require('./lib/report');
const { keepOffline, isLoopback } = require('./lib/browser');
const cli = require('./lib/bot-cli');
const csv = require('./lib/csv');

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING = new Set(['serious', 'critical']);

// Light and dark as a browser outside Teams gives them (prefers-color-scheme); high contrast as tab.js sets it from
// the Teams context (data-theme="contrast"), which only a Teams host can send.
const THEMES = [
  { name: 'light', colorScheme: 'light' },
  { name: 'dark', colorScheme: 'dark' },
  { name: 'contrast', colorScheme: 'dark', teamsTheme: 'contrast' },
];

function slug(text) {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).slice(0, 2).join('-');
}

// axe-core injected through the DevTools protocol (the page's CSP allows no inline script, and must not be relaxed
// for the test); every rule, violations only. Returns { byImpact, blocking: ["rule (impact): target", ...] }.
async function axe(page) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) })));
  const byImpact = {};
  for (const v of violations) byImpact[v.impact] = (byImpact[v.impact] || 0) + v.targets.length;
  const blocking = violations.filter((v) => BLOCKING.has(v.impact)).map((v) => `${v.id} (${v.impact}): ${v.targets.slice(0, 3).join(', ')}`);
  return { byImpact, blocking };
}

function impactText(byImpact) {
  const parts = ['critical', 'serious', 'moderate', 'minor'].map((i) => `${i} ${byImpact[i] || 0}`);
  return parts.join(', ');
}

// The rows of a table found by its caption, as arrays of cell texts (header cells included).
async function tableRows(page, caption) {
  const table = page.getByRole('table', { name: caption });
  await table.waitFor({ state: 'visible' });
  return table.evaluate((t) => Array.from(t.tBodies[0].rows).map((r) => Array.from(r.cells).map((c) => c.innerText.trim())));
}

async function openBoard(page, board) {
  await page.getByRole('table', { name: /^Boards you hold a role on/ }).getByRole('button', { name: board, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: `Members of the ${board}` }).waitFor({ state: 'visible' });
  await page.getByRole('status').filter({ hasText: `Showing the ${board}.` }).waitFor({ state: 'visible' });
}

// One theme: every page, axe on each, a screenshot of each; the content checks (which do not depend on the theme) run
// in the light theme only.
async function themePass(browser, theme, { bot, shots, chat, timeoutMs, consoleErrors }) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, colorScheme: theme.colorScheme, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(timeoutMs);
  await keepOffline(page);
  page.on('console', (m) => {
    // A request this test aborted to stay offline (the Teams library's list of host origins, from its CDN) is not the page's fault.
    if (m.type() === 'error' && !(/^Failed to load resource/.test(m.text()) && !isLoopback(m.location().url))) consoleErrors.push(`${theme.name} ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${theme.name} ${page.url()}: ${e.message}`));
  const content = theme.name === 'light';
  try {
    const listed = await check(`tab (${theme.name}): /tab lists the boards`, async () => {
      await page.goto(`${bot}/tab`, { waitUntil: 'domcontentloaded' });
      if (theme.teamsTheme) await page.evaluate((t) => { document.documentElement.dataset.theme = t; }, theme.teamsTheme);
      await page.getByRole('heading', { level: 1, name: 'Your boards' }).waitFor({ state: 'visible' });
      const rows = await tableRows(page, /^Boards you hold a role on/);
      const names = rows.map((r) => r[0]);
      if (content) {
        // Local mode lists every board the bot knows, which is the list chat's welcome gives.
        if (JSON.stringify(names) !== JSON.stringify(chat.boards)) throw new Error(`tab lists ${names.join('; ')}; chat knows ${chat.boards.join('; ')}`);
        const mine = rows.find((r) => r[0] === chat.chair.board);
        if (!mine || !/\bChair\b/.test(mine[1]) || !/\bMember\b/.test(mine[1])) throw new Error(`${chat.chair.board} shows roles "${mine && mine[1]}", chat made ${chat.chair.name} its chair and a member`);
      }
      await page.screenshot({ path: path.join(shots, `tab-boards-${theme.name}.png`), fullPage: true });
      return `${names.length} boards`;
    });
    if (!listed) return;
    await axeCheck(page, theme, 'the board list');

    for (const board of chat.boards) {
      const opened = await check(`tab (${theme.name}): the ${board} page opens`, async () => {
        await openBoard(page, board);
        await page.getByRole('heading', { level: 2, name: 'Upcoming meetings' }).waitFor({ state: 'visible' });
        if (content) await boardContent(page, board, chat);
        await page.screenshot({ path: path.join(shots, `tab-${slug(board)}-${theme.name}.png`), fullPage: true });
      }, () => page.screenshot({ path: path.join(shots, `tab-${slug(board)}-${theme.name}.png`), fullPage: true }));
      if (opened) await axeCheck(page, theme, `the ${board} page`);
    }

    if (content) await registerCheck(page, chat);
  } finally {
    await context.close();
  }
}

async function axeCheck(page, theme, what) {
  await check(`tab (${theme.name}): axe-core finds no serious or critical violation on ${what}`, async () => {
    const result = await axe(page);
    note(`axe ${theme.name} ${what}: ${impactText(result.byImpact)}`);
    if (result.blocking.length > 0) throw new Error(result.blocking.join('; '));
    return impactText(result.byImpact);
  });
}

// What the board's page must agree with chat on, for the boards chat touched in this run.
async function boardContent(page, board, chat) {
  if (board === chat.chair.board) {
    const members = await tableRows(page, 'People holding a role on the board, chair first');
    const names = members.map((r) => r[0]);
    if (JSON.stringify(names) !== JSON.stringify(chat.members.names)) throw new Error(`members ${names.join(', ') || 'none'}; chat imported ${chat.members.names.join(', ')}`);
    const chair = members.find((r) => /\bChair\b/.test(r[1]));
    if (!chair || chair[0] !== chat.chair.name) throw new Error(`the chair shown is ${chair ? chair[0] : 'nobody'}; chat says "Currently the chair: ${chat.chair.name}"`);
  }
  for (const meeting of chat.meetings.filter((m) => m.board === board)) {
    const heading = page.getByRole('heading', { level: 3, name: new RegExp(`^${meeting.date}, `) });
    if (await heading.count() !== 1) throw new Error(`no meeting heading for ${meeting.date}, the meeting chat booked`);
    // The meeting's own section: its apologies list follows its heading.
    const part = page.locator('section.meeting').filter({ has: heading });
    for (const name of meeting.apologies) {
      if (await part.getByRole('listitem').filter({ hasText: name }).count() === 0) throw new Error(`the ${meeting.date} meeting does not list the apologies of ${name} sent from the reminder card`);
    }
  }
}

async function registerCheck(page, chat) {
  const board = chat.declarations.board;
  await check(`tab: the ${board} register downloads as CSV and matches "declarations export"`, async () => {
    await openBoard(page, board);
    const link = page.getByRole('link', { name: 'Download the register (CSV)' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const file = path.join(os.tmpdir(), `e2e-tab-register-${process.pid}.csv`);
    await download.saveAs(file);
    const name = download.suggestedFilename();
    if (!new RegExp(`^${slug(board).split('-')[0]}-[a-z0-9-]+-register-\\d{4}-\\d{2}-\\d{2}\\.csv$`).test(name)) throw new Error(`file named ${name}`);
    const rows = csv.parse(fs.readFileSync(file, 'utf8'));
    const verbRows = csv.parse(await cli.exportRegister(board, `${file}.verb`));
    const header = ['Entry', 'DeclaredUtc', 'DeclaredLocal', 'Board', 'Item', 'PersonId', 'PersonName', 'Interest', 'Nature', 'Hash'];
    if (JSON.stringify(rows[0]) !== JSON.stringify(header)) throw new Error(`header ${rows[0].join(',')}`);
    if (JSON.stringify(rows) !== JSON.stringify(verbRows)) throw new Error(`the tab's CSV (${rows.length - 1} rows) differs from the verb's (${verbRows.length - 1} rows)`);
    const entries = rows.slice(1);
    if (entries.length !== chat.declarations.entries) throw new Error(`${entries.length} entries; chat recorded ${chat.declarations.entries} (the double-pressed declaration)`);
    const row = Object.fromEntries(header.map((h, i) => [h, entries[0][i]]));
    const want = chat.declarations.first;
    if (row.Entry !== '1' || row.Board !== board || row.Item !== want.item || row.PersonName !== want.person || row.Interest !== want.interest || row.Nature !== want.nature
      || !/^[0-9a-f]{64}$/.test(row.Hash)) throw new Error(`entry ${JSON.stringify(row)}`);
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.verb`, { force: true });
    return `${name}, ${entries.length} entry`;
  });
}

async function tabChecks(browser, options) {
  fs.mkdirSync(options.shots, { recursive: true });
  const consoleErrors = [];
  for (const theme of THEMES) {
    const startedAt = Date.now();
    await themePass(browser, theme, { ...options, consoleErrors });
    note(`tab ${theme.name} theme: ${Date.now() - startedAt} ms`);
  }
  await check('tab: no console error or Content-Security-Policy violation on any page', async () => {
    if (consoleErrors.length > 0) throw new Error(consoleErrors.join(' | '));
  });
}

module.exports = { tabChecks };

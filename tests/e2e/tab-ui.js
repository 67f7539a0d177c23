// The secretariat tab (/tab on the bot's own host, src/PartnershipBot/Tab) in local mode, signed in as the
// Playground's user (run.sh sets Tab:DevelopmentPerson to Tess Tester's Entra id). Opens the board list and every
// board's page, checks them against what chat showed for the same boards earlier in this run (the boards chat
// knows, the chair chat names, the members chat imported, the meetings chat booked, the apologies sent from the
// reminder card), downloads the register CSV and compares it with the `declarations export` verb, runs axe-core on
// every page in the light, dark and high-contrast themes (failing on any serious or critical violation), and saves a
// screenshot of each (issue 21, Proof); filters the register by person and dates; and opens the channel tab's
// set-up page (/tab/config) framed as Teams frames it, for the channel chat linked and one it did not. Checks find things by heading, table and button names, so sections added to
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

    if (content) {
      await registerCheck(page, chat);
      await registerFilterCheck(page, chat);
    }
    await configPass(context, theme, { bot, shots, chat, timeoutMs, consoleErrors });
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

// The register's filters, as a secretariat uses them: choose the person (the one member who declared in this run)
// and apply with the keyboard, then a date range that leaves nothing; the rows, the count and the CSV follow each.
async function registerFilterCheck(page, chat) {
  const board = chat.declarations.board;
  const want = chat.declarations.first;
  await check(`tab: the ${board} register filters by person and by date, and the CSV follows the filters`, async () => {
    if (!want) throw new Error('chat recorded no declaration to filter');
    const part = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: 'Register of interests' }) });
    const caption = 'Declarations in the register, oldest first';
    const all = await tableRows(page, caption);
    if (all.length !== chat.declarations.entries) throw new Error(`the register view shows ${all.length} rows; chat recorded ${chat.declarations.entries}`);

    await part.getByLabel('Person').selectOption({ label: want.person });
    // Applied from the keyboard: the button is reachable and works without a pointer.
    await part.getByRole('button', { name: 'Apply filters' }).focus();
    await page.keyboard.press('Enter');
    await part.getByText(`Declarations matching the filters: 1 of ${chat.declarations.entries}.`).waitFor({ state: 'visible' });
    const mine = await tableRows(page, caption);
    if (mine.length !== 1 || mine[0][0] !== '#1' || mine[0][2] !== want.item || mine[0][3] !== want.person || mine[0][4] !== 'Pecuniary interest' || mine[0][5] !== want.nature) {
      throw new Error(`the person filter shows ${JSON.stringify(mine)}`);
    }
    const link = part.getByRole('link', { name: 'Download the register (CSV)' });
    const href = await link.getAttribute('href');
    if (!/[?&]person=/.test(href)) throw new Error(`the CSV link ${href} does not carry the person filter`);
    const personRows = await downloadCsv(page, link, 'person');
    if (personRows.length !== 2 || personRows[1][6] !== want.person || personRows[1][0] !== '1') throw new Error(`the person-filtered CSV is ${JSON.stringify(personRows)}`);

    await part.getByLabel('Made on or after').fill('2099-01-01');
    await part.getByRole('button', { name: 'Apply filters' }).click();
    await part.getByText(`Declarations matching the filters: 0 of ${chat.declarations.entries}.`).waitFor({ state: 'visible' });
    if (await page.getByRole('table', { name: caption }).isVisible()) throw new Error('the table still shows rows for a date range with no declarations');
    const noRows = await downloadCsv(page, link, 'dates');
    if (noRows.length !== 1) throw new Error(`the CSV for a date range with no declarations has ${noRows.length - 1} rows`);

    await part.getByRole('button', { name: 'Clear filters' }).click();
    await part.getByText(`Declarations in the register: ${chat.declarations.entries}.`).waitFor({ state: 'visible' });
    return `person ${want.person}: 1 row and a 1-row CSV; from 2099-01-01: 0 rows and a header-only CSV`;
  });
}

async function downloadCsv(page, link, what) {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = path.join(os.tmpdir(), `e2e-tab-register-${what}-${process.pid}.csv`);
  await download.saveAs(file);
  const rows = csv.parse(fs.readFileSync(file, 'utf8'));
  fs.rmSync(file, { force: true });
  return rows;
}

const TEAMS_LIBRARY = fs.readFileSync(path.join(__dirname, 'lib', 'teams-host-mock.js'), 'utf8');
const UNLINKED_CHANNEL = '19:channel-meetings-1@thread.tacv2'; // m365agentsplayground.yml; no test links it
const NOT_LINKED = 'This channel isn\'t linked to a board yet: say "link this to <board>" to the bot in the channel';

// The channel tab's set-up page as Teams shows it: framed by a host page (a stand-in for the Teams client, served by
// the test at the bot's origin, which the page's frame-ancestors allows), with the Teams library answered by
// lib/teams-host-mock.js, so config.js takes its Teams path: the channel and theme from the context, Save registered.
async function openConfig(context, bot, channel, theme, consoleErrors) {
  const page = await context.newPage();
  await keepOffline(page);
  await page.route(`${bot}/tab/lib/teams-js/MicrosoftTeams.min.js`, (route) => route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: TEAMS_LIBRARY }));
  const fragment = new URLSearchParams({ channel, team: 'team-group-1', theme: theme.teamsTheme || (theme.name === 'dark' ? 'dark' : 'default') });
  await page.route(`${bot}/e2e-teams-host`, (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Teams (test host)</title>'
      + '<style>html,body{margin:0;height:100%}iframe{display:block;border:0;width:100%;height:100%}</style></head>'
      + `<body><iframe title="Add a tab" src="/tab/config#${fragment}"></iframe></body></html>`,
  }));
  page.on('console', (m) => {
    // The unlinked channel's answer is a 404 by design (the page shows its sentence); anything else is the page's fault.
    const expected = /status of 404/.test(m.text()) && m.location().url.includes('/tab/api/channel-board') && channel === UNLINKED_CHANNEL;
    if (m.type() === 'error' && !expected && !(/^Failed to load resource/.test(m.text()) && !isLoopback(m.location().url))) consoleErrors.push(`${theme.name} /tab/config: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${theme.name} /tab/config: ${e.message}`));
  await page.goto(`${bot}/e2e-teams-host`, { waitUntil: 'domcontentloaded' });
  const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
  await frame.waitForLoadState('domcontentloaded');
  return { page, frame };
}

async function configPass(context, theme, { bot, shots, chat, timeoutMs, consoleErrors }) {
  const content = theme.name === 'light';
  const linked = chat.channel;
  const { page, frame } = await openConfig(context, bot, linked ? linked.id : UNLINKED_CHANNEL, theme, consoleErrors);
  page.setDefaultTimeout(timeoutMs);
  try {
    const shown = await check(`tab (${theme.name}): /tab/config in a Teams frame shows the channel's board and saves the tab as /tab?board=<board>`, async () => {
      if (!linked) throw new Error('the channel checks linked no channel');
      await frame.getByRole('status').filter({ hasText: `This channel is linked to the ${linked.board}. Select Save to add its tab.` }).waitFor({ state: 'visible' });
      const name = await frame.locator('#board-name').innerText();
      if (name !== linked.board) throw new Error(`the page names ${name}; chat linked the channel to ${linked.board}`);
      const wantTheme = theme.teamsTheme || (theme.name === 'dark' ? 'dark' : 'default');
      const pageTheme = await frame.evaluate(() => document.documentElement.dataset.theme);
      if (pageTheme !== wantTheme) throw new Error(`the page's theme is ${pageTheme}; the Teams context said ${wantTheme}`);
      const host = await frame.evaluate(() => ({ valid: window.__teamsHost.valid, handler: !!window.__teamsHost.saveHandler }));
      if (!host.valid || !host.handler) throw new Error(`Save is not enabled (validity ${host.valid}, save handler ${host.handler})`);
      const saved = await frame.evaluate(() => window.__teamsHost.save());
      const want = `${bot}/tab?board=${encodeURIComponent(linked.board)}`;
      if (saved.failed || saved.config.contentUrl !== want || saved.config.websiteUrl !== want || saved.config.entityId !== 'board') throw new Error(`saved ${JSON.stringify(saved)}; want contentUrl ${want}`);
      await page.screenshot({ path: path.join(shots, `tab-config-${theme.name}.png`), fullPage: true });
      return `contentUrl ${saved.config.contentUrl.slice(bot.length)}`;
    }, () => page.screenshot({ path: path.join(shots, `tab-config-${theme.name}.png`), fullPage: true }));
    if (shown) await axeCheck(frame, theme, 'the channel tab set-up page');

    if (content && linked) {
      await check(`tab: the saved content URL opens the ${linked.board} page`, async () => {
        const tab = await context.newPage();
        await keepOffline(tab);
        try {
          await tab.goto(`${bot}/tab?board=${encodeURIComponent(linked.board)}`, { waitUntil: 'domcontentloaded' });
          await tab.getByRole('heading', { level: 2, name: `Members of the ${linked.board}` }).waitFor({ state: 'visible', timeout: timeoutMs });
        } finally {
          await tab.close();
        }
      });
    }
  } finally {
    await page.close();
  }

  if (!content) return;
  const unlinked = await openConfig(context, bot, UNLINKED_CHANNEL, theme, consoleErrors);
  unlinked.page.setDefaultTimeout(timeoutMs);
  try {
    const said = await check('tab: /tab/config for an unlinked channel says how to link it and offers no Save', async () => {
      await unlinked.frame.getByRole('status').filter({ hasText: NOT_LINKED }).waitFor({ state: 'visible' });
      const host = await unlinked.frame.evaluate(() => ({ valid: window.__teamsHost.valid, handler: !!window.__teamsHost.saveHandler }));
      if (host.valid || host.handler) throw new Error(`Save is enabled for an unlinked channel (validity ${host.valid}, save handler ${host.handler})`);
      if (await unlinked.frame.locator('#chosen').isVisible()) throw new Error('a board is shown for an unlinked channel');
      await unlinked.page.screenshot({ path: path.join(shots, `tab-config-unlinked-${theme.name}.png`), fullPage: true });
    }, () => unlinked.page.screenshot({ path: path.join(shots, `tab-config-unlinked-${theme.name}.png`), fullPage: true }));
    if (said) await axeCheck(unlinked.frame, theme, 'the set-up page for an unlinked channel');
  } finally {
    await unlinked.page.close();
  }
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

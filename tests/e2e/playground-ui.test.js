#!/usr/bin/env node
// Drives the Microsoft 365 Agents Playground web UI in headless Chromium, as a user would:
// opens the personal chat with PartnershipBot, checks the install welcome, types "help" and checks the reply,
// asks a ToR question, answers a declaration card (pressed twice: one register entry), books a meeting, asks for the next meeting, and acts on
// the papers reminder card.
//
// Env: PLAYGROUND (e.g. http://127.0.0.1:56150), CHROMIUM (default /usr/bin/chromium), SHOTS (screenshot dir, default .)
// Output: "ok - name" / "not ok - name: reason" per check, then "N passed, N failed". Exit code 1 on any failure.
// Normally started by run.sh, which also starts the bot and the playground.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const PLAYGROUND = (process.env.PLAYGROUND || 'http://127.0.0.1:56150').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.SHOTS || '.';
const BOT_NAME = process.env.BOT_NAME || 'PartnershipBot';

// Text the bot really sends (src/PartnershipBot.Features/Welcome/WelcomeRoutes.cs):
//   help    -> "Here is what I can do for your partnership board:\n\n- ...\n\nAsk in your own words; ..."
//   welcome -> "Hello! I'm PartnershipBot, the assistant for your partnership board.\n\n" + the help text (personal chat)
const HELP_PHRASE = 'Here is what I can do for your partnership board:';
const WELCOME_PHRASE = "Hello! I'm PartnershipBot, the assistant for your partnership board.";

const HELP_TIMEOUT_MS = 30_000;
const WELCOME_TIMEOUT_MS = 20_000;
const UI_TIMEOUT_MS = 30_000;
// The reminder is sent by the dispatcher's poll, not the turn: allow a few poll intervals.
const REMINDER_TIMEOUT_MS = 30_000;
// A board whose ToR has a meeting cadence and a papers deadline (samples/tor/001).
const MEETINGS_BOARD = 'Richmond Community Safety Partnership Strategy Group';

let passed = 0;
let failed = 0;
function ok(name) { passed++; console.log(`ok - ${name}`); }
function notOk(name, reason) { failed++; console.log(`not ok - ${name}: ${String(reason).split('\n')[0]}`); }
function note(text) { console.log(`# ${text}`); }

function isLoopback(url) {
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
  } catch {
    return false; // data:, blob: etc. have no host: let them through below
  }
}

// All chat messages currently rendered, in document order: [{ author, text }].
// Each message has a header (aria-label "Message header"); bot messages have an author ("Message author"),
// the user's own messages do not. The log panel is not part of this (it has no message headers).
function readMessages() {
  return Array.from(document.querySelectorAll('[aria-label="Message header"]')).map((header) => {
    const message = header.parentElement;
    const author = header.querySelector('[aria-label="Message author"]');
    const body = Array.from(message.children).filter((c) => c !== header).map((c) => c.innerText).join('\n');
    return { author: author ? author.innerText.trim() : null, text: body.trim() };
  });
}

async function main() {
  fs.mkdirSync(SHOTS, { recursive: true });
  const consoleLog = [];
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    // Offline by design: the UI pulls fonts and an animation worklet from an Office CDN; abort everything non-loopback
    // so no DNS lookups happen (the UI falls back to local fonts).
    let aborted = 0;
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(data|blob):/.test(url) || isLoopback(url)) return route.continue();
      aborted++;
      return route.abort();
    });
    page.on('console', (m) => consoleLog.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLog.push(`[pageerror] ${e.message}`));

    const t0 = Date.now();
    // --- check 1: the UI loads and shows the compose box -----------------------------------------------
    const editor = page.locator('[data-lexical-editor="true"]');
    try {
      await page.goto(PLAYGROUND + '/', { waitUntil: 'domcontentloaded' });
      await editor.first().waitFor({ state: 'visible' });
      ok(`playground UI loads with a compose box (${Date.now() - t0} ms)`);
    } catch (e) {
      notOk('playground UI loads with a compose box', e.message);
      await page.screenshot({ path: path.join(SHOTS, 'playground-failure.png'), fullPage: true }).catch(() => {});
      return;
    }

    // --- check 2: opening the personal chat installs the bot -> welcome is shown -------------------------
    try {
      await page.waitForFunction(({ fn, bot, phrase }) => {
        // eslint-disable-next-line no-new-func
        const messages = new Function(`return (${fn})()`)();
        return messages.some((m) => m.author === bot && m.text.includes(phrase));
      }, { fn: readMessages.toString(), bot: BOT_NAME, phrase: WELCOME_PHRASE }, { timeout: WELCOME_TIMEOUT_MS, polling: 200 });
      const count = (await page.evaluate(readMessages)).filter((m) => m.author === BOT_NAME && m.text.includes(WELCOME_PHRASE)).length;
      ok(`welcome from ${BOT_NAME} is shown when the chat opens (${Date.now() - t0} ms)`);
      if (count !== 1) notOk('the welcome is shown once', `shown ${count} times`);
      await page.screenshot({ path: path.join(SHOTS, 'playground-welcome.png') });
    } catch (e) {
      notOk(`welcome from ${BOT_NAME} is shown when the chat opens`, e.message);
    }

    // --- check 3: type "help" -> the help reply is shown -------------------------------------------------
    try {
      const before = (await page.evaluate(readMessages)).length;
      await editor.first().click();
      await page.keyboard.type('help');
      await page.keyboard.press('Enter');
      const sentAt = Date.now();
      // The reply must come after the user's own "help" message, from the bot, and be the help text
      // (not a late welcome, which also contains the help text).
      await page.waitForFunction(({ fn, bot, help, welcome, before }) => {
        const messages = new Function(`return (${fn})()`)().slice(before);
        const asked = messages.findIndex((m) => m.author === null && m.text === 'help');
        return asked >= 0 && messages.slice(asked + 1)
          .some((m) => m.author === bot && m.text.includes(help) && !m.text.includes(welcome));
      }, { fn: readMessages.toString(), bot: BOT_NAME, help: HELP_PHRASE, welcome: WELCOME_PHRASE, before },
      { timeout: HELP_TIMEOUT_MS, polling: 100 });
      const elapsed = Date.now() - sentAt;
      // and it is visible to the user (the last bot paragraph with the phrase is on screen)
      const bubble = page.getByRole('paragraph').filter({ hasText: HELP_PHRASE }).last();
      await bubble.scrollIntoViewIfNeeded();
      await bubble.waitFor({ state: 'visible', timeout: 5_000 });
      await page.screenshot({ path: path.join(SHOTS, 'playground-help.png') });
      ok(`"help" gets the help reply "${HELP_PHRASE}" (${elapsed} ms)`);
    } catch (e) {
      notOk('"help" gets the help reply', e.message);
      await page.screenshot({ path: path.join(SHOTS, 'playground-help.png') }).catch(() => {});
      const messages = await page.evaluate(readMessages).catch(() => []);
      for (const m of messages.slice(-4)) note(`${m.author ?? 'me'}: ${m.text.slice(0, 120).replace(/\n/g, ' | ')}`);
    }
    // --- check 4: a Terms of Reference question is answered with its clause, as a member would ask it ----
    try {
      const question = 'who chairs the Thurrock Community Safety Partnership Strategic Board?';
      const answer = 'The chair will be the local Police Superintendent for Partnerships.';
      await editor.first().click();
      await page.keyboard.type(question);
      await page.keyboard.press('Enter');
      const sentAt = Date.now();
      const quote = page.getByText(answer).last();
      await quote.waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      await quote.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'playground-tor-answer.png') });
      ok(`a ToR question is answered with the quoted clause (${Date.now() - sentAt} ms)`);
    } catch (e) {
      notOk('a ToR question is answered with the quoted clause', e.message);
      await page.screenshot({ path: path.join(SHOTS, 'playground-tor-answer.png') }).catch(() => {});
    }

    // --- check 5: a member answers a declaration card and gets the receipt ----------------------------------
    try {
      const send = async (text) => {
        await editor.first().click();
        await page.keyboard.type(text);
        await page.keyboard.press('Enter');
      };
      await send('link this to Thurrock Community Safety Partnership Strategic Board');
      await page.getByText('This conversation is now linked to the').last().waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      // Only the board's members may declare: record the Playground user (the personal chat's roster) as one first.
      await send('import all members');
      await page.getByText('Imported 1 members of the').last().waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      await send('open declarations for Allocate the Safer Communities Fund');
      // Two cards arrive in this chat: the reply posted here, then (from the dispatcher's next poll) the member's own
      // card in their 1:1 chat with the bot, which in the Playground is this same chat. A lazy `.last()` would jump
      // from the first to the second while the form is being filled, so wait for both and pin the member's card.
      await page.getByText('Sending the card to 1 members in their chats with me too.').last().waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      const cards = page.locator('.ac-adaptiveCard').filter({ hasText: 'Declaration of interests' });
      await cards.nth(1).waitFor({ state: 'visible', timeout: REMINDER_TIMEOUT_MS });
      const card = cards.nth(1);
      await card.getByText('Yes: a financial (pecuniary) interest').click();
      await card.getByPlaceholder('e.g. my organisation has applied for this fund').fill('My charity has applied to this fund');
      const submittedAt = Date.now();
      // Pressed twice, as an impatient member does: both presses reach the bot before the card is replaced, and
      // the register must keep one entry (the receipt names entry #1, the first and only one of this fresh run).
      await card.getByRole('button', { name: 'Submit declaration' }).dblclick();
      const receipt = page.locator('.ac-adaptiveCard').filter({ hasText: 'Declaration recorded' }).last();
      await receipt.waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      await receipt.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'playground-declaration.png') });
      ok(`a declaration card is answered and the receipt shown (${Date.now() - submittedAt} ms)`);
      // Give a second press time to land, then check every receipt shown names the one entry.
      await page.waitForTimeout(1_500);
      const receipts = await page.locator('.ac-adaptiveCard').filter({ hasText: 'Declaration recorded' }).allInnerTexts();
      if (receipts.some((text) => /#\d+ at/.test(text) && !/#1 at/.test(text))) {
        notOk('a double-pressed declaration is one register entry', receipts.map((t) => (t.match(/#\d+ at/) || ['?'])[0]).join(', '));
      } else if (!receipts.some((text) => /#1 at/.test(text))) {
        notOk('a double-pressed declaration is one register entry', 'no receipt names register entry #1');
      } else {
        ok('a double-pressed declaration is one register entry (#1)');
      }
    } catch (e) {
      notOk('a declaration card is answered and the receipt shown', e.message);
      await page.screenshot({ path: path.join(SHOTS, 'playground-declaration.png') }).catch(() => {});
    }

    // --- checks 6-9: a meeting booked from chat, the next meeting answered, the papers reminder acted on ----------
    // Richmond's ToR has a cadence and a papers deadline; the Playground user is an admin in local mode.
    const send = async (text) => {
      await editor.first().click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    };
    let booked = false;
    try {
      await send(`link this to ${MEETINGS_BOARD}`);
      await page.getByText(`This conversation is now linked to the ${MEETINGS_BOARD}`).last().waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      await send('schedule the next 1 meetings');
      const proposal = page.locator('.ac-adaptiveCard').filter({ has: page.getByRole('button', { name: 'Book these meetings' }) }).last();
      await proposal.waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      const clickedAt = Date.now();
      await proposal.getByRole('button', { name: 'Book these meetings' }).click();
      const done = page.locator('.ac-adaptiveCard').filter({ hasText: `Booked 1 meeting(s): ${MEETINGS_BOARD}` }).last();
      await done.waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      await done.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'playground-meeting-booked.png') });
      booked = true;
      ok(`"schedule the next 1 meetings" proposes a meeting and "Book these meetings" shows the booked card (${Date.now() - clickedAt} ms)`);
    } catch (e) {
      notOk('a meeting is proposed and booked from chat', e.message);
      await page.screenshot({ path: path.join(SHOTS, 'playground-meeting-booked.png') }).catch(() => {});
    }

    try {
      if (!booked) throw new Error('no meeting was booked');
      await send('when is the next meeting?');
      const sentAt = Date.now();
      const answer = page.getByText(`The next meeting of the ${MEETINGS_BOARD} is on`).last();
      await answer.waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      await answer.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'playground-next-meeting.png') });
      ok(`"when is the next meeting?" is answered with the booked meeting (${Date.now() - sentAt} ms)`);
    } catch (e) {
      notOk('"when is the next meeting?" is answered', e.message);
      await page.screenshot({ path: path.join(SHOTS, 'playground-next-meeting.png') }).catch(() => {});
    }

    let reminder = null;
    try {
      if (!booked) throw new Error('no meeting was booked');
      await send('remind everyone about papers for the next meeting');
      const sentAt = Date.now();
      await page.getByText('Sending the papers reminder for the meeting on').last().waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      // The card comes from the reminder dispatcher's next poll (run.sh sets a short Reminders:PollInterval).
      reminder = page.locator('.ac-adaptiveCard').filter({ hasText: 'Papers due' }).filter({ has: page.getByRole('button', { name: 'Paper submitted' }) }).last();
      await reminder.waitFor({ state: 'visible', timeout: REMINDER_TIMEOUT_MS });
      await reminder.scrollIntoViewIfNeeded();
      for (const button of ['I need more time', 'Send apologies', 'Remind me tomorrow']) {
        await reminder.getByRole('button', { name: button }).waitFor({ state: 'visible', timeout: 5_000 });
      }
      await page.screenshot({ path: path.join(SHOTS, 'playground-papers-reminder.png') });
      ok(`the papers reminder sent now arrives as a card with its four buttons (${Date.now() - sentAt} ms)`);
    } catch (e) {
      reminder = null;
      notOk('the papers reminder sent now arrives as a card', e.message);
      await page.screenshot({ path: path.join(SHOTS, 'playground-papers-reminder.png') }).catch(() => {});
    }

    try {
      if (!reminder) throw new Error('no reminder card to act on');
      const clickedAt = Date.now();
      await reminder.getByRole('button', { name: 'Paper submitted' }).click();
      // The invoke response replaces the card in place: it now says who submitted and when, and the button is gone.
      const updated = page.locator('.ac-adaptiveCard').filter({ hasText: /Paper submitted by .+ at \d\d:\d\d on / }).last();
      await updated.waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      await updated.scrollIntoViewIfNeeded();
      if (await updated.getByRole('button', { name: 'Paper submitted' }).count() !== 0) throw new Error('the updated card still offers "Paper submitted"');
      await page.screenshot({ path: path.join(SHOTS, 'playground-paper-submitted.png') });
      ok(`"Paper submitted" updates the reminder card to say who submitted and when (${Date.now() - clickedAt} ms)`);
    } catch (e) {
      notOk('"Paper submitted" updates the reminder card', e.message);
      await page.screenshot({ path: path.join(SHOTS, 'playground-paper-submitted.png') }).catch(() => {});
    }

    note(`aborted ${aborted} non-loopback request(s)`);
  } finally {
    fs.writeFileSync(path.join(SHOTS, 'browser-console.log'), consoleLog.join('\n') + '\n');
    await browser.close();
  }
}

main()
  .catch((e) => notOk('ui test harness', e && e.stack ? e.stack : e))
  .finally(() => {
    console.log(`${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
  });

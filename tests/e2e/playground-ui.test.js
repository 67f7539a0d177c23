#!/usr/bin/env node
// Drives the Microsoft 365 Agents Playground web UI in headless Chromium, as a user would:
// opens the personal chat with PartnershipBot, checks the install welcome, types "help" and checks the reply,
// asks a ToR question, answers a declaration card (pressed twice: one register entry, by the receipt and by the
// `declarations export` verb), makes the user chair and asks who the chair is, books a meeting, asks for the next
// meeting, presses every papers-reminder button as Action.Execute on one board's card and as Action.Submit on
// another's (playground-reminder-buttons.js), posts twice in a team channel (playground-channel.js), and then opens
// the secretariat tab of the same host in local mode and checks it against what chat showed (tab-ui.js).
//
// Env: PLAYGROUND (e.g. http://127.0.0.1:56150), BOT (the bot's base URL, for /tab), BOT_DLL and BOT_DATA (the built
// bot and its data directory, for the verbs), CHROMIUM (default /usr/bin/chromium), SHOTS (Playground screenshots,
// default .), TAB_SHOTS (tab screenshots, default SHOTS).
// Output: "ok - name" / "not ok - name: reason" per check, then "N passed, N failed". Exit code 1 on any failure.
// Normally started by run.sh, which also starts the bot and the playground.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { counts, ok, notOk, note, check } = require('./lib/report');
const { launch, keepOffline } = require('./lib/browser');
const conversationStream = require('./lib/conversation-stream');
const cli = require('./lib/bot-cli');
const { pressEveryButton, pressRecorder } = require('./playground-reminder-buttons');
const { channelChecks } = require('./playground-channel');
const { tabChecks } = require('./tab-ui');

const PLAYGROUND = (process.env.PLAYGROUND || 'http://127.0.0.1:56150').replace(/\/+$/, '');
const BOT = (process.env.BOT || '').replace(/\/+$/, '');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.SHOTS || '.';
const TAB_SHOTS = process.env.TAB_SHOTS || SHOTS;
const BOT_NAME = process.env.BOT_NAME || 'PartnershipBot';
const PERSON = 'Tess Tester'; // the Playground's current user (m365agentsplayground.yml)

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
// A board whose ToR has a meeting cadence and a papers deadline (samples/tor/001): its reminder is pressed as Execute.
const MEETINGS_BOARD = 'Richmond Community Safety Partnership Strategy Group';
// Another such board (monthly, papers a week ahead, no late reports): its reminder is pressed as Submit.
const SUBMIT_BOARD = 'Peterborough Community Cohesion Strategy and Performance Management Board';
const DECLARATIONS_BOARD = 'Thurrock Community Safety Partnership Strategic Board';

// What chat showed in this run, for the tab to agree with.
const chat = {
  boards: [],
  chair: { board: DECLARATIONS_BOARD, name: null },
  members: { board: DECLARATIONS_BOARD, names: [] },
  meetings: [],
  declarations: { board: DECLARATIONS_BOARD, entries: 0, first: null },
  channel: null,
};

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

// "Tuesday 8 December 2026" from a chat answer's "... is on Tuesday 8 December 2026, 10:00 ...".
function longDateIn(text) {
  const found = /\b((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} [A-Z][a-z]+ \d{4})\b/.exec(text);
  if (!found) throw new Error(`no date in "${text.slice(0, 120)}"`);
  return found[1];
}

async function main() {
  fs.mkdirSync(SHOTS, { recursive: true });
  const consoleLog = [];
  const browser = await launch(CHROMIUM);
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    // Offline by design: the UI pulls fonts and an animation worklet from an Office CDN (it falls back to local fonts).
    const aborted = await keepOffline(page);
    const stream = await conversationStream.install(page);
    const presses = pressRecorder(page);
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
      // The boards the bot knows, as the welcome lists them (the tab must list the same in local mode).
      const welcome = stream.messages.find((m) => m.conversationId === 'a:personal-chat-1' && m.text.includes(WELCOME_PHRASE));
      const known = welcome && /The \d+ boards I know: (.+?)\.\s*\n/.exec(welcome.text);
      chat.boards = known ? known[1].split('; ') : [];
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
      const imported = stream.messages.map((m) => /^Imported \d+ members of the \*\*(.+?)\*\*: (.+?)\.\s*$/m.exec(m.text)).filter(Boolean).pop();
      if (imported && imported[1] === DECLARATIONS_BOARD) chat.members.names = imported[2].split(', ');
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
      const pressesBefore = presses.length;
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
      } else if (presses.length - pressesBefore < 2) {
        notOk('a double-pressed declaration is one register entry', `the double click sent ${presses.length - pressesBefore} press(es) to the bot, not 2`);
      } else {
        ok(`a double-pressed declaration is one register entry (#1; ${presses.length - pressesBefore} presses reached the bot)`);
        chat.declarations = { board: DECLARATIONS_BOARD, entries: 1, first: { item: 'Allocate the Safer Communities Fund', person: PERSON, interest: 'pecuniary', nature: 'My charity has applied to this fund' } };
      }
      await check('the register holds one entry for the double-pressed declaration, by the "declarations export" verb', async () => {
        const rows = (await cli.exportRegister('Thurrock', path.join(os.tmpdir(), `e2e-export-${process.pid}.csv`))).trim().split(/\r?\n/).slice(1);
        if (rows.length !== 1) throw new Error(`the export has ${rows.length} entries`);
        if (!rows[0].startsWith('1,') || !rows[0].includes(PERSON) || !rows[0].includes('My charity has applied to this fund')) throw new Error(`the entry is ${rows[0]}`);
        return 'exported with --board Thurrock, a unique prefix';
      });
    } catch (e) {
      notOk('a declaration card is answered and the receipt shown', e.message);
      await page.screenshot({ path: path.join(SHOTS, 'playground-declaration.png') }).catch(() => {});
    }

    const send = async (text) => {
      await editor.first().click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    };

    // --- the chair, recorded from chat (the personal chat is still linked to Thurrock) --------------------------
    await check('"make me the chair" records the user and "who is the chair?" names them', async () => {
      await send('make me the chair');
      await page.getByText(`${PERSON} is now the chair of the`).last().waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      await send('who is the chair?');
      const named = page.getByText(`Currently the chair: ${PERSON}`).last();
      await named.waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      await named.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'playground-chair.png') });
      chat.chair.name = PERSON;
    }, () => page.screenshot({ path: path.join(SHOTS, 'playground-chair.png') }));

    // --- a meeting booked from chat, the next meeting answered ----------------------------------------------------
    // Both boards' ToRs have a cadence and a papers deadline; the Playground user is an admin in local mode.
    const book = async (board) => {
      await send(`link this to ${board}`);
      await page.getByText(`This conversation is now linked to the ${board}`).last().waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      await send('schedule the next 1 meetings');
      const proposal = page.locator('.ac-adaptiveCard').filter({ hasText: board }).filter({ has: page.getByRole('button', { name: 'Book these meetings' }) }).last();
      await proposal.waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      const clickedAt = Date.now();
      await proposal.getByRole('button', { name: 'Book these meetings' }).click();
      const done = page.locator('.ac-adaptiveCard').filter({ hasText: `Booked 1 meeting(s): ${board}` }).last();
      await done.waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      await done.scrollIntoViewIfNeeded();
      return Date.now() - clickedAt;
    };
    const nextMeeting = async (board) => {
      await send('when is the next meeting?');
      const answer = page.getByText(`The next meeting of the ${board} is on`).last();
      await answer.waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      await answer.scrollIntoViewIfNeeded();
      const meeting = { board, date: longDateIn(await answer.innerText()), apologies: [] };
      chat.meetings.push(meeting);
      return meeting;
    };
    // The papers reminder, asked for now; the card comes from the dispatcher's next poll (run.sh sets a short
    // Reminders:PollInterval). Resolves to a locator that finds the card before and after each redraw.
    // Two reminder cards can arrive in this chat (the board's copy, then from a later poll a personal one, which in
    // the Playground lands in this same chat): pin the first new one, as a lazy `.last()` would jump between them.
    const remind = async (board) => {
      const cards = page.locator('.ac-adaptiveCard').filter({ hasText: 'Papers due' }).filter({ hasText: board });
      const before = await cards.count();
      await send('remind everyone about papers for the next meeting');
      await page.getByText('Sending the papers reminder for the meeting on').last().waitFor({ state: 'visible', timeout: HELP_TIMEOUT_MS });
      const card = cards.nth(before);
      await card.getByRole('button', { name: 'Paper submitted' }).waitFor({ state: 'visible', timeout: REMINDER_TIMEOUT_MS });
      await card.scrollIntoViewIfNeeded();
      for (const button of ['I need more time', 'Send apologies', 'Remind me tomorrow']) {
        await card.getByRole('button', { name: button }).waitFor({ state: 'visible', timeout: 5_000 });
      }
      return card;
    };

    const booked = await check('"schedule the next 1 meetings" proposes a meeting and "Book these meetings" shows the booked card', async () => {
      const ms = await book(MEETINGS_BOARD);
      await page.screenshot({ path: path.join(SHOTS, 'playground-meeting-booked.png') });
      return `${ms} ms`;
    }, () => page.screenshot({ path: path.join(SHOTS, 'playground-meeting-booked.png') }));

    let richmond = null;
    await check('"when is the next meeting?" is answered with the booked meeting', async () => {
      if (!booked) throw new Error('no meeting was booked');
      richmond = await nextMeeting(MEETINGS_BOARD);
      await page.screenshot({ path: path.join(SHOTS, 'playground-next-meeting.png') });
      return richmond.date;
    }, () => page.screenshot({ path: path.join(SHOTS, 'playground-next-meeting.png') }));

    // --- every reminder button as Action.Execute (this board) and as Action.Submit (the next) ----------------------
    let reminder = null;
    await check('the papers reminder sent now arrives as a card with its four buttons', async () => {
      if (!booked) throw new Error('no meeting was booked');
      const sentAt = Date.now();
      reminder = await remind(MEETINGS_BOARD);
      await page.screenshot({ path: path.join(SHOTS, 'playground-papers-reminder.png') });
      return `${Date.now() - sentAt} ms`;
    }, () => page.screenshot({ path: path.join(SHOTS, 'playground-papers-reminder.png') }));
    if (reminder && await pressEveryButton(page, reminder, 'Execute', { shots: SHOTS, timeoutMs: HELP_TIMEOUT_MS, presses, board: MEETINGS_BOARD }) && richmond) {
      richmond.apologies.push(PERSON);
    }

    let peterborough = null;
    let submitCard = null;
    await check(`a host without Universal Actions gets the ${SUBMIT_BOARD} reminder with Action.Submit buttons`, async () => {
      await book(SUBMIT_BOARD);
      peterborough = await nextMeeting(SUBMIT_BOARD);
      const swappedBefore = stream.swapped;
      stream.universalActions = false;
      submitCard = await remind(SUBMIT_BOARD);
      if (stream.swapped - swappedBefore < 4) throw new Error(`only ${stream.swapped - swappedBefore} Action.Execute buttons were shown as their Submit fallback`);
      return `${stream.swapped - swappedBefore} buttons shown as Action.Submit`;
    }, () => page.screenshot({ path: path.join(SHOTS, 'playground-reminder-submit.png') }));
    if (submitCard && await pressEveryButton(page, submitCard, 'Submit', { shots: SHOTS, timeoutMs: HELP_TIMEOUT_MS, presses, board: SUBMIT_BOARD }) && peterborough) {
      peterborough.apologies.push(PERSON);
    }
    stream.universalActions = true;

    // --- a team channel: link in one post, ask in another -----------------------------------------------------------
    chat.channel = await channelChecks(page, stream, { shots: SHOTS, timeoutMs: HELP_TIMEOUT_MS, board: MEETINGS_BOARD });

    note(`aborted ${aborted()} non-loopback request(s) from the Playground page`);

    // --- the secretariat tab on the same host ---------------------------------------------------------------------
    if (!BOT) {
      notOk('the secretariat tab', 'BOT (the bot\'s base URL) is not set');
    } else {
      await tabChecks(browser, { bot: BOT, shots: TAB_SHOTS, chat, timeoutMs: UI_TIMEOUT_MS });
    }
  } finally {
    fs.writeFileSync(path.join(SHOTS, 'browser-console.log'), consoleLog.join('\n') + '\n');
    await browser.close();
  }
}

main()
  .catch((e) => notOk('ui test harness', e && e.stack ? e.stack : e))
  .finally(() => {
    console.log(`${counts.passed} passed, ${counts.failed} failed`);
    process.exitCode = counts.failed > 0 || counts.passed === 0 ? 1 : 0;
  });

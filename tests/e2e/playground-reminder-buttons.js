// Every button of the papers reminder card (src/PartnershipBot.Features/Reminders/ReminderCards.cs: "Paper
// submitted", "I need more time", "Send apologies", "Remind me tomorrow"), pressed in the Playground UI on a card for
// one board. How the press travels depends on the host (lib/conversation-stream.js): Action.Execute reaches the bot as
// an adaptiveCard/action invoke, its Action.Submit fallback as a message with the data. Each press must be recorded
// and the card redrawn saying so, never "This card is out of date". Each button then goes, except "Remind me
// tomorrow", which may be pressed again until the paper is in; so "Paper submitted" goes last and leaves no button.
'use strict';

const path = require('node:path');
const { check } = require('./lib/report');

const PERSON = 'Tess Tester';
const BUTTONS = [
  { title: 'Remind me tomorrow', shows: `I'll remind ${PERSON} again at 09:00 on `, staysOffered: true },
  { title: 'I need more time', shows: `${PERSON} asked for more time at ` },
  { title: 'Send apologies', shows: `Apologies from ${PERSON} for the meeting on ` },
  { title: 'Paper submitted', shows: `Paper submitted by ${PERSON} at ` },
];
const OUT_OF_DATE = 'This card is out of date';

// The Playground UI's own calls to its server for a press: /_conversation/v1/invoke or /_conversation/v1/submit.
function pressRecorder(page) {
  const seen = [];
  page.on('request', (request) => {
    const match = /\/_conversation\/v1\/(invoke|submit)$/.exec(new URL(request.url()).pathname);
    if (request.method() === 'POST' && match) seen.push(match[1]);
  });
  return seen;
}

// Presses every button of `card` (a locator that finds the board's reminder card, before and after each redraw), the
// way `how` says ('Execute' or 'Submit'); one check per button.
async function pressEveryButton(page, card, how, { shots, timeoutMs, presses, board }) {
  const expected = how === 'Execute' ? 'invoke' : 'submit';
  let all = true;
  for (const button of BUTTONS) {
    all = await check(`"${button.title}" pressed as Action.${how} on the ${board} reminder is recorded on the card`, async () => {
      const before = presses.length;
      const pressedAt = Date.now();
      await card.getByRole('button', { name: button.title, exact: true }).click();
      await card.filter({ hasText: button.shows }).waitFor({ state: 'visible', timeout: timeoutMs });
      const sent = presses.slice(before);
      if (!sent.includes(expected)) throw new Error(`the Playground sent ${sent.join(', ') || 'nothing'}, not ${expected}`);
      if (sent.some((kind) => kind !== expected)) throw new Error(`the press also went as ${sent.join(', ')}`);
      const offered = await card.getByRole('button', { name: button.title, exact: true }).count();
      if (!button.staysOffered && offered !== 0) throw new Error(`the redrawn card still offers "${button.title}"`);
      if (button.staysOffered && offered !== 1) throw new Error(`the redrawn card no longer offers "${button.title}", which may be pressed again`);
      if (await page.getByText(OUT_OF_DATE).count() !== 0) throw new Error(`the bot answered "${OUT_OF_DATE}"`);
      return `${Date.now() - pressedAt} ms`;
    }) && all;
  }
  all = await check(`after every button was pressed as Action.${how}, the ${board} reminder offers none`, async () => {
    const left = await card.getByRole('button').allInnerTexts();
    if (left.length !== 0) throw new Error(`it still offers ${left.join(', ')}`);
  }) && all;
  await card.scrollIntoViewIfNeeded().catch(() => {});
  await page.screenshot({ path: path.join(shots, `playground-reminder-${how.toLowerCase()}.png`) }).catch(() => {});
  return all;
}

module.exports = { pressEveryButton, pressRecorder, BUTTONS };

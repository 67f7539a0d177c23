// A team channel, as the Playground shows it: each new post is its own conversation
// ("19:…@thread.tacv2;messageid=<post>"), and the bot only hears posts that @mention it. One post links the
// channel to a board; a second, new post asks "who is the chair?" and must get that board's answer (the same
// citations as the `ask` verb gives), not "Which board do you mean?" (issue 17, item 1).
'use strict';

const path = require('node:path');
const { check } = require('./lib/report');
const cli = require('./lib/bot-cli');

const BOT_NAME = 'PartnershipBot';
const CHANNEL = 'Partnership Board - General';
const TEAM_ID = '19:team-general-1@thread.tacv2'; // General's id is the team's (m365agentsplayground.yml)

// Starts a new post that @mentions the bot, as a person does: "@Partner", pick the bot from the typeahead, the text, Post.
async function post(page, text) {
  const box = page.locator('[data-lexical-editor="true"]').first();
  await box.click();
  await page.keyboard.type('@Partner');
  await page.getByRole('listbox', { name: 'Typeahead menu' }).getByText(BOT_NAME, { exact: true }).click();
  await page.keyboard.type(` ${text}`);
  await page.getByRole('button', { name: 'Post', exact: true }).click();
}

// The bot's reply in a thread of the channel containing `text`, among the stream's messages from index `since` on
// (the conversation stream is where the thread's id is visible).
async function replyIn(stream, since, text, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = stream.messages.slice(since).find((m) => m.action === 'createMessage' && (m.conversationId || '').startsWith(TEAM_ID) && m.text.includes(text));
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no reply containing "${text}" within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function channelChecks(page, stream, { shots, timeoutMs, board }) {
  let linkedIn = null;
  const opened = await check(`a channel post "@${BOT_NAME} link this to ${board}" links the channel`, async () => {
    await page.getByRole('treeitem', { name: CHANNEL }).click();
    await page.getByText('Start a new post').first().waitFor({ state: 'visible', timeout: timeoutMs });
    const since = stream.messages.length;
    await post(page, `link this to ${board}`);
    const reply = await replyIn(stream, since, `This conversation is now linked to the **${board}**`, timeoutMs);
    if (!reply.conversationId.startsWith(`${TEAM_ID};messageid=`)) throw new Error(`the reply went to ${reply.conversationId}, not a thread of the channel`);
    await page.getByText(`This conversation is now linked to the`).last().waitFor({ state: 'visible', timeout: timeoutMs });
    linkedIn = reply.conversationId;
    return reply.conversationId;
  });

  await check(`a new post in the same channel asking "who is the chair?" gets the ${board} answer`, async () => {
    if (!opened) throw new Error('the channel was not linked');
    const expected = await cli.ask(board, 'who is the chair?');
    if (!expected.answered || expected.citations.length === 0) throw new Error(`the ask verb gives no cited answer: ${expected.answer}`);
    const since = stream.messages.length;
    await post(page, 'who is the chair?');
    const lead = expected.answer.split('\n')[0];
    const reply = await replyIn(stream, since, lead, timeoutMs).catch(async (e) => {
      const asked = stream.messages.slice(since).filter((m) => m.conversationId && m.conversationId !== linkedIn && m.conversationId.startsWith(TEAM_ID)).pop();
      throw new Error(asked ? `the reply was "${asked.text.slice(0, 100)}"` : e.message);
    });
    if (reply.conversationId === linkedIn) throw new Error(`the question's reply went to the first post's thread ${linkedIn}`);
    if (!reply.conversationId.startsWith(`${TEAM_ID};messageid=`)) throw new Error(`the reply went to ${reply.conversationId}`);
    if (reply.text.includes('Which board do you mean')) throw new Error('the bot asked which board');
    for (const citation of expected.citations) {
      if (!reply.text.includes(citation.text)) throw new Error(`the reply does not quote "${citation.text}" (${citation.section}) as ask does`);
    }
    const shown = page.getByText(expected.citations[0].text).last();
    await shown.waitFor({ state: 'visible', timeout: timeoutMs });
    await shown.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'playground-channel.png') });
    return `thread ${reply.conversationId.split(';')[1]}, the link was made in ${linkedIn.split(';')[1]}`;
  }, () => page.screenshot({ path: path.join(shots, 'playground-channel.png') }));
  // The channel chat linked, for the tab's set-up page to find (tab-ui.js); null when the link failed.
  return opened ? { id: TEAM_ID, board } : null;
}

module.exports = { channelChecks };

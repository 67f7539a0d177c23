// The Playground UI's conversation WebSocket, seen from the test: it records which conversation each bot message went
// to (a channel post's thread id is only visible here), and lets one page act as two kinds of Teams host. The Playground renders Action.Execute (Universal
// Actions) and sends it as an adaptiveCard/action invoke. A host without Universal Actions uses each Execute's
// Action.Submit fallback instead, which reaches the bot as a message carrying the data. The Playground cannot be told
// to do that, so with `universalActions` off this rewrites the bot's cards on their way from the Playground's server
// to its UI (the conversation WebSocket), swapping every Execute that has a Submit fallback for the fallback, as such a
// host would. The bot and the Playground's server are untouched: the UI really sends Action.Submit.
'use strict';

const CARD = 'application/vnd.microsoft.card.adaptive';

// Replaces, anywhere in a card, an Action.Execute with its Action.Submit fallback. Returns how many were replaced.
function useFallbacks(node) {
  let swapped = 0;
  const visit = (value) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (item && item.type === 'Action.Execute' && item.fallback && item.fallback.type === 'Action.Submit') {
          value[i] = item.fallback;
          swapped++;
        }
        visit(value[i]);
      }
    } else if (value && typeof value === 'object') {
      for (const key of Object.keys(value)) visit(value[key]);
    }
  };
  visit(node);
  return swapped;
}

function rewrite(frame, host) {
  if (typeof frame !== 'string') return frame;
  let parsed;
  try {
    parsed = JSON.parse(frame);
  } catch {
    return frame;
  }
  if (parsed && parsed.message) {
    host.messages.push({ action: parsed.action, conversationId: parsed.actionConversationId, text: parsed.message.text || '' });
  }
  if (host.universalActions || !frame.includes(CARD)) return frame;
  const attachments = parsed && parsed.message && parsed.message.attachments;
  if (!Array.isArray(attachments)) return frame;
  for (const attachment of attachments) {
    if (attachment.contentType === CARD && attachment.content && typeof attachment.content === 'object') {
      host.swapped += useFallbacks(attachment.content);
    }
  }
  return JSON.stringify(parsed);
}

// Call before the page loads. Returns { universalActions: true, swapped: 0, messages: [] }: `messages` gets
// { action, conversationId, text } for every message pushed to the UI; set universalActions = false to make cards that
// arrive from then on (new ones and updates) offer Action.Submit.
async function install(page) {
  const host = { universalActions: true, swapped: 0, messages: [] };
  await page.routeWebSocket(/\/_ws_conversation\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => ws.send(rewrite(message, host)));
    ws.onMessage((message) => server.send(message));
    ws.onClose((code, reason) => server.close({ code, reason }));
    server.onClose((code, reason) => ws.close({ code, reason }));
  });
  return host;
}

module.exports = { install, useFallbacks };

// The bot's own command-line verbs, run against the running bot's data directory, so a check can compare what chat
// (or the tab) shows with what the verb says: `ask --json` for a board's answer, `declarations export` for the
// register. Both only read the store, which the running bot keeps open (SQLite in WAL mode allows that).
'use strict';

const { execFile } = require('node:child_process');

const BOT_DLL = process.env.BOT_DLL || '';
const BOT_DATA = process.env.BOT_DATA || '';

function verb(args, timeoutMs = 60_000) {
  if (!BOT_DLL || !BOT_DATA) return Promise.reject(new Error('BOT_DLL and BOT_DATA must be set (run.sh sets them)'));
  return new Promise((resolve, reject) => {
    execFile('dotnet', [BOT_DLL, ...args], { timeout: timeoutMs, env: { ...process.env, DOTNET_NOLOGO: '1' } }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code: error ? error.code : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

// `ask --board NAME --json "question"`: {question, answered, answer, board, citations: [{section, text}]}.
async function ask(board, question) {
  const run = await verb(['ask', '--board', board, '--data', BOT_DATA, '--json', question]);
  if (run.code !== 0) throw new Error(`ask exited ${run.code}: ${run.stderr.trim() || run.stdout.trim()}`);
  return JSON.parse(run.stdout.trim().split('\n').pop());
}

// `declarations export --board NAME --out FILE`: the register as CSV, read back as text.
async function exportRegister(board, outFile) {
  const run = await verb(['declarations', 'export', '--board', board, '--data', BOT_DATA, '--out', outFile]);
  if (run.code !== 0) throw new Error(`declarations export exited ${run.code}: ${run.stderr.trim() || run.stdout.trim()}`);
  return require('node:fs').readFileSync(outFile, 'utf8');
}

module.exports = { ask, exportRegister };

// The suite's TAP-like output: "ok - name" / "not ok - name: reason" per check, "# note" lines, and the closing
// "N passed, N failed" that run.sh reads. Shared by every part of the suite so the counts are one tally.
'use strict';

const counts = { passed: 0, failed: 0 };

function ok(name) { counts.passed++; console.log(`ok - ${name}`); }
function notOk(name, reason) { counts.failed++; console.log(`not ok - ${name}: ${String(reason).split('\n')[0]}`); }
function note(text) { console.log(`# ${text}`); }

// Runs one check: ok when `body` resolves, not ok with the error's first line when it throws (then `onFailure`,
// e.g. a screenshot of the failed state). Returns whether it passed, so later checks can depend on it.
async function check(name, body, onFailure) {
  try {
    const detail = await body();
    ok(detail ? `${name} (${detail})` : name);
    return true;
  } catch (e) {
    notOk(name, e && e.message ? e.message : e);
    if (onFailure) await onFailure().catch(() => {});
    return false;
  }
}

module.exports = { counts, ok, notOk, note, check };

#!/usr/bin/env node
// Validates what the bot emits against the official schemas (copied into the repo) and, for cards,
// the official Adaptive Cards renderer's parser.
//   node validate.js manifest MANIFEST.json SCHEMA.json
//   node validate.js cards CARD_DIR SCHEMA.json      (every *.json in CARD_DIR)
// Prints one line per file and a final "N passed, N failed"; exits 1 on any failure.
'use strict';
const fs = require('fs');
const path = require('path');

const [mode, target, schemaPath] = process.argv.slice(2);
if (!['manifest', 'cards'].includes(mode) || !target || !schemaPath) {
  console.error('usage: node validate.js manifest|cards TARGET SCHEMA');
  process.exit(2);
}
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const schema = readJson(schemaPath);
const results = [];

function report(name, errors) {
  results.push(errors.length === 0);
  console.log(`${errors.length === 0 ? 'ok  ' : 'FAIL'} ${name}${errors.length ? '\n  - ' + errors.join('\n  - ') : ''}`);
}

const describeAjv = (errs) => (errs || []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);

if (mode === 'manifest') {
  // The Teams manifest schema says draft-04 but relies on draft-06 `const` (manifestVersion); Ajv's
  // draft-04 build still enforces `const`, which is what we want.
  const Ajv04 = require('ajv-draft-04');
  const ajv = new Ajv04({ strict: false, allErrors: true });
  require('ajv-formats')(ajv);
  const validate = ajv.compile(schema);
  report(path.basename(target), validate(readJson(target)) ? [] : describeAjv(validate.errors));
} else {
  // The Adaptive Card schema is draft-06 and uses `id`; it forbids unknown root properties, so the
  // Teams-only `msteams` property is removed before schema validation (docs/teams-facts.md).
  const Ajv = require('ajv');
  const ajv = new Ajv({ strict: false, allErrors: true });
  delete schema.$schema;
  delete schema.id;
  require('ajv-formats')(ajv);
  const validate = ajv.compile(schema);
  const AdaptiveCards = require('adaptivecards/dist/adaptivecards.js');
  const files = fs.readdirSync(target).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) {
    console.error(`no cards in ${target}`);
    process.exit(1);
  }
  for (const file of files) {
    const json = readJson(path.join(target, file));
    const errors = [];
    if (json.version !== '1.5') errors.push(`version is ${json.version}, expected 1.5`);
    const forSchema = { ...json };
    delete forSchema.msteams;
    if (!validate(forSchema)) errors.push(...describeAjv(validate.errors));
    const card = new AdaptiveCards.AdaptiveCard();
    const ctx = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
    card.parse(json, ctx);
    for (let i = 0; i < ctx.eventCount; i++) {
      const e = ctx.getEventAt(i);
      errors.push(`renderer parse: ${AdaptiveCards.ValidationEvent[e.event]}: ${e.message}`);
    }
    for (const e of card.validateProperties().validationEvents) {
      const name = AdaptiveCards.ValidationEvent[e.event];
      if (name !== 'Hint' && name !== 'Deprecated') errors.push(`renderer validate: ${name}: ${e.message}`);
    }
    report(file, errors);
  }
}
const passed = results.filter(Boolean).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);

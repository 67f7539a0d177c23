#!/usr/bin/env node
// Checks m365agents.yml the way the Microsoft 365 Agents Toolkit reads it, with the toolkit's own code:
//   1. teamsfx-core's YamlParser with schema validation (what `provision` runs first);
//   2. every ${{NAME}} used by a step (in its arguments or in the files it renders: the Teams manifest, the ARM
//      parameters file) is set by the env file or produced by an earlier step. arm/deploy's outputs are named by
//      the toolkit's own convertOutputs (upper-cased), from the compiled template's outputs.
//   node check-project.js PROJECT_YML ENV_NAME ARM_OUTPUTS_JSON
// Prints one line per check and a final "N passed, N failed"; exits 1 on any failure.
'use strict';
const fs = require('fs');
const path = require('path');

const [projectFile, envName, armOutputsFile] = process.argv.slice(2);
if (!projectFile || !envName || !armOutputsFile) {
  console.error('usage: node check-project.js PROJECT_YML ENV_NAME ARM_OUTPUTS_JSON');
  process.exit(2);
}

// The toolkit's package exports hide its internals, so load them by file from the installed package.
const core = path.join(__dirname, 'node_modules', '@microsoft', 'teamsfx-core', 'build');
const { YamlParser } = require(path.join(core, 'component', 'configManager', 'parser.js'));
const { convertOutputs } = require(path.join(core, 'component', 'driver', 'arm', 'util', 'util.js'));
const yaml = require(path.join(__dirname, 'node_modules', 'js-yaml'));

const projectDir = path.dirname(path.resolve(projectFile));
const results = [];
function report(name, problems) {
  results.push(problems.length === 0);
  console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${name}${problems.length ? '\n  - ' + problems.join('\n  - ') : ''}`);
}

// Names the toolkit itself supplies or asks for interactively before the step that needs them.
const TOOLKIT_SUPPLIED = ['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME'];
const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const namesIn = (text) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);

function readEnvFile(folder) {
  const file = path.join(projectDir, folder, `.env.${envName}`);
  const values = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Za-z0-9_]+)\s*=(.*)$/.exec(line);
    if (m && m[2].trim() !== '') values.set(m[1], m[2].trim());
  }
  return values;
}

// The files a step renders with the env values, beside its own arguments.
function renderedFiles(step) {
  const w = step.with || {};
  const files = [];
  if (w.manifestPath) files.push(w.manifestPath);
  for (const t of w.templates || []) if (t.parameters) files.push(t.parameters);
  return files.map((f) => path.resolve(projectDir, f));
}

function producedBy(step) {
  const out = Object.values(step.writeToEnvironmentFile || {});
  if (step.uses === 'arm/deploy') {
    const outputs = JSON.parse(fs.readFileSync(armOutputsFile, 'utf8'));
    // Deployment outputs come back as { name: { type, value } }; a sample value per output is enough for names.
    const sample = Object.fromEntries(Object.entries(outputs).map(([k, o]) => [k, { type: o.type, value: `sample-${k}` }]));
    out.push(...convertOutputs([sample]).keys());
  }
  return out;
}

async function main() {
  const parsed = await new YamlParser().parse(path.resolve(projectFile), true);
  report(`YamlParser accepts ${path.basename(projectFile)}`, parsed.isErr() ? [`${parsed.error.name}: ${parsed.error.message}`, ...schemaErrors()] : []);
  if (parsed.isErr()) return;

  const raw = yaml.load(fs.readFileSync(projectFile, 'utf8'));
  const known = new Set([...TOOLKIT_SUPPLIED, ...readEnvFile(raw.environmentFolderPath || './env').keys()]);
  for (const lifecycle of ['provision', 'deploy']) {
    for (const [i, step] of (raw[lifecycle] || []).entries()) {
      const used = new Set(namesIn(JSON.stringify(step.with || {})));
      for (const file of renderedFiles(step)) namesIn(fs.readFileSync(file, 'utf8')).forEach((n) => used.add(n));
      const missing = [...used].filter((n) => !known.has(n)).map((n) => `\${{${n}}} is set by no earlier step and not in env/.env.${envName}`);
      report(`${lifecycle}[${i}] ${step.uses}: ${used.size} placeholder(s)`, missing);
      producedBy(step).forEach((n) => known.add(n));
    }
  }
}

// The parser only says "invalid"; the same schema through Ajv says where.
function schemaErrors() {
  try {
    const Ajv = require(path.join(__dirname, 'node_modules', 'ajv'));
    const doc = yaml.load(fs.readFileSync(projectFile, 'utf8'));
    const schemaPath = path.join(core, '..', 'resource', 'yaml-schema', String(doc.version), 'yaml.schema.json');
    const ajv = new Ajv({ allowUnionTypes: true, allErrors: true });
    ajv.addKeyword('deprecationMessage');
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
    validate(doc);
    return (validate.errors || []).filter((e) => e.keyword === 'required' || e.keyword === 'additionalProperties')
      .slice(0, 10).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  } catch (e) {
    return [`(no detail: ${e.message})`];
  }
}

main().then(() => {
  const passed = results.filter(Boolean).length;
  console.log(`${passed} passed, ${results.length - passed} failed`);
  process.exit(results.every(Boolean) ? 0 : 1);
}).catch((e) => { console.error(e); process.exit(1); });

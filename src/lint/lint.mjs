// Lints bpmn/, its element templates and forms/ with the Camunda Modeler's own linters (@camunda/linting and
// @camunda/form-linting), which pick their rules from modeler:executionPlatformVersion.
// Exits non-zero when any rule reports an error. (bpmnlint's "recommended" rules run next, by its CLI.)
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Linter } from '@camunda/linting';
import { FormLinter } from '@camunda/form-linting';
import { validateAll as validateTemplates } from '@bpmn-io/element-templates-validator';

const root = resolve(process.argv[2] || '../..');
let errors = 0;

function report(file, problems) {
  for (const problem of problems) {
    const level = problem.category || 'error';
    if (level === 'error') {
      errors++;
    }
    console.log(`${file}: ${level}: ${problem.id || ''} ${problem.message} (${problem.rule || problem.name || ''})`);
  }
  if (!problems.length) {
    console.log(`${file}: ok`);
  }
}

const files = (folder, suffix) => readdirSync(join(root, folder))
  .filter(name => name.endsWith(suffix))
  .map(name => join(folder, name));

for (const file of files('bpmn', '.bpmn')) {
  const xml = readFileSync(join(root, file), 'utf8');
  report(file, await new Linter({ type: 'platform' }).lint(xml));
}

// @camunda/form-linting knows Camunda 7 up to 7.22 and would skip a 7.24 form silently; the 7.24
// Tasklist renders with form-js 1.8, like 7.22, so forms are checked against the 7.22 rules.
const FORM_RULES_OF = { '7.23': '7.22', '7.24': '7.22' };

for (const file of files('forms', '.form')) {
  const schema = JSON.parse(readFileSync(join(root, file), 'utf8'));
  const minor = (schema.executionPlatformVersion || '').split('.').slice(0, 2).join('.');
  const linted = { ...schema, executionPlatformVersion: FORM_RULES_OF[minor] || schema.executionPlatformVersion };
  report(file, new FormLinter().lint(linted));
}

// the element templates the Modeler offers for AMS calls, against the Camunda 7 template schema
for (const file of files(join('bpmn', '.camunda', 'element-templates'), '.json')) {
  const { results } = validateTemplates(JSON.parse(readFileSync(join(root, file), 'utf8')));
  report(file, results.flatMap(result => (result.errors || []).map(error => ({
    id: result.object.id, message: error.message, rule: 'element-templates-json-schema'
  }))));
}

console.log(errors ? `lint: ${errors} error(s)` : 'lint: no errors');
process.exit(errors ? 1 : 0);

// Checks the event contract, and events against it.
//
// 1. Parses asyncapi.yaml with the AsyncAPI parser (pinned in package-lock.json), which checks it against
//    the AsyncAPI 3.0 specification and its JSON Schema, resolves every $ref, parses every payload schema,
//    and lints it with the parser's built-in rules (core and recommended). Any diagnostic of severity
//    error or warning fails, except the warnings accepted below, each with its reason; information and
//    hints are printed and let through.
// 2. Validates each event file given after it (a CloudEvent in structured JSON mode, as a record's value)
//    against the payload of the message named by its `type` (envelope and data), with Ajv as JSON Schema
//    draft-07 and formats asserted: the same document through another validator than the Java tests' own.
//    As consumers must, this accepts fields the document does not describe.
//
// Usage: node validate-asyncapi.mjs [asyncapi.yaml [event.json ...]]
//        (npm run validate:asyncapi -- event.json ...; devstack/infra's AsyncApiDocumentTest runs it on
//        every sample of docs/events/). Exits 1 on any failure.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

// Rule code -> why its warning is accepted. None today: the document passes every rule. A warning that
// can be fixed is fixed; one that cannot (as the licence rules of the OpenAPI contract, turned off in
// redocly.yaml because the project has no licence yet) is listed here with its reason.
const ACCEPTED_WARNINGS = new Map();
const CLOUDEVENTS_JSON = 'application/cloudevents+json';

const [documentFile = 'asyncapi.yaml', ...eventFiles] = process.argv.slice(2);
const file = resolve(documentFile);
const { document, diagnostics } = await new Parser().parse(readFileSync(file, 'utf8'), { source: file });

const SEVERITY = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};
let failures = 0;
for (const diagnostic of diagnostics) {
  const accepted = diagnostic.severity === DiagnosticSeverity.Warning && ACCEPTED_WARNINGS.has(diagnostic.code);
  const fails = diagnostic.severity <= DiagnosticSeverity.Warning && !accepted;
  failures += fails ? 1 : 0;
  const where = diagnostic.path.length > 0 ? diagnostic.path.join('.') : '(document)';
  const line = diagnostic.range ? `:${diagnostic.range.start.line + 1}` : '';
  console.log(`${fails ? 'FAIL' : 'ok  '} ${SEVERITY[diagnostic.severity]} ${diagnostic.code} at ${where}${line}: ${diagnostic.message}`
    + (accepted ? ` (accepted: ${ACCEPTED_WARNINGS.get(diagnostic.code)})` : ''));
}
if (document === undefined) {
  console.log(`FAIL ${file} could not be parsed`);
  process.exit(1);
}
console.log(`${document.channels().length} channels, ${document.operations().length} operations, `
  + `${document.messages().length} messages`);

if (eventFiles.length > 0) {
  // strict: false, for the parser's own annotations (x-parser-schema-id) and the AsyncAPI keywords
  // beyond draft-07, which only describe.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validators = new Map(); // CloudEvents type -> validate function of its message's payload
  for (const message of document.messages()) {
    if ((message.contentType() ?? document.defaultContentType() ?? '').startsWith(CLOUDEVENTS_JSON)) {
      validators.set(message.name(), ajv.compile(message.payload().json()));
    }
  }
  for (const eventFile of eventFiles) {
    let event;
    try {
      event = JSON.parse(readFileSync(eventFile, 'utf8'));
    } catch (e) {
      console.log(`FAIL ${eventFile}: not JSON (${e.message})`);
      failures++;
      continue;
    }
    const validate = validators.get(event?.type);
    if (validate === undefined) {
      console.log(`FAIL ${eventFile}: type ${event?.type} is not a message of the document`);
      failures++;
    } else if (!validate(event)) {
      console.log(`FAIL ${eventFile} (${event.type}):`);
      for (const error of validate.errors) {
        console.log(`       ${error.instancePath || '(event)'} ${error.message}`
          + (error.params && Object.keys(error.params).length > 0 ? ` ${JSON.stringify(error.params)}` : ''));
      }
      failures++;
    } else {
      console.log(`ok   ${eventFile} (${event.type})`);
    }
  }
}
console.log(`${failures} failures`);
process.exit(failures === 0 ? 0 : 1);

// Validates every object of the given multi-document YAML files against its schema: Kubernetes'
// own kinds through kubernetes-models, Strimzi's and CloudNativePG's through their model packages.
// An object of a kind none of them knows is an error too: nothing goes unchecked.
// Usage: node validate.mjs rendered.yaml... ; prints one line per object, exits 1 on any error.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

const OPERATOR_MODELS = {
  'kafka.strimzi.io': '@kubernetes-models/strimzi-kafka-operator',
  'postgresql.cnpg.io': '@kubernetes-models/cloudnative-pg',
};

function modulePath(apiVersion, kind) {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) {
    return `kubernetes-models/${apiVersion}/${kind}`;
  }
  const group = apiVersion.slice(0, slash);
  const operator = OPERATOR_MODELS[group];
  return operator ? `${operator}/${apiVersion}/${kind}` : `kubernetes-models/${apiVersion}/${kind}`;
}

let errors = 0;
let checked = 0;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
    if (document.errors.length > 0) {
      console.log(`ERROR ${file}: YAML: ${document.errors.map(e => e.message).join('; ')}`);
      errors++;
      continue;
    }
    const object = document.toJS();
    if (object === null || object === undefined) {
      continue;
    }
    const name = `${object.apiVersion} ${object.kind} ${object.metadata?.name}`;
    let model;
    try {
      model = await import(modulePath(object.apiVersion, object.kind));
    } catch (e) {
      console.log(`ERROR ${file}: ${name}: no schema for this kind (${e.code ?? e.message})`);
      errors++;
      continue;
    }
    try {
      new model[object.kind](object).validate();
      console.log(`ok    ${file}: ${name}`);
      checked++;
    } catch (e) {
      console.log(`ERROR ${file}: ${name}: ${e.message}`);
      errors++;
    }
  }
}
console.log(`${checked} objects valid, ${errors} errors`);
process.exit(errors === 0 && checked > 0 ? 0 : 1);

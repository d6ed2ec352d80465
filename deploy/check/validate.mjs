// Validates every object of the given multi-document YAML files against its schema, strictly: a
// field the schema does not define is an error, as with kubeconform -strict.
//
// - Kubernetes' own kinds: the models of the npm package kubernetes-models (pinned in
//   package-lock.json) check types, enums and required fields; their declarations (.d.ts), generated
//   from the same OpenAPI definitions, name every field an object may have, and a field not named
//   there is refused.
// - Operator kinds (Strimzi, CloudNativePG, its Barman Cloud Plugin, Gateway API, Prometheus
//   Operator): the openAPIV3Schema of their CustomResourceDefinitions of the pinned versions, kept in
//   schemas/ (schemas/README.md). Each object schema that lists its properties and neither allows other
//   properties nor preserves unknown fields gets additionalProperties: false, which is what the API
//   server's pruning would silently do with an unknown field.
// - metadata of every object: strictly against ObjectMeta.
// An object of a kind none of them knows is an error too: nothing goes unchecked.
//
// Usage: node validate.mjs rendered.yaml... ; prints one line per object, then
// "<n> objects valid, <m> errors"; exits 1 on any error.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import Ajv from 'ajv';

const HERE = dirname(fileURLToPath(import.meta.url));
const MODULES = join(HERE, 'node_modules');
const OBJECT_META = join(MODULES, '@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta.d.ts');

// ---------- operator kinds: CRDs of the pinned versions ----------

function yamlFiles(dir) {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const crdSchemas = new Map(); // "group/version Kind" -> { schema, source }
for (const file of yamlFiles(join(HERE, 'schemas'))) {
  for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const crd = document.toJS();
    if (crd?.kind !== 'CustomResourceDefinition') continue;
    for (const version of crd.spec.versions) {
      if (version.served === false) continue;
      crdSchemas.set(`${crd.spec.group}/${version.name} ${crd.spec.names.kind}`, {
        schema: version.schema.openAPIV3Schema,
        source: file.slice(HERE.length + 1),
      });
    }
  }
}

const VALUE_KEYWORDS = new Set(['default', 'enum', 'example', 'const']);

/** The CRD schema with unknown fields refused wherever the schema closes its object. */
function strict(schema) {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-kubernetes-')) continue;
    if (VALUE_KEYWORDS.has(key)) {
      out[key] = value;
    } else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, strict(sub)]));
    } else {
      out[key] = strict(value);
    }
  }
  if (schema['x-kubernetes-int-or-string']) {
    delete out.type;
    if (!out.anyOf) out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  const open = schema['x-kubernetes-preserve-unknown-fields'] === true || schema.additionalProperties !== undefined;
  if (!open && schema.properties) {
    out.additionalProperties = false;
  }
  return out;
}

/**
 * The CRDs' patterns are Go regular expressions (RE2), which the API server evaluates; JavaScript
 * lacks their inline flag groups, e.g. the Prometheus Operator's "^(?i)(abort|warn)?$": each is
 * taken as the RegExp flag it stands for, over the whole pattern (at worst a little more lenient).
 */
function goRegExp(source, flags) {
  let all = flags;
  const pattern = source.replace(/\(\?([ims]+)\)/g, (group, inline) => {
    all += [...inline].filter(flag => !all.includes(flag)).join('');
    return '';
  });
  return new RegExp(pattern, all);
}
goRegExp.code = 'goRegExp';

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { regExp: goRegExp } });
const compiled = new Map();

function validateCustom(object, key) {
  if (!compiled.has(key)) {
    compiled.set(key, ajv.compile(strict(crdSchemas.get(key).schema)));
  }
  const validate = compiled.get(key);
  if (validate(object)) return [];
  return validate.errors.map(e => {
    const extra = e.params?.additionalProperty ? `: ${e.params.additionalProperty}` : '';
    return `${e.instancePath || '/'} ${e.message}${extra}`;
  });
}

// ---------- Kubernetes' own kinds: kubernetes-models ----------

function declarationPath(specifier, fromFile) {
  const base = specifier.startsWith('.') ? resolve(dirname(fromFile), specifier) : join(MODULES, specifier);
  return base.replace(/\.js$/, '') + '.d.ts';
}

function depth(text) {
  let d = 0;
  for (const c of text) {
    if (c === '{' || c === '<') d++;
    if (c === '}' || c === '>') d--;
  }
  return d;
}

const declarations = new Map(); // .d.ts file -> { imports, fields } or null for a type alias (a leaf)

/** The fields of the interface a kubernetes-models declaration file exports, with their types. */
function declaration(file) {
  if (declarations.has(file)) return declarations.get(file);
  const text = readFileSync(file, 'utf8');
  const imports = new Map();
  for (const m of text.matchAll(/^import \{ (\w+) \} from "([^"]+)";$/gm)) {
    imports.set(m[1], declarationPath(m[2], file));
  }
  const start = text.search(/^export interface \w+/m);
  let result = null;
  if (start >= 0) {
    const open = text.indexOf('{', start);
    const body = text.slice(open + 1, text.indexOf('\n}', open)).replace(/\/\*\*[\s\S]*?\*\//g, '');
    const lines = body.split('\n');
    const fields = new Map();
    for (let i = 0; i < lines.length; i++) {
      const m = lines[i].match(/^ {4}"([^"]+)"\??: (.*)$/);
      if (!m) continue;
      let type = m[2];
      while ((depth(type) > 0 || !type.trimEnd().endsWith(';')) && i + 1 < lines.length) {
        type += '\n' + lines[++i];
      }
      fields.set(m[1], type.trim().replace(/;$/, '').trim());
    }
    result = { imports, fields };
  }
  declarations.set(file, result);
  return result;
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkType(value, type, owner, path, errors) {
  if (value === null || value === undefined) return;
  let m;
  if ((m = type.match(/^Array<([\s\S]*)>$/))) {
    if (Array.isArray(value)) value.forEach((item, i) => checkType(item, m[1].trim(), owner, `${path}/${i}`, errors));
  } else if ((m = type.match(/^\{\s*\[key: string\]: ([\s\S]*?);?\s*\}$/))) {
    if (isObject(value)) Object.entries(value).forEach(([k, v]) => checkType(v, m[1].trim(), owner, `${path}/${k}`, errors));
  } else if (/^I\w+$/.test(type) && owner.imports.has(type)) {
    checkFields(value, owner.imports.get(type), path, errors);
  }
  // a primitive, a union of literals, IntOrString, Quantity...: its value is checked by the model
}

/** Refuses every field of the object that its declaration does not name, recursively. */
function checkFields(value, file, path, errors) {
  const owner = declaration(file);
  if (owner === null || !isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (!owner.fields.has(key)) {
      errors.push(`${path || '/'} must NOT have additional properties: ${key}`);
    } else {
      checkType(child, owner.fields.get(key), owner, `${path}/${key}`, errors);
    }
  }
}

function coreModelPath(apiVersion, kind) {
  return `kubernetes-models/${apiVersion}/${kind}`;
}

// ---------- the objects ----------

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
    if (object === null || object === undefined) continue;
    const name = `${object.apiVersion} ${object.kind} ${object.metadata?.name}`;
    const problems = [];
    const crdKey = `${object.apiVersion} ${object.kind}`;
    if (crdSchemas.has(crdKey)) {
      problems.push(...validateCustom(object, crdKey));
      checkFields(object.metadata, OBJECT_META, '/metadata', problems);
    } else {
      const declarationFile = join(MODULES, coreModelPath(object.apiVersion, object.kind) + '.d.ts');
      if (!existsSync(declarationFile)) {
        console.log(`ERROR ${file}: ${name}: no schema for this kind`);
        errors++;
        continue;
      }
      const model = await import(coreModelPath(object.apiVersion, object.kind));
      try {
        new model[object.kind](object).validate();
      } catch (e) {
        problems.push(e.message);
      }
      checkFields(object, declarationFile, '', problems);
    }
    if (problems.length === 0) {
      console.log(`ok    ${file}: ${name}`);
      checked++;
    } else {
      console.log(`ERROR ${file}: ${name}: ${problems.join('; ')}`);
      errors++;
    }
  }
}
console.log(`${checked} objects valid, ${errors} errors`);
process.exit(errors === 0 && checked > 0 ? 0 : 1);

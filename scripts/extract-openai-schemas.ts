/**
 * Extracts the JSON Schema of a chat completions request body from OpenAI's official OpenAPI spec,
 * so the fake server can validate every request the way the real API would, without needing
 * ../shared at test time.
 *
 * Usage: npx tsx scripts/extract-openai-schemas.ts [path/to/openapi.yaml]
 * Default input: /work/shared/fixtures/openai/openapi.yaml, else ../shared/fixtures/openai/openapi.yaml
 * beside the repo.
 * Output: tests/fixtures/openai/chat-completions-request.schema.json and transcription-request.schema.json
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const REF_PREFIX = '#/components/schemas/';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Each request body the fake server validates: its schema in the spec and the file it is written to. */
const TARGETS = [
  { root: 'CreateChatCompletionRequest', file: 'chat-completions-request.schema.json' },
  { root: 'CreateTranscriptionRequest', file: 'transcription-request.schema.json' },
];

/** Keywords whose value is a map of name → schema: their keys are names, not keywords. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Documentation-only keywords dropped to keep the fixture small; they never affect validation. */
const DROPPED_KEYWORDS = new Set(['description', 'example', 'examples']);

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Finds the spec: argv[2], else the shared fixtures folder beside or above the repo. */
function findSpecPath(): string {
  const given = process.argv[2];
  if (given) {
    if (!existsSync(given)) throw new Error(`openapi.yaml not found at ${given}`);
    return given;
  }
  const candidates = [
    '/work/shared/fixtures/openai/openapi.yaml',
    resolve(repoRoot, '../shared/fixtures/openai/openapi.yaml'),
  ].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(`openapi.yaml not found; pass its path as the first argument (tried ${candidates.join(', ')})`);
  }
  return found;
}

/** Names of every component schema reachable from `root` through $ref, root first. */
export function collectRefs(schemas: JsonObject, root: string): string[] {
  const seen = new Set<string>([root]);
  const visit = (node: Json | undefined): void => {
    if (Array.isArray(node)) node.forEach(visit);
    if (!isObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(REF_PREFIX)) {
        const name = value.slice(REF_PREFIX.length);
        if (!(name in schemas)) throw new Error(`dangling $ref ${value}`);
        if (!seen.has(name)) {
          seen.add(name);
          visit(schemas[name]);
        }
      } else {
        visit(value);
      }
    }
  };
  visit(schemas[root]);
  return [...seen];
}

/**
 * Rewrites one OpenAPI schema into plain JSON Schema 2020-12:
 * - `$ref: #/components/schemas/X` → `#/$defs/X`;
 * - OpenAPI's `nullable: true` (not a JSON Schema keyword, and used all over this spec even though it
 *   is 3.1) becomes a real null alternative, because the API does accept `null` for those fields;
 * - descriptions, examples and `x-*` vendor extensions are dropped.
 */
export function toJsonSchema(node: Json, inSchemaMap = false): Json {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (inSchemaMap) {
      out[key] = toJsonSchema(value);
      continue;
    }
    if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-') || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') {
      out[key] = value.replace(REF_PREFIX, '#/$defs/');
    } else if (key === 'enum' || key === 'const' || key === 'default' || key === 'required') {
      out[key] = value; // data, not schemas
    } else {
      out[key] = toJsonSchema(value, SCHEMA_MAPS.has(key));
    }
  }
  return !inSchemaMap && node.nullable === true ? makeNullable(out) : out;
}

/** Adds null to a schema's accepted values in the least surprising way. */
function makeNullable(schema: JsonObject): JsonObject {
  const { type, enum: values } = schema;
  if (typeof type === 'string' && !('const' in schema)) {
    const result: JsonObject = { ...schema, type: [type, 'null'] };
    if (Array.isArray(values) && !values.includes(null)) result.enum = [...values, null];
    return result;
  }
  const { title, deprecated, default: fallback, ...rest } = schema;
  const wrapped: JsonObject = { anyOf: [rest, { type: 'null' }] };
  if (title !== undefined) wrapped.title = title;
  if (deprecated !== undefined) wrapped.deprecated = deprecated;
  if (fallback !== undefined) wrapped.default = fallback;
  return wrapped;
}

function main(): void {
  const specPath = findSpecPath();
  const text = readFileSync(specPath, 'utf8');
  const spec = parse(text) as { info?: { version?: string }; components: { schemas: JsonObject } };
  const sha256 = createHash('sha256').update(text).digest('hex');
  for (const { root, file } of TARGETS) {
    const schemas = spec.components.schemas;
    const names = collectRefs(schemas, root);
    const defs: JsonObject = {};
    for (const name of names) defs[name] = toJsonSchema(schemas[name]);
    const output = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `https://glance.invalid/openai/${file}`,
      $comment:
        `Generated by scripts/extract-openai-schemas.ts from openapi.yaml (info.version ${spec.info?.version}, ` +
        `sha256 ${sha256}), github.com/openai/openai-openapi, MIT. ` +
        `${names.length} schemas reachable from ${root}; OpenAPI nullable turned into JSON Schema null; ` +
        'descriptions, examples and x-* extensions removed. Do not edit by hand.',
      $ref: `#/$defs/${root}`,
      $defs: defs,
    };
    const outputPath = resolve(repoRoot, 'tests/fixtures/openai', file);
    writeFileSync(outputPath, `${JSON.stringify(output, null, 2)}\n`);
    console.log(`wrote ${outputPath}: ${names.length} schemas from ${specPath}`);
  }
}

// Run only when executed directly, so the helpers above can be imported by tests.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

/**
 * Validates chat request bodies against the official CreateChatCompletionRequest schema
 * (tests/fixtures/openai/chat-completions-request.schema.json, made by
 * scripts/extract-openai-schemas.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { openaiFixturesDir } from './fixture-files';
import {
  resolveRef,
  tagMismatch,
  wordAjvError,
  type SchemaDefs,
  type SchemaNode,
  type SchemaProblem,
} from './schema-error-wording';

export type { SchemaProblem } from './schema-error-wording';

interface CompiledSchema {
  validate: ValidateFunction;
  defs: SchemaDefs;
  topLevelProperties: Set<string>;
}

let compiled: CompiledSchema | undefined;

/** Compiles once per process: the schema has ~60 definitions and takes a few hundred ms. */
function getCompiled(): CompiledSchema {
  if (compiled) return compiled;
  const path = join(openaiFixturesDir, 'chat-completions-request.schema.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as SchemaNode & { $defs: SchemaDefs };
  // strict: false because the spec carries OpenAPI-only keywords (discriminator mapping etc.);
  // discriminator: true picks the oneOf branch by `role`/`type`, so errors name the real problem;
  // verbose: errors carry the offending data, which the API quotes back ("but got 2.5 instead").
  const ajv = new Ajv2020({ strict: false, allErrors: false, verbose: true, discriminator: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  compiled = {
    validate: ajv.compile(schema),
    defs: schema.$defs,
    topLevelProperties: collectProperties(schema.$defs, schema.$defs.CreateChatCompletionRequest),
  };
  return compiled;
}

/** Property names a schema allows, following allOf and $ref (the request is built from 3 layers). */
function collectProperties(defs: SchemaDefs, node: SchemaNode, into = new Set<string>()): Set<string> {
  const schema = resolveRef(defs, node);
  for (const name of Object.keys((schema.properties as SchemaNode | undefined) ?? {})) into.add(name);
  for (const part of (schema.allOf as SchemaNode[] | undefined) ?? []) collectProperties(defs, part, into);
  return into;
}

/** Compiles the validator now, so the first request is not slower than the others. */
export function warmUpValidator(): void {
  getCompiled();
}

/** Top-level fields the spec defines; anything else the API refuses as an unrecognized argument. */
export function knownRequestFields(): Set<string> {
  return getCompiled().topLevelProperties;
}

/** Depth of the parameter an error is about; the deepest error is the most specific one. */
function depth(error: ErrorObject): number {
  return error.instancePath.split('/').length + (error.params.missingProperty !== undefined ? 1 : 0);
}

/** Checks a body against CreateChatCompletionRequest; null when valid. */
export function validateChatRequestSchema(body: unknown): SchemaProblem | null {
  const { validate, defs } = getCompiled();
  if (validate(body)) return null;
  const all = validate.errors ?? [];
  const mismatch = tagMismatch(all, defs);
  if (mismatch) return mismatch;
  const errors = all.filter((e) => !['oneOf', 'anyOf', 'allOf', 'if'].includes(e.keyword));
  if (errors.length === 0) return { message: 'Invalid request body.', param: null, code: null };
  // oneOf/anyOf report every branch's complaint; the deepest one (first on ties) is what went wrong.
  const chosen = errors.reduce((best, e) => (depth(e) > depth(best) ? e : best), errors[0]);
  return wordAjvError(chosen, errors, defs);
}

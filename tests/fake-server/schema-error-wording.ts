/**
 * Turns Ajv's validation errors into the messages, params and codes the real API puts in its
 * 400 bodies ("Invalid 'messages': empty array. ...", param "messages", code "empty_array"),
 * so Glance's error mapping is tested against realistic text.
 */
import type { ErrorObject } from 'ajv/dist/2020';

/** A failed check, worded like the API's 400 body. */
export interface SchemaProblem {
  message: string;
  param: string | null;
  code: string | null;
}

/** A JSON Schema node, loosely typed. */
export type SchemaNode = Record<string, unknown>;
/** The schema's `$defs`, for following `$ref`s. */
export type SchemaDefs = Record<string, SchemaNode>;

/** Follows one local `$ref` ('#/$defs/X'); other nodes come back unchanged. */
export function resolveRef(defs: SchemaDefs, node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  return typeof ref === 'string' ? (defs[ref.replace('#/$defs/', '')] ?? node) : node;
}

/** '/messages/0/role' → 'messages[0].role', the API's way of naming a parameter. */
export function toParam(instancePath: string, extra?: string): string {
  const segments = instancePath.split('/').slice(1);
  if (extra !== undefined) segments.push(extra);
  return segments
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((param, s) => (/^\d+$/.test(s) ? `${param}[${s}]` : param ? `${param}.${s}` : s), '');
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a decimal',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal';
  return TYPE_WORDS[typeof value] ?? typeof value;
}

/** ['a', 'b', 'c'] → "'a', 'b', and 'c'" */
function quoteList(values: unknown[]): string {
  const quoted = values.map((v) => `'${String(v)}'`);
  if (quoted.length < 2) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
}

/** Enum/const values a tag property (`role`, `type`) takes across oneOf branches. */
function tagValues(defs: SchemaDefs, branches: SchemaNode[], tag: string): unknown[] {
  return branches.flatMap((branch) => {
    const properties = resolveRef(defs, branch).properties as SchemaDefs | undefined;
    const property = properties?.[tag] ?? {};
    if (Array.isArray(property.enum)) return property.enum as unknown[];
    return property.const !== undefined ? [property.const] : [];
  });
}

function invalidValue(value: unknown, allowed: unknown[], param: string): SchemaProblem {
  const message = `Invalid value: '${String(value)}'. Supported values are: ${quoteList(allowed)}.`;
  return { message, param, code: 'invalid_value' };
}

/**
 * Some oneOfs (user content parts) have no discriminator in the spec. When the object's `type`
 * matches no branch, that is the problem to report, not whatever the first branch complained of.
 */
export function tagMismatch(errors: ErrorObject[], defs: SchemaDefs): SchemaProblem | null {
  for (const error of errors) {
    if (error.keyword !== 'oneOf' || !Array.isArray(error.schema)) continue;
    const data = error.data as Record<string, unknown> | null;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string') continue;
    const allowed = tagValues(defs, error.schema as SchemaNode[], 'type');
    if (allowed.length === 0 || allowed.includes(data.type)) continue;
    return invalidValue(data.type, allowed, toParam(error.instancePath, 'type'));
  }
  return null;
}

function describeRange(error: ErrorObject, param: string): SchemaProblem {
  const { keyword, params, data } = error;
  if (keyword === 'minItems' && Array.isArray(data) && data.length === 0) {
    const message =
      `Invalid '${param}': empty array. Expected an array with minimum length ${params.limit}, ` +
      'but got an empty array instead.';
    return { message, param, code: 'empty_array' };
  }
  if (keyword === 'minItems' || keyword === 'maxItems') {
    const min = keyword === 'minItems';
    const message =
      `Invalid '${param}': array too ${min ? 'short' : 'long'}. Expected an array with ${min ? 'minimum' : 'maximum'} ` +
      `length ${params.limit}, but got an array with length ${(data as unknown[]).length} instead.`;
    return { message, param, code: min ? 'array_below_min_length' : 'array_above_max_length' };
  }
  if (keyword === 'minLength' || keyword === 'maxLength') {
    const min = keyword === 'minLength';
    const message =
      `Invalid '${param}': string too ${min ? 'short' : 'long'}. Expected a string with ${min ? 'minimum' : 'maximum'} ` +
      `length ${params.limit}, but got a string with length ${String(data).length} instead.`;
    return { message, param, code: min ? 'string_below_min_length' : 'string_above_max_length' };
  }
  // minimum, maximum, exclusiveMinimum, exclusiveMaximum
  const kind = Number.isInteger(data) ? 'integer' : 'decimal';
  const above = keyword.toLowerCase().includes('maximum');
  const message =
    `Invalid '${param}': ${kind} ${above ? 'above maximum' : 'below minimum'} value. ` +
    `Expected a value ${params.comparison} ${params.limit}, but got ${String(data)} instead.`;
  return { message, param, code: `${kind}_${above ? 'above_max' : 'below_min'}_value` };
}

const RANGE_KEYWORDS = new Set([
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
]);

/** Words one Ajv error (plus its siblings, for merged type errors) the way the API does. */
export function wordAjvError(error: ErrorObject, all: ErrorObject[], defs: SchemaDefs): SchemaProblem {
  const { keyword, params, instancePath, data } = error;
  const missingTag = keyword === 'discriminator' && params.error === 'tag';
  const param = toParam(instancePath, params.missingProperty ?? (missingTag ? params.tag : undefined));

  if (keyword === 'required' || missingTag) {
    return { message: `Missing required parameter: '${param}'.`, param, code: 'missing_required_parameter' };
  }
  if (keyword === 'discriminator') {
    const branches = ((error.parentSchema as SchemaNode | undefined)?.oneOf as SchemaNode[] | undefined) ?? [];
    const tag = String(params.tag);
    return invalidValue(params.tagValue, tagValues(defs, branches, tag), toParam(instancePath, tag));
  }
  if (keyword === 'enum') return invalidValue(data, params.allowedValues as unknown[], param);
  if (keyword === 'const') return invalidValue(data, [params.allowedValue], param);
  if (keyword === 'type') {
    // Alternatives (oneOf string/array, ['boolean','null']) arrive as several errors or "boolean,null".
    const types = all
      .filter((e) => e.keyword === 'type' && e.instancePath === instancePath)
      .flatMap((e) => String(e.params.type).split(','));
    const expected = [...new Set(types)].map((t) => TYPE_WORDS[t] ?? t);
    const words = expected.length > 1 ? `one of ${expected.join(' or ')}` : expected[0];
    const message = `Invalid type for '${param}': expected ${words}, but got ${describeValue(data)} instead.`;
    return { message, param, code: 'invalid_type' };
  }
  if (RANGE_KEYWORDS.has(keyword)) return describeRange(error, param);
  if (keyword === 'additionalProperties') {
    const name = toParam(instancePath, String(params.additionalProperty));
    return { message: `Unknown parameter: '${name}'.`, param: name, code: 'unknown_parameter' };
  }
  const message = `Invalid '${param || 'body'}': ${error.message ?? 'invalid value'}.`;
  return { message, param: param || null, code: 'invalid_value' };
}

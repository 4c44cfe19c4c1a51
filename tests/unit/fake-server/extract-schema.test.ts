import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { collectRefs, toJsonSchema } from '@/scripts/extract-openai-schemas';
import { openaiFixturesDir } from '@/tests/fake-server/fixture-files';

const schemaPath = join(openaiFixturesDir, 'chat-completions-request.schema.json');
const schemaText = readFileSync(schemaPath, 'utf8');
const schema = JSON.parse(schemaText) as { $ref: string; $defs: Record<string, unknown> };
const specPath = [
  process.env.OPENAI_OPENAPI_YAML,
  '/work/shared/fixtures/openai/openapi.yaml',
  join(process.cwd(), '../shared/fixtures/openai/openapi.yaml'),
].find((p): p is string => Boolean(p && existsSync(p)));

describe('toJsonSchema', () => {
  it('turns OpenAPI nullable into JSON Schema null', () => {
    expect(toJsonSchema({ type: 'integer', nullable: true })).toEqual({ type: ['integer', 'null'] });
    expect(toJsonSchema({ type: 'string', enum: ['a'], nullable: true })).toEqual({
      type: ['string', 'null'],
      enum: ['a', null],
    });
    expect(toJsonSchema({ $ref: '#/components/schemas/X', nullable: true, title: 'T' })).toEqual({
      anyOf: [{ $ref: '#/$defs/X' }, { type: 'null' }],
      title: 'T',
    });
  });

  it('drops documentation keywords but keeps properties that share their names', () => {
    const out = toJsonSchema({
      type: 'object',
      description: 'doc',
      'x-oaiMeta': { a: 1 },
      properties: { description: { type: 'string', description: 'doc' }, nullable: { type: 'boolean' } },
    });
    expect(out).toEqual({ type: 'object', properties: { description: { type: 'string' }, nullable: { type: 'boolean' } } });
  });

  it('follows $refs transitively', () => {
    const schemas = {
      A: { properties: { b: { $ref: '#/components/schemas/B' } } },
      B: { items: { $ref: '#/components/schemas/C' } },
      C: {},
      D: {},
    };
    expect(collectRefs(schemas, 'A')).toEqual(['A', 'B', 'C']);
  });
});

describe('the committed schema file', () => {
  it('is self-contained JSON Schema', () => {
    expect(schema.$ref).toBe('#/$defs/CreateChatCompletionRequest');
    expect(schemaText).not.toContain('#/components/');
    expect(schemaText).not.toContain('"nullable"');
    for (const [, ref] of schemaText.matchAll(/"\$ref": "#\/\$defs\/([^"]+)"/g)) expect(schema.$defs).toHaveProperty(ref);
  });

  it.skipIf(!specPath)('is in sync with openapi.yaml', { timeout: 60_000 }, () => {
    const spec = parse(readFileSync(specPath!, 'utf8')) as { components: { schemas: Record<string, never> } };
    const names = collectRefs(spec.components.schemas, 'CreateChatCompletionRequest');
    expect(Object.keys(schema.$defs)).toEqual(names);
    for (const name of names) expect(schema.$defs[name]).toEqual(toJsonSchema(spec.components.schemas[name]));
  });
});

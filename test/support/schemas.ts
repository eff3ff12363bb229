/** Validators for the official schemas copied into test/fixtures/schemas (see its README for licences). */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

function loadSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../fixtures/schemas/${name}`, import.meta.url), 'utf8'));
}

// ajv-formats is CommonJS; its default export is the plugin function.
const withFormats = addFormats as unknown as <T>(ajv: T) => T;

/** IPTC ninjs 2.2 (draft 2020-12), which $refs the GeoJSON schema by its $id. */
export function ninjsValidator(): ValidateFunction {
  const ajv = withFormats(new Ajv2020({ allErrors: true, strict: false }));
  ajv.addSchema(loadSchema('GeoJSON-schema.json'));
  return ajv.compile(loadSchema('ninjs-schema_2.2.json'));
}

/** JSON Feed 1.1 (community schema, draft-07). */
export function jsonFeedValidator(): ValidateFunction {
  const ajv = withFormats(new Ajv({ allErrors: true, strict: false }));
  return ajv.compile(loadSchema('jsonfeed-schema-v1.1.json'));
}

/** A validator for the official SARIF 2.1.0 schema (JSON Schema draft-04, as published), or undefined when absent. */
import { readFileSync } from 'node:fs';
import Ajv04 from 'ajv-draft-04';
import formats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { sharedSchema } from './shared.js';

export function sarifValidator(): ValidateFunction | undefined {
  const path = sharedSchema('sarif-schema-2.1.0.json');
  if (!path) return undefined;
  const ajv = new Ajv04.default({ strict: false, allErrors: true });
  formats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(path, 'utf8')) as object);
}

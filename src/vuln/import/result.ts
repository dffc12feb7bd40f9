import type { Advisory } from '../advisory.js';

/** One record an importer could not use: the file, and the record id or line when known. */
export interface ImportError {
  file: string;
  record?: string;
  line?: number;
  message: string;
}

export interface ImportResult {
  advisories: Advisory[];
  errors: ImportError[];
}

export function formatImportError(error: ImportError): string {
  const where = error.line !== undefined ? `${error.file}:${error.line}` : error.file;
  return error.record !== undefined ? `${where}: ${error.record}: ${error.message}` : `${where}: ${error.message}`;
}

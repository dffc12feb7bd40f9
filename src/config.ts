import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { load } from 'js-yaml';
import { z } from 'zod';
import { SEVERITIES } from './model/severity.js';

/** The scan configuration file (`kspm scan --config F`); command-line flags override it. */
const ConfigSchema = z
  .object({
    allowedRegistries: z.array(z.string().min(1)).optional(),
    kubernetesVersion: z.string().regex(/^v?1\.\d+$/, 'expected a Kubernetes minor version like "1.33"').optional(),
    pssVersion: z.string().regex(/^(latest|v?1\.\d+)$/, 'expected latest or v1.N').optional(),
    exceptionsFile: z.string().min(1).optional(),
    failOn: z.enum(SEVERITIES).optional(),
    frameworks: z.array(z.string()).optional(),
  })
  .strict();

export type ScanConfig = z.infer<typeof ConfigSchema>;

/** Reads and validates a config file; relative paths in it are resolved against its folder. */
export async function loadConfig(path: string): Promise<ScanConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read config file ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = load(text) ?? {};
  } catch (error) {
    throw new Error(`config file ${path} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = ConfigSchema.safeParse(data);
  if (!parsed.success) throw new Error(`config file ${path} is invalid:\n${z.prettifyError(parsed.error)}`);
  const config = parsed.data;
  if (config.exceptionsFile && !isAbsolute(config.exceptionsFile)) config.exceptionsFile = join(dirname(path), config.exceptionsFile);
  return config;
}

/**
 * Renders Helm charts (`helm template`) and Kustomize directories (`kubectl kustomize`) into YAML, and maps rendered
 * documents back to the files a person would open. The tools run without a shell, with a timeout and an output cap.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputError } from '../model/resource.js';
import type { Origin } from './documents.js';
import { formatBytes } from './read.js';
import type { DocumentText } from './split.js';

const RENDER_TIMEOUT_MS = 120_000;
/** Enough of a tool's complaint to act on, without pages of it. */
const MAX_STDERR_CHARS = 2_000;

export type RenderResult = { ok: true; text: string } | { ok: false; error: InputError };

interface Renderer {
  /** What is rendered, for messages: `Helm chart`, `Kustomize directory`. */
  what: string;
  program: string;
  args: string[];
  /** Where errors are reported. */
  file: string;
  fix: string;
  env?: NodeJS.ProcessEnv;
}

function run(renderer: Renderer, maxBytes: number): Promise<RenderResult> {
  const { what, program, args, file, fix } = renderer;
  return new Promise((resolve) => {
    execFile(
      program,
      args,
      { timeout: RENDER_TIMEOUT_MS, maxBuffer: maxBytes, env: renderer.env ?? process.env, windowsHide: true, encoding: 'utf8' },
      (failure, stdout, stderr) => {
        if (!failure) {
          resolve({ ok: true, text: stdout });
          return;
        }
        const fail = (code: InputError['code'], message: string) => resolve({ ok: false, error: { file, code, message } });
        const code: unknown = (failure as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') fail('renderer-missing', `cannot render ${what} ${file}: \`${program}\` is not on PATH. ${fix}`);
        else if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') fail('too-large', `rendering ${what} ${file} produced more than ${formatBytes(maxBytes)}; stopped`);
        else if (failure.killed) fail('render-failed', `\`${program} ${args.join(' ')}\` did not finish within ${RENDER_TIMEOUT_MS / 1000} s; stopped`);
        else {
          const detail = stderr.trim().slice(0, MAX_STDERR_CHARS) || failure.message.trim();
          fail('render-failed', `\`${program} ${args.join(' ')}\` failed: ${detail}`);
        }
      },
    );
  });
}

export async function renderHelmChart(dir: string, program: string, maxBytes: number): Promise<RenderResult> {
  // Helm's own cache, config and plugins stay out of the user's home: rendering must not depend on or change them.
  const home = await mkdtemp(join(tmpdir(), 'kspm-helm-'));
  try {
    return await run(
      {
        what: 'Helm chart',
        program,
        args: ['template', dir],
        file: dir,
        fix: `Install Helm 3 or later, or render the chart yourself and pipe it in: \`helm template NAME ${dir} | kspm scan -\`.`,
        env: { ...process.env, HELM_CACHE_HOME: join(home, 'cache'), HELM_CONFIG_HOME: join(home, 'config'), HELM_DATA_HOME: join(home, 'data') },
      },
      maxBytes,
    );
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

export function renderKustomization(dir: string, program: string, maxBytes: number): Promise<RenderResult> {
  return run(
    {
      what: 'Kustomize directory',
      program,
      args: ['kustomize', dir],
      file: dir,
      fix: `Install kubectl, or render it yourself and pipe it in: \`kubectl kustomize ${dir} | kspm scan -\`.`,
    },
    maxBytes,
  );
}

const SOURCE_COMMENT = /^# Source: (\S+)/m;

/**
 * Maps Helm's rendered documents back to their templates: `# Source: chart/templates/x.yaml` names the template
 * (the first segment is the chart's name, so the rest is relative to the chart's directory), and lines count within
 * the text that template rendered to, its documents joined by `---` lines.
 */
export function helmOrigins(dir: string): (document: DocumentText) => Origin {
  const linesUsed = new Map<string, number>();
  return (document) => {
    const header = document.text.split('\n', document.contentLine - document.line).join('\n');
    const source = SOURCE_COMMENT.exec(header);
    if (!source) return { file: dir, lineOffset: 0 };
    const template = source[1]!.split('/').slice(1).join('/');
    const sourceLine = document.line + header.slice(0, source.index).split('\n').length - 1;
    const before = linesUsed.get(template) ?? 0;
    linesUsed.set(template, before + (document.endLine - sourceLine) + 1);
    return { file: join(dir, template), lineOffset: before - sourceLine };
  };
}

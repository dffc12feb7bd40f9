/** Runs a docker credential helper (`docker-credential-<name> get`, server URL on stdin, JSON on stdout). */
import { spawn } from 'node:child_process';
import { RegistryError } from './errors.js';

export type HelperRunner = (helper: string, serverUrl: string) => Promise<{ username: string; secret: string } | undefined>;

const HELPER_TIMEOUT_MS = 30_000;
const NOT_FOUND = /credentials not found/i;

/** The helper's credential, or undefined when it has none for this server ("credentials not found"). */
export function runCredentialHelper(
  helper: string,
  serverUrl: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ username: string; secret: string } | undefined> {
  const program = `docker-credential-${helper}`;
  const failed = (problem: string) => new RegistryError('credentials', `${program} get for ${serverUrl} failed: ${problem}`);
  return new Promise((resolve, reject) => {
    const child = spawn(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    // Not spawn's own timeout option: its timer outlives a program that never started and holds the process open.
    const timer = setTimeout(() => child.kill('SIGKILL'), HELPER_TIMEOUT_MS);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(failed(error.code === 'ENOENT' ? `${program} is not on PATH` : error.message));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const out = Buffer.concat(stdout).toString('utf8');
      if (code !== 0) {
        // Helpers print "credentials not found in native keychain" on stdout; other messages are not echoed, as
        // a broken helper could print anything, a secret included.
        if (NOT_FOUND.test(out) || NOT_FOUND.test(Buffer.concat(stderr).toString('utf8'))) resolve(undefined);
        else reject(failed(signal ? `killed by ${signal}` : `exit status ${code}`));
        return;
      }
      try {
        const parsed = JSON.parse(out) as { Username?: unknown; Secret?: unknown };
        if (typeof parsed.Username !== 'string' || typeof parsed.Secret !== 'string') throw new Error('no Username/Secret');
        resolve({ username: parsed.Username, secret: parsed.Secret });
      } catch {
        reject(failed('its output is not JSON with string Username and Secret'));
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(serverUrl);
  });
}

import { it } from 'node:test';
import control from './literal-args.js';
import { testControl, DEFAULT_TEST_OPTIONS } from '../testing.js';
import { container, podOf, SPEC_PATH, workload } from '../workload/fixtures.js';
import { assertNotRevealed, FAKE } from './fixtures.js';

testControl(control, {
  valid: [
    { name: 'no command or args', objects: podOf() },
    { name: 'ordinary flags', objects: podOf({ args: ['--port=8080', '--log-level', 'debug', '-v'] }) },
    { name: 'secret from an env var reference', objects: podOf({ args: ['--password=$(DB_PASSWORD)', '--token', '$(API_TOKEN)'] }) },
    { name: 'secret read from a file', objects: podOf({ args: ['--password-file=/secrets/db', '--tls-private-key-file=/certs/tls.key', '--secret-name=webhook'] }) },
    { name: 'shell variable in a script', objects: podOf({ command: ['sh', '-c', 'exec app --password="$DB_PASSWORD"'] }) },
    { name: 'boolean flag', objects: podOf({ args: ['--authentication-token-webhook=true', '--use-token', '--verbose'] }) },
    { name: 'counts that mention tokens', objects: podOf({ args: ['--max-total-tokens=2048', '--tokenizer=llama'] }) },
    { name: 'malformed args', objects: podOf({ args: '--password=x', command: [null, 5, { flag: '--password=x' }] }) },
  ],
  invalid: [
    {
      name: '--password=value in a Deployment',
      objects: podOf({ args: ['--user=app', `--password=${FAKE.password}`] }, 'Deployment'),
      violations: [{ path: `${SPEC_PATH.Deployment}.containers[0].args[1]`, message: 'args[1] of container "app" passes a secret to the --password flag in clear' }],
    },
    { name: 'flag and value as separate items', objects: podOf({ args: ['--token', 's3cr3t-value', '--port', '80'] }), violations: [{ path: 'spec.containers[0].args[1]', message: '--token flag' }] },
    { name: 'inside an sh -c script', objects: podOf({ command: ['sh', '-c', `mysql -u root --password='${FAKE.password}' < /init.sql`] }), violations: [{ path: 'spec.containers[0].command[2]', message: '--password' }] },
    { name: 'single-dash flag', objects: podOf({ args: ['-client-secret=abc123xyz'] }), violations: [{ path: 'spec.containers[0].args[0]', message: 'the -client-secret flag' }] },
    { name: 'credential format in a positional argument', objects: podOf({ args: ['login', FAKE.githubToken] }), violations: [{ path: 'spec.containers[0].args[1]', message: 'a GitHub token' }] },
    {
      name: 'init container of a Job',
      objects: workload('Job', { initContainers: [{ name: 'seed', image: 'app:1', command: ['seed', '--api-key=abcdef123456'] }], containers: [container()] }),
      violations: [{ path: `${SPEC_PATH.Job}.initContainers[0].command[1]` }],
    },
  ],
});

it('secret-literal-args never reveals the value', () => {
  assertNotRevealed(control.check(podOf({ args: [`--password=${FAKE.password}`] }), DEFAULT_TEST_OPTIONS), FAKE.password);
  assertNotRevealed(control.check(podOf({ args: ['--token', FAKE.password] }), DEFAULT_TEST_OPTIONS), FAKE.password);
  assertNotRevealed(control.check(podOf({ command: ['sh', '-c', `curl -H "Authorization: Bearer ${FAKE.jwt}" x`] }), DEFAULT_TEST_OPTIONS), FAKE.jwt);
});

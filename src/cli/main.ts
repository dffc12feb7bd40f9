import { Command, CommanderError, Option } from 'commander';
import { renderCatalogue, CATALOGUE_FORMATS, type CatalogueFormat } from '../catalogue/render.js';
import { selectControls } from '../engine/select.js';
import { EXIT } from '../engine/scan.js';
import { FRAMEWORK_IDS } from '../frameworks/index.js';
import { SEVERITIES } from '../model/severity.js';
import { OUTPUT_FORMATS } from '../outputs/index.js';
import { TOOL } from '../tool-info.js';
import { UsageError } from '../usage-error.js';
import { DEFAULT_KUBERNETES_VERSION, DEFAULT_MAX_FILE_MIB, scanCommand, type ScanFlags } from './scan-command.js';

const collect = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

function program(setExit: (code: number) => void): Command {
  const root = new Command('kspm')
    .description('Kubernetes Security Posture Management: find what is wrong, say what matters, prove it, fix it.')
    .version(TOOL.version)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();

  root
    .command('scan')
    .description('Scan manifests (files, directories, Helm charts, Kustomize folders, or - for stdin) against the controls')
    .argument('[paths...]', 'files or directories to scan; - reads standard input')
    .addOption(new Option('-o, --output <format>', 'report format').choices(OUTPUT_FORMATS).default('table'))
    .option('--output-file <file>', 'write the report to a file (atomically) instead of standard output')
    .addOption(new Option('--framework <id>', `evaluate only this framework's controls (repeatable): ${FRAMEWORK_IDS.join(', ')}`).argParser(collect).default([]))
    .addOption(new Option('--control <id>', 'evaluate only these controls (repeatable or comma-separated)').argParser(collect).default([]))
    .addOption(new Option('-n, --namespace <ns>', 'only resources of this namespace (repeatable)').argParser(collect).default([]))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when an open finding is at or above this severity').choices(SEVERITIES))
    .option('--pss-version <version>', 'Pod Security Standards version: latest or v1.N (default latest)')
    .option('--kubernetes-version <version>', `Kubernetes version the manifests target, for removed APIs (default ${DEFAULT_KUBERNETES_VERSION})`)
    .addOption(new Option('--allowed-registry <registry>', 'registry (host, host/path prefix, *.domain) images may come from (repeatable)').argParser(collect).default([]))
    .option('--exceptions <file>', 'exceptions file (see docs/exceptions.md)')
    .option('--config <file>', 'scan configuration file (YAML); flags override it')
    .option('--max-file-size <MiB>', 'refuse input files larger than this', String(DEFAULT_MAX_FILE_MIB))
    .action(async (paths: string[], flags: ScanFlags) => setExit(await scanCommand(paths, flags)));

  root
    .command('controls')
    .description('List the control catalogue')
    .addOption(new Option('-o, --output <format>', 'catalogue format').choices(CATALOGUE_FORMATS).default('table'))
    .addOption(new Option('--framework <id>', 'only the controls of this framework (repeatable)').argParser(collect).default([]))
    .action((flags: { output: CatalogueFormat; framework: string[] }) => {
      process.stdout.write(renderCatalogue(selectControls(flags.framework, []), flags.output));
      setExit(EXIT.ok);
    });

  return root;
}

/** Runs the CLI and returns the exit status; never calls process.exit itself. */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program((exit) => (code = exit)).parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error (it has printed its message).
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`kspm: ${error.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`kspm: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.usage;
  }
}

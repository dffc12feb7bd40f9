import { Command, CommanderError, Option } from 'commander';
import { renderCatalogue, CATALOGUE_FORMATS, type CatalogueFormat } from '../catalogue/render.js';
import { selectControls } from '../engine/select.js';
import { EXIT } from '../engine/scan.js';
import { FRAMEWORK_IDS } from '../frameworks/index.js';
import { SEVERITIES } from '../model/severity.js';
import { OUTPUT_FORMATS } from '../outputs/index.js';
import { TOOL } from '../tool-info.js';
import { UsageError } from '../usage-error.js';
import { collectCommand, type CollectFlags } from './collect-command.js';
import {
  explainCommand, exposureCommand, matrixCommand, suggestCommand, type ExplainFlags, type ExposureFlags, type MatrixFlags, type SuggestFlags,
} from './network-command.js';
import { MATRIX_FORMATS } from '../network/render.js';
import {
  canICommand, escalationsCommand, permissionsCommand, reviewCommand, whoCanCommand,
  type CanIFlags, type EscalationsFlags, type PermissionsFlags, type ReviewFlags, type WhoCanFlags,
} from './rbac-command.js';
import { REVIEW_FORMATS } from '../rbac/review/index.js';
import { INVENTORY_FORMATS, inventoryCommand, type InventoryFlags } from './inventory-command.js';
import { NODE_FORMATS, nodeCommand, nodeManifestsCommand, type NodeFlags } from './node-command.js';
import { PLATFORM_IDS } from '../node/platforms.js';
import { DEFAULT_KUBERNETES_VERSION, scanCommand, type ScanFlags } from './scan-command.js';
import { PATHS_FORMATS, pathsCommand, type PathsFlags } from './paths-command.js';
import { complianceCommand, frameworksCommand, type ComplianceFlags, type FrameworksFlags } from './compliance-command.js';
import { COMPLIANCE_FORMATS, FRAMEWORK_LIST_FORMATS } from '../compliance/index.js';
import { DEFAULT_MAX_FILE_MIB } from './targets.js';
import {
  DB_COMMAND_HELP, DB_STATUS_FORMATS, DEFAULT_MAX_AGE_DAYS, dbImportCommand, dbStatusCommand, dbUpdateCommand,
  type DbImportFlags, type DbStatusFlags, type DbUpdateFlags,
} from './db-command.js';
import {
  DEFAULT_IGNORE_FILE, IMAGE_SCAN_FORMATS, imageScanCommand, SBOM_FORMATS, sbomCommand, type ImageScanFlags, type ImageSourceFlags,
} from './image-command.js';

const collect = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
const repeat = (value: string, previous: string[]) => [...previous, value];

/** Where an analysis command (rbac, network) reads one cluster from. */
function oneClusterOptions(command: Command): Command {
  return command
    .option('--cluster', "the live cluster of the kubeconfig's current context")
    .option('--context <name>', 'the live cluster of this kubeconfig context')
    .option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
    .option('--snapshot <file>', 'a snapshot written by kspm collect')
    .addOption(new Option('-f, --file <path>', 'manifests: a file or directory (repeatable)').argParser(repeat).default([]));
}

/** The flags that say which live clusters to read, shared by every command that reads them. */
function clusterOptions(command: Command): Command {
  return command
    .option('--cluster', "read the live cluster of the kubeconfig's current context (in a pod: its service account)")
    .addOption(new Option('--context <name>', 'read the cluster of this kubeconfig context (repeatable)').argParser(repeat).default([]))
    .option('--all-contexts', 'read the cluster of every kubeconfig context')
    .option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)')
    .addOption(new Option('-n, --namespace <ns>', 'only resources of this namespace (repeatable)').argParser(collect).default([]))
    .option('-A, --all-namespaces', 'every namespace (the default)');
}

/** What a scan reads and how it judges it, shared by `scan` and `paths`. */
function scanOptions(command: Command): Command {
  return clusterOptions(command)
    .addOption(new Option('--snapshot <file>', 'read a snapshot written by kspm collect (repeatable)').argParser(repeat).default([]))
    .addOption(new Option('--framework <id>', `evaluate only this framework's controls (repeatable): ${FRAMEWORK_IDS.join(', ')}`).argParser(collect).default([]))
    .addOption(new Option('--control <id>', 'evaluate only these controls (repeatable or comma-separated)').argParser(collect).default([]))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when an open finding is at or above this severity').choices(SEVERITIES))
    .option('--pss-version <version>', 'Pod Security Standards version: latest or v1.N (default latest)')
    .option('--kubernetes-version <version>', `Kubernetes version the manifests target, for removed APIs (default ${DEFAULT_KUBERNETES_VERSION})`)
    .addOption(new Option('--allowed-registry <registry>', 'registry (host, host/path prefix, *.domain) images may come from (repeatable)').argParser(collect).default([]))
    .option('--exceptions <file>', 'exceptions file (see docs/exceptions.md)')
    .option('--config <file>', 'scan configuration file (YAML); flags override it')
    .option('--max-file-size <MiB>', 'refuse input files larger than this', String(DEFAULT_MAX_FILE_MIB))
    .option('--images', "also scan every distinct image the workloads run for known vulnerabilities (see kspm image scan)")
    .option('--platform <os/arch[/variant]>', '--images: platform to take from multi-platform images (default linux/amd64)')
    .addOption(new Option('--insecure-registry <host[:port]>', '--images: registry to reach over plain http (repeatable)').argParser(repeat).default([]))
    .option('--cache-dir <dir>', '--images: layer cache (default: $XDG_CACHE_HOME/kspm/layers)')
    .option('--db <file>', '--images: the advisory database (default: $KSPM_VULN_DB, then ~/.cache/kspm/vuln.db)')
    .option('--max-db-age <days>', '--images: warn when the advisory data is older than this', '7')
    .option('--ignore-file <file>', `--images: vulnerabilities to set aside (default: ${DEFAULT_IGNORE_FILE} when present)`)
    .addOption(new Option('--vex <file>', '--images: OpenVEX document (repeatable)').argParser(repeat).default([]));
}

function program(setExit: (code: number) => void): Command {
  const root = new Command('kspm')
    .description('Kubernetes Security Posture Management: find what is wrong, say what matters, prove it, fix it.')
    .version(TOOL.version)
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();

  scanOptions(root
    .command('scan')
    .description('Scan manifests (files, directories, Helm charts, Kustomize folders, or - for stdin), live clusters or snapshots against the controls')
    .argument('[paths...]', 'files or directories to scan; - reads standard input'))
    .addOption(new Option('-o, --output <format>', 'report format').choices(OUTPUT_FORMATS).default('table'))
    .option('--output-file <file>', 'write the report to a file (atomically) instead of standard output')
    .option('--top <n>', 'report only the N most urgent open findings, ranked by an explained risk score (see docs/risk.md)')
    .action(async (paths: string[], flags: ScanFlags) => setExit(await scanCommand(paths, flags)));

  scanOptions(root
    .command('paths')
    .description('Attack paths across the engines: from the internet (and from any workload) to cluster-admin, node root or sensitive Secrets, step by step with the evidence')
    .argument('[paths...]', 'files or directories to read; - reads standard input'))
    .addOption(new Option('-o, --output <format>', 'output format').choices(PATHS_FORMATS).default('table'))
    .option('--output-file <file>', 'write the paths to a file (atomically) instead of standard output')
    .option('--max-paths <n>', 'list at most this many paths', '50')
    .option('--no-lateral', 'only paths that start from the internet, not from a compromised workload')
    .action(async (paths: string[], flags: PathsFlags) => setExit(await pathsCommand(paths, flags)));

  clusterOptions(root
    .command('collect')
    .description('Read live clusters into a snapshot file (gzip JSON Lines, secrets as metadata only) for later or air-gapped scans'))
    .requiredOption('-o, --output <file>', 'the snapshot file to write (atomically)')
    .action(async (flags: CollectFlags) => setExit(await collectCommand(flags)));

  clusterOptions(root
    .command('inventory')
    .description('List the assets of live clusters, snapshots or manifests: clusters, nodes, namespaces, workloads, images, registries, service accounts, RBAC subjects, services and ingresses')
    .argument('[paths...]', 'files or directories of manifests; - reads standard input'))
    .addOption(new Option('--snapshot <file>', 'read a snapshot written by kspm collect (repeatable)').argParser(repeat).default([]))
    .addOption(new Option('-o, --output <format>', 'inventory format').choices(INVENTORY_FORMATS).default('table'))
    .option('--output-file <file>', 'write the inventory to a file (atomically) instead of standard output')
    .action(async (paths: string[], flags: InventoryFlags) => setExit(await inventoryCommand(paths, flags)));

  const node = root
    .command('node')
    .description('Run the CIS node checks (1.1 files, 4.1 worker files, 4.2 kubelet) and the control-plane flag checks on this node or a mounted host')
    .option('--root <dir>', "the node's file system root (a host mounted at /host in a pod)", '/')
    .option('--platform <id>', `file layout and what the provider manages: ${PLATFORM_IDS.join(', ')} (default: detected)`)
    .option('--node-name <name>', 'the node name in the report (default: $NODE_NAME, then the hostname under --root)')
    .addOption(new Option('-o, --output <format>', 'report format').choices(NODE_FORMATS).default('table'))
    .option('--output-file <file>', 'write the report to a file (atomically) instead of standard output')
    .option('--fail-on-fail', 'exit 1 when a check fails')
    .action(async (flags: NodeFlags) => setExit(await nodeCommand(flags)));
  node
    .command('manifests')
    .description('Print a Job (default) or DaemonSet that runs kspm node on cluster nodes: root with no capabilities (the files CIS checks are readable by root only), hostPID, / mounted read-only at /host')
    .option('--job', 'a Job for one node (the default)')
    .option('--daemonset', 'a DaemonSet for every node')
    .action((flags: { job?: boolean; daemonset?: boolean }) => setExit(nodeManifestsCommand(flags)));

  const rbac = root.command('rbac').description('Analyse RBAC: who can do what, with the bindings and roles that grant it');
  oneClusterOptions(rbac
    .command('who-can')
    .description('Every subject allowed VERB on RESOURCE (pods, pods/exec, deployments.apps, or a URL such as /metrics), with the binding and role that grant it')
    .argument('<verb>')
    .argument('<resource>'))
    .option('-n, --namespace <ns>', 'in this namespace (default: any namespace, RoleBindings included)')
    .option('--name <name>', 'of the object with this name')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (verb: string, resource: string, flags: WhoCanFlags) => setExit(await whoCanCommand(verb, resource, flags)));
  oneClusterOptions(rbac
    .command('can-i')
    .description('Whether a user may do VERB on RESOURCE[.GROUP][/SUBRESOURCE] [NAME]: prints yes or no and exits 0 or 1, as kubectl auth can-i')
    .argument('<verb>')
    .argument('<resource>')
    .argument('[name]'))
    .option('-n, --namespace <ns>', 'in this namespace (default: default)')
    .option('-A, --all-namespaces', 'in all namespaces at once (only cluster-wide grants count)')
    .option('--as <user>', 'the user to ask for; a service account is system:serviceaccount:NAMESPACE:NAME')
    .addOption(new Option('--as-group <group>', 'a group the user is in (repeatable)').argParser(repeat).default([]))
    .option('--explain', 'also print the binding, role and rule that decide')
    .action(async (verb: string, resource: string, name: string | undefined, flags: CanIFlags) => setExit(await canICommand(verb, resource, name, flags)));
  oneClusterOptions(rbac
    .command('permissions')
    .description("A user's effective permissions, merged and readable, cluster-wide and per namespace"))
    .option('--as <user>', 'the user; a service account is system:serviceaccount:NAMESPACE:NAME')
    .addOption(new Option('--as-group <group>', 'a group the user is in (repeatable)').argParser(repeat).default([]))
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (flags: PermissionsFlags) => setExit(await permissionsCommand(flags)));
  oneClusterOptions(rbac
    .command('review')
    .description('A role-aware access review for sign-off: one row per subject with its bindings, effective permissions, risk flags and the workloads that run as it'))
    .addOption(new Option('-o, --output <format>', 'output format').choices(REVIEW_FORMATS).default('table'))
    .option('--output-file <file>', 'write the review to a file (atomically) instead of standard output')
    .option('--include-system', "also list Kubernetes' own subjects (controllers, nodes, system groups); they are counted either way")
    .action(async (flags: ReviewFlags) => setExit(await reviewCommand(flags)));
  oneClusterOptions(rbac
    .command('escalations')
    .description('Escalation paths: how each subject can climb from what it holds (create a pod as another service account, read a token, bind a role, impersonate) to more, up to cluster-admin'))
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--include-system', "also show paths starting from Kubernetes' own subjects (controllers, system users and groups)")
    .action(async (flags: EscalationsFlags) => setExit(await escalationsCommand(flags)));

  const network = root.command('network').description('Analyse NetworkPolicies: who can reach whom, on which ports, and why');
  oneClusterOptions(network
    .command('matrix')
    .description('Allowed connections between workloads (grouped by namespace and pod labels), per port, plus in from and out to the internet'))
    .addOption(new Option('-n, --namespace <ns>', 'only workloads of this namespace (repeatable)').argParser(collect).default([]))
    .addOption(new Option('-o, --output <format>', 'output format').choices(MATRIX_FORMATS).default('table'))
    .action(async (flags: MatrixFlags) => setExit(await matrixCommand(flags)));
  oneClusterOptions(network
    .command('explain')
    .description('Whether FROM may connect to TO, and which policies and rules decide it; FROM and TO are NAMESPACE/WORKLOAD, an IP address or internet')
    .argument('<from>')
    .argument('<to>'))
    .option('--port <port>', 'the port, P or P/PROTOCOL (TCP, UDP, SCTP; default TCP); any port when absent')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (from: string, to: string, flags: ExplainFlags) => setExit(await explainCommand(from, to, flags)));
  oneClusterOptions(network
    .command('exposure')
    .description('Workloads reachable from outside the cluster, and how: LoadBalancer, NodePort, externalIPs, Ingress and Gateway routes (with TLS or not), host network and host ports'))
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (flags: ExposureFlags) => setExit(await exposureCommand(flags)));
  oneClusterOptions(network
    .command('suggest')
    .description("NetworkPolicies for a namespace, as YAML: deny all, then allow DNS and traffic into each Service's pods on its target ports from the namespace and those named; checked by kspm's engine before printing"))
    .requiredOption('-n, --namespace <ns>', 'the namespace to write policies for')
    .addOption(new Option('--allow-from <ns>', "a namespace whose pods may reach the namespace's Services (repeatable or comma-separated)").argParser(collect).default([]))
    .action(async (flags: SuggestFlags) => setExit(await suggestCommand(flags)));

  clusterOptions(root
    .command('compliance')
    .description("Judge a compliance framework's controls (pass, fail, manual, not applicable) with the evidence, from the sources kspm scan reads and kspm node results")
    .argument('[paths...]', 'files or directories of manifests; - reads standard input'))
    .option('--framework <id>', 'the framework to judge (see kspm frameworks)')
    .option('--framework-file <file>', 'judge your own framework file instead (YAML, the shape of frameworks/*.yaml)')
    .addOption(new Option('--snapshot <file>', 'read a snapshot written by kspm collect (repeatable)').argParser(repeat).default([]))
    .addOption(new Option('--node-results <file>', 'JSON written by kspm node -o json (repeatable)').argParser(repeat).default([]))
    .addOption(new Option('-o, --output <format>', 'report format').choices(COMPLIANCE_FORMATS).default('table'))
    .option('--output-file <file>', 'write the report to a file (atomically) instead of standard output')
    .option('--exceptions <file>', 'exceptions file (see docs/exceptions.md)')
    .option('--config <file>', 'scan configuration file (YAML), as kspm scan reads it')
    .option('--pss-version <version>', 'Pod Security Standards version: latest or v1.N (default latest)')
    .action(async (paths: string[], flags: ComplianceFlags) => setExit(await complianceCommand(paths, flags)));

  root
    .command('frameworks')
    .description('List the compliance frameworks kspm can judge, with how many of their controls it decides')
    .addOption(new Option('-o, --output <format>', 'list format').choices(FRAMEWORK_LIST_FORMATS).default('table'))
    .action(async (flags: FrameworksFlags) => setExit(await frameworksCommand(flags)));

  root
    .command('controls')
    .description('List the control catalogue')
    .addOption(new Option('-o, --output <format>', 'catalogue format').choices(CATALOGUE_FORMATS).default('table'))
    .addOption(new Option('--framework <id>', 'only the controls of this framework (repeatable)').argParser(collect).default([]))
    .action((flags: { output: CatalogueFormat; framework: string[] }) => {
      process.stdout.write(renderCatalogue(selectControls(flags.framework, []), flags.output));
      setExit(EXIT.ok);
    });

  const db = root.command('db').description(DB_COMMAND_HELP.db);
  db.command('update')
    .description(DB_COMMAND_HELP.update)
    .option('--db <file>', 'the advisory database (default: $KSPM_VULN_DB, then ~/.cache/kspm/vuln.db)')
    .option('--config <file>', 'sources to download (YAML or JSON; see docs/vuln-db.md)')
    .option('--mirror <url>', 'base URL of a mirror that serves every source under its host and path')
    .addOption(new Option('--ecosystem <name>', 'only the sources of this ecosystem (repeatable or comma-separated)').argParser(collect).default([]))
    .addOption(new Option('-o, --output <format>', 'also print each source\'s outcome as JSON').choices(['json']))
    .action(async (flags: DbUpdateFlags) => setExit(await dbUpdateCommand(flags)));
  db.command('import')
    .description(DB_COMMAND_HELP.import)
    .argument('<paths...>', 'files or folders of advisories')
    .option('--db <file>', 'the advisory database (default: $KSPM_VULN_DB, then ~/.cache/kspm/vuln.db)')
    .action(async (paths: string[], flags: DbImportFlags) => setExit(await dbImportCommand(paths, flags)));
  db.command('status')
    .description(DB_COMMAND_HELP.status)
    .option('--db <file>', 'the advisory database (default: $KSPM_VULN_DB, then ~/.cache/kspm/vuln.db)')
    .addOption(new Option('-o, --output <format>', 'status format').choices(DB_STATUS_FORMATS).default('table'))
    .option('--max-age <days>', 'warn when the data is older than this', String(DEFAULT_MAX_AGE_DAYS))
    .action((flags: DbStatusFlags) => setExit(dbStatusCommand(flags)));

  const image = root.command('image').description('Container images: packages and known vulnerabilities');
  imageSourceOptions(image
    .command('scan')
    .description('Scan container images for known vulnerabilities: registry references, OCI layouts, docker save archives, root filesystems or SBOMs')
    .argument('[references...]', 'registry references (nginx:1.27, ghcr.io/org/app@sha256:...)'))
    .addOption(new Option('-o, --output <format>', 'report format').choices(IMAGE_SCAN_FORMATS).default('table'))
    .addOption(new Option('--sbom <file>', 'scan the packages a CycloneDX or SPDX JSON SBOM lists (repeatable)').argParser(repeat).default([]))
    .option('--db <file>', 'the advisory database (default: $KSPM_VULN_DB, then ~/.cache/kspm/vuln.db)')
    .option('--max-db-age <days>', 'warn when the advisory data is older than this', '7')
    .option('--ignore-file <file>', `vulnerabilities to set aside: ids with optional exp:YYYY-MM-DD, or YAML (default: ${DEFAULT_IGNORE_FILE} when present)`)
    .addOption(new Option('--vex <file>', 'OpenVEX document whose not_affected/fixed statements set findings aside (repeatable)').argParser(repeat).default([]))
    .option('--ignore-unfixed', 'leave out vulnerabilities without a fixed version')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when an open vulnerability is at or above this severity').choices(['critical', 'high', 'medium', 'low', 'negligible']))
    .action(async (references: string[], flags: ImageScanFlags) => setExit(await imageScanCommand(references, flags)));

  imageSourceOptions(root
    .command('sbom')
    .description('Write the software bill of materials of container images (no vulnerability matching)')
    .argument('[references...]', 'registry references'))
    .addOption(new Option('-o, --output <format>', 'SBOM format').choices(SBOM_FORMATS).default('cyclonedx'))
    .action(async (references: string[], flags: ImageSourceFlags) => setExit(await sbomCommand(references, flags)));

  return root;
}

/** Where images come from and how they are pulled, shared by `image scan` and `sbom`. */
function imageSourceOptions(command: Command): Command {
  return command
    .addOption(new Option('--oci-layout <dir>', 'an OCI image layout: DIR, DIR:TAG or DIR@sha256:... (repeatable)').argParser(repeat).default([]))
    .addOption(new Option('--docker-archive <file>', 'a docker save archive: FILE, FILE:REPO:TAG or FILE@sha256:ID (repeatable)').argParser(repeat).default([]))
    .addOption(new Option('--rootfs <dir>', 'a root filesystem (repeatable)').argParser(repeat).default([]))
    .option('--platform <os/arch[/variant]>', 'platform to take from multi-platform images (default linux/amd64)')
    .addOption(new Option('--insecure-registry <host[:port]>', 'registry to reach over plain http (loopback ones always are; repeatable)').argParser(repeat).default([]))
    .option('--cache-dir <dir>', 'layer cache (default: $XDG_CACHE_HOME/kspm/layers)')
    .option('--output-file <file>', 'write the report to a file (atomically) instead of standard output');
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

import type { Control, ControlOptions, InventoryControl, ResourceControl, Violation } from '../controls/types.js';
import { findException, annotationException, type AnnotationException, type ExceptionSet } from '../exceptions/index.js';
import { frameworkScores, postureScore } from './score.js';
import type { Framework } from '../frameworks/index.js';
import { Inventory, type InventoryEntry } from '../inventory/inventory.js';
import type { ImageScanOutcome } from '../image/model.js';
import { controllerOf } from '../inventory/ownership.js';
import { podTemplateOf } from '../inventory/pod-spec.js';
import type { ClusterFacts, CoverageGap } from '../model/cluster.js';
import type { Finding } from '../model/finding.js';
import type { K8sObject } from '../model/k8s.js';
import { formatPath } from '../model/path.js';
import type { ClusterSummary, ControlTally, ReportHeader, ReportSink, Summary, WorkloadRiskSummary } from '../model/report.js';
import { describeRef, isClusterLocation, type InputError, type LoadedResource, type ResourceRef, type SourceItem, type SourceLocation } from '../model/resource.js';
import { SEVERITIES, atLeast, type Severity } from '../model/severity.js';

export type ScanItem = SourceItem | { type: 'gap'; gap: CoverageGap };

/**
 * One set of resources judged together: the files given, or one live cluster (or a snapshot of one). Cluster-wide
 * controls see one source at a time, so two clusters never mix.
 */
export interface ScanSource {
  items: AsyncIterable<ScanItem>;
  /** For a cluster: what it is, known once `items` is exhausted. */
  facts?(): ClusterFacts | undefined;
  /**
   * True for clusters: objects a workload controller manages (a Deployment's ReplicaSets and Pods) share its pod
   * template, so they are recorded but judged only through the controller.
   */
  judgeControllersOnly?: boolean;
}

export interface ScanRequest {
  /** Read in order, each exhausted before the next is asked for. */
  sources: Iterable<ScanSource> | AsyncIterable<ScanSource>;
  controls: readonly Control[];
  /** Frameworks scored in the summary. */
  frameworks: readonly Framework[];
  options: ControlOptions;
  exceptions: ExceptionSet;
  /** Problems found before the scan started (e.g. invalid entries of the exceptions file), reported with the rest. */
  initialErrors: readonly InputError[];
  /** Only resources of these namespaces (and the Namespace objects themselves); all when empty. */
  namespaces: readonly string[];
  failOn?: Severity;
  now: Date;
  /**
   * Scans the images the source's workloads run, once the source is read and before cluster-wide controls judge it;
   * an image that cannot be scanned is an input error naming it, and the rest of the scan goes on.
   */
  scanImages?: ImageScanner;
  /** Holds each source's findings until the source is judged, to rank or enrich them with what the whole source shows. */
  analysis?: SourceAnalysis;
}

export interface SourceAnalysis {
  /** The findings of one source (in the order they were made) and its inventory; returns the findings to report. */
  analyse(findings: Finding[], inventory: Inventory): Finding[];
  /** Report only this many findings of the whole scan: those with the highest `risk.score`, highest first. */
  top?: number;
  /** The riskiest workloads of everything analysed, for the summary. */
  riskiestWorkloads?(): WorkloadRiskSummary[];
}

export type ImageScanner = (inventory: Inventory, facts: ClusterFacts | undefined) => Promise<ReadonlyMap<string, ImageScanOutcome>>;

/** Exit statuses (README, "Exit codes"). */
export const EXIT = { ok: 0, findings: 1, usage: 2, inputErrors: 3 } as const;

function applies(control: ResourceControl, object: K8sObject): boolean {
  const scope = control.meta.appliesTo;
  const kindMatches = scope === 'all' || (scope === 'workloads' ? podTemplateOf(object) !== undefined : typeof object.kind === 'string' && scope.includes(object.kind));
  return kindMatches && (control.judges === undefined || control.judges(object));
}

function inNamespaces(ref: ResourceRef, namespaces: readonly string[]): boolean {
  if (namespaces.length === 0) return true;
  if (ref.namespace) return namespaces.includes(ref.namespace);
  return ref.kind === 'Namespace' && namespaces.includes(ref.name);
}

function emptyTallies(controls: readonly Control[]): Map<string, ControlTally> {
  return new Map(controls.map((control) => [control.meta.id, { controlId: control.meta.id, severity: control.meta.severity, evaluated: 0, failed: 0, excepted: 0 }]));
}

const noFindings = (): Record<Severity, number> => Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;

/** Where a violation is: the field's line in a file, or the object in its cluster. */
function violationSource(source: SourceLocation, locate: LoadedResource['locate'], violation: Violation): SourceLocation {
  if (isClusterLocation(source) || locate === undefined) return source;
  return { file: source.file, ...locate(violation.path) };
}

function notApplicableReason(control: Control, facts: ClusterFacts | undefined, imagesScanned: boolean): string | undefined {
  if (control.meta.needsImageScans && !imagesScanned) return 'the images were not scanned (kspm scan --images scans them)';
  if (!control.meta.selfManagedOnly || !facts?.platform.managed) return undefined;
  return `the control plane of ${facts.context} is run by its provider (${facts.platform.distribution}) and not visible through the API`;
}

/** Counts of one source (or of the whole scan). */
class Tally {
  readonly controls: Map<string, ControlTally>;
  resources = 0;
  readonly open = noFindings();

  constructor(controls: readonly Control[]) {
    this.controls = emptyTallies(controls);
  }
}

/**
 * The scan pipeline: sources stream resources; each is recorded in the inventory and checked by every resource
 * control; cluster-wide controls run once a source is exhausted. Findings go to the sink as they are made, so memory
 * holds only the inventory of one source, never the whole estate or report.
 */
export async function runScan(request: ScanRequest, sink: ReportSink, header: ReportHeader): Promise<Summary> {
  const total = new Tally(request.controls);
  const counts = { read: 0, errors: 0, total: 0, excepted: 0, expired: 0 };
  const resourceControls = request.controls.filter((control): control is ResourceControl => control.scope === 'resource');
  const inventoryControls = request.controls.filter((control): control is InventoryControl => control.scope === 'inventory');
  const clusters: ClusterSummary[] = [];
  const imagesScanned = request.scanImages !== undefined;
  /** With a `top`, the most urgent findings so far, across sources. */
  let ranked: Finding[] | undefined = request.analysis?.top !== undefined ? [] : undefined;

  const reportError = async (error: InputError) => {
    counts.errors++;
    await sink.error(error);
  };

  await sink.begin(header);
  for (const error of request.initialErrors) await reportError(error);

  let sourceCount = 0;
  for await (const source of request.sources) {
    sourceCount++;
    const tally = new Tally(request.controls);
    const gaps: CoverageGap[] = [];
    const inventory = new Inventory();
    /** Annotation exceptions of the resources that carry one, for findings cluster-wide controls make on them later. */
    const annotated = new Map<InventoryEntry, AnnotationException>();
    /** The source's findings, while an analysis waits for the whole source. */
    const held: Finding[] | undefined = request.analysis ? [] : undefined;

    /** Turns a control's verdict on one subject into findings, and tallies it. */
    const record = async (control: Control, ref: ResourceRef, source: SourceLocation, violations: Violation[], locate: LoadedResource['locate'], annotation: AnnotationException | undefined) => {
      const tallies = [tally.controls.get(control.meta.id)!, total.controls.get(control.meta.id)!];
      for (const each of tallies) each.evaluated++;
      if (violations.length === 0) return;
      let open = false;
      for (const violation of violations) {
        const exception = findException(control.meta.id, ref, request.exceptions, annotation, request.now);
        const finding: Finding = {
          controlId: control.meta.id,
          title: control.meta.title,
          severity: control.meta.severity,
          category: control.meta.category,
          message: violation.message,
          resource: ref,
          source: violationSource(source, locate, violation),
          path: formatPath(violation.path),
          evidence: { found: violation.found, expected: violation.expected },
          remediation: control.meta.remediation,
          frameworks: control.meta.frameworks,
          exception,
        };
        counts.total++;
        if (exception?.status === 'active') counts.excepted++;
        else {
          open = true;
          tally.open[finding.severity]++;
          total.open[finding.severity]++;
          if (exception?.status === 'expired') counts.expired++;
        }
        if (held) held.push(finding);
        else await sink.finding(finding);
      }
      for (const each of tallies) {
        if (open) each.failed++;
        else each.excepted++;
      }
    };

    for await (const item of source.items) {
      if (item.type === 'error') {
        await reportError(item.error);
        continue;
      }
      if (item.type === 'gap') {
        gaps.push(item.gap);
        await sink.gap(item.gap);
        continue;
      }
      const resource = item.resource;
      counts.read++;
      if (!inNamespaces(resource.ref, request.namespaces)) continue;
      tally.resources++;
      total.resources++;
      await sink.resource({ ...resource.ref, source: resource.source });
      const controller = source.judgeControllersOnly ? controllerOf(resource.object) : undefined;
      const entry = inventory.add(resource, controller);
      const parsed = annotationException(resource.object, resource.ref, describeRef(resource.ref), request.now);
      if (parsed.error) await reportError({ ...parsed.error, ...errorLocation(resource.source) });
      if (parsed.exception) annotated.set(entry, parsed.exception);
      if (controller) continue;
      for (const control of resourceControls) {
        if (!applies(control, resource.object)) continue;
        let violations: Violation[];
        try {
          violations = control.check(resource.object, request.options);
        } catch (error) {
          await reportError(controlFailure(control, resource.ref, resource.source, error));
          continue;
        }
        await record(control, resource.ref, resource.source, violations, resource.locate, parsed.exception);
      }
    }

    const facts = source.facts?.();
    inventory.cluster = facts;
    if (request.scanImages) {
      inventory.images = await request.scanImages(inventory, facts);
      for (const outcome of inventory.images.values()) {
        if ('error' in outcome) await reportError({ file: outcome.reference, ...(facts ? { cluster: facts.context } : {}), code: 'image-unavailable', message: outcome.error });
      }
    }
    for (const control of inventoryControls) {
      if (notApplicableReason(control, facts, imagesScanned)) continue;
      let results;
      try {
        results = control.check(inventory, request.options);
      } catch (error) {
        await reportError(controlFailure(control, { apiVersion: '', kind: 'inventory', name: '' }, facts ? { cluster: facts.context, apiPath: '' } : { file: '', line: 0 }, error));
        continue;
      }
      for (const { entry, violations } of results) await record(control, entry.ref, entry.source, violations, undefined, annotated.get(entry));
    }
    if (held) {
      const analysed = request.analysis!.analyse(held, inventory);
      if (ranked) ranked = mostUrgent([...ranked, ...analysed], request.analysis!.top!);
      else for (const finding of analysed) await sink.finding(finding);
    }
    markNotApplicable(request.controls, tally, facts, imagesScanned);
    if (facts) clusters.push({ ...facts, resources: tally.resources, bySeverity: tally.open, score: postureScore(tally.controls.values()), gaps });
  }

  markNotApplicable(request.controls, total, clusters.length === sourceCount && clusters.length > 0 ? clusters : undefined, imagesScanned);
  const failing = request.failOn !== undefined && SEVERITIES.some((severity) => total.open[severity] > 0 && atLeast(severity, request.failOn!));
  const exitCode =
    counts.read === 0 && counts.errors > 0 ? EXIT.usage : failing ? EXIT.findings : counts.errors > 0 ? EXIT.inputErrors : EXIT.ok;
  const summary: Summary = {
    resources: total.resources,
    findings: { total: counts.total, bySeverity: total.open, excepted: counts.excepted, expiredExceptions: counts.expired },
    errors: counts.errors,
    score: postureScore(total.controls.values()),
    frameworks: frameworkScores(request.frameworks, request.controls, total.controls),
    controls: [...total.controls.values()],
    ...(clusters.length > 0 ? { clusters } : {}),
    ...(request.analysis?.riskiestWorkloads ? { riskiestWorkloads: request.analysis.riskiestWorkloads() } : {}),
    exitCode,
    finishedAt: new Date().toISOString(),
  };
  for (const finding of ranked ?? []) await sink.finding(finding);
  await sink.end(summary);
  return summary;
}

/** The `top` findings with the highest risk score, highest first; the sort is stable, so ties keep scan order. */
function mostUrgent(findings: Finding[], top: number): Finding[] {
  return findings.sort((a, b) => (b.risk?.score ?? 0) - (a.risk?.score ?? 0)).slice(0, top);
}

/**
 * Marks the controls that judged nothing because what they need was not read: the control plane every cluster read
 * hides, or image scans not asked for. `facts` is one cluster or, for the whole scan, every cluster when the scan read
 * only clusters.
 */
function markNotApplicable(
  controls: readonly Control[],
  tally: Tally,
  facts: ClusterFacts | readonly ClusterFacts[] | undefined,
  imagesScanned: boolean,
): void {
  const all: readonly (ClusterFacts | undefined)[] = facts === undefined ? [undefined] : Array.isArray(facts) ? facts : [facts as ClusterFacts];
  for (const control of controls) {
    const counted = tally.controls.get(control.meta.id)!;
    const reasons = all.map((each) => notApplicableReason(control, each, imagesScanned));
    if (counted.evaluated === 0 && reasons.every((reason) => reason !== undefined)) counted.notApplicable = [...new Set(reasons)].join('; ');
  }
}

function errorLocation(source: SourceLocation): Pick<InputError, 'file' | 'line' | 'cluster'> {
  return isClusterLocation(source) ? { file: source.apiPath, cluster: source.cluster } : { file: source.file, line: source.line };
}

function controlFailure(control: Control, ref: ResourceRef, source: SourceLocation, error: unknown): InputError {
  return {
    ...errorLocation(source),
    code: 'control-failed',
    message: `control ${control.meta.id} failed on ${describeRef(ref)}: ${error instanceof Error ? error.message : String(error)}`,
  };
}

import type { Control, ControlOptions, ResourceControl, Violation } from '../controls/types.js';
import { findException, annotationException, type AnnotationException, type ExceptionSet } from '../exceptions/index.js';
import { frameworkScores, postureScore } from './score.js';
import type { Framework } from '../frameworks/index.js';
import { Inventory, type InventoryEntry } from '../inventory/inventory.js';
import { podTemplateOf } from '../inventory/pod-spec.js';
import type { Finding } from '../model/finding.js';
import type { K8sObject } from '../model/k8s.js';
import { formatPath } from '../model/path.js';
import type { ControlTally, ReportHeader, ReportSink, Summary } from '../model/report.js';
import { describeRef, type InputError, type LoadedResource, type ResourceRef, type SourceLocation } from '../model/resource.js';
import { SEVERITIES, atLeast, type Severity } from '../model/severity.js';
import { readSources, type ReadOptions } from '../sources/index.js';

export interface ScanRequest {
  inputs: string[];
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
  read?: ReadOptions;
}

/** Exit statuses (README, "Exit codes"). */
export const EXIT = { ok: 0, findings: 1, usage: 2, inputErrors: 3 } as const;

function applies(control: Control, object: K8sObject): boolean {
  const scope = control.meta.appliesTo;
  if (scope === 'all') return true;
  if (scope === 'workloads') return podTemplateOf(object) !== undefined;
  return typeof object.kind === 'string' && scope.includes(object.kind);
}

function inNamespaces(ref: ResourceRef, namespaces: readonly string[]): boolean {
  if (namespaces.length === 0) return true;
  if (ref.namespace) return namespaces.includes(ref.namespace);
  return ref.kind === 'Namespace' && namespaces.includes(ref.name);
}

/**
 * The scan pipeline: sources stream resources; each is recorded in the inventory and checked by every resource
 * control; cluster-wide controls run once all are seen. Findings go to the sink as they are made, so memory holds
 * only the inventory, never the whole estate or report.
 */
export async function runScan(request: ScanRequest, sink: ReportSink, header: ReportHeader): Promise<Summary> {
  const tallies = new Map<string, ControlTally>(
    request.controls.map((control) => [control.meta.id, { controlId: control.meta.id, severity: control.meta.severity, evaluated: 0, failed: 0, excepted: 0 }]),
  );
  // `read` counts every resource the inputs held; `resources`, those the namespace filter kept.
  const counts = { read: 0, resources: 0, errors: 0, total: 0, excepted: 0, expired: 0, open: Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number> };
  const resourceControls = request.controls.filter((control): control is ResourceControl => control.scope === 'resource');
  const inventory = new Inventory();
  /** Annotation exceptions of the resources that carry one, for findings cluster-wide controls make on them later. */
  const annotated = new Map<InventoryEntry, AnnotationException>();

  const reportError = async (error: InputError) => {
    counts.errors++;
    await sink.error(error);
  };

  /** Turns a control's verdict on one subject into findings, and tallies it. */
  const record = async (control: Control, ref: ResourceRef, source: SourceLocation, violations: Violation[], locate: LoadedResource['locate'] | undefined, annotation: AnnotationException | undefined) => {
    const tally = tallies.get(control.meta.id)!;
    tally.evaluated++;
    if (violations.length === 0) return;
    let open = false;
    for (const violation of violations) {
      const exception = findException(control.meta.id, ref, request.exceptions, annotation, request.now);
      const position = locate ? locate(violation.path) : { line: source.line };
      const finding: Finding = {
        controlId: control.meta.id,
        title: control.meta.title,
        severity: control.meta.severity,
        category: control.meta.category,
        message: violation.message,
        resource: ref,
        source: { file: source.file, ...position },
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
        counts.open[finding.severity]++;
        if (exception?.status === 'expired') counts.expired++;
      }
      await sink.finding(finding);
    }
    if (open) tally.failed++;
    else tally.excepted++;
  };

  await sink.begin(header);
  for (const error of request.initialErrors) await reportError(error);
  for await (const item of readSources(request.inputs, request.read)) {
    if (item.type === 'error') {
      await reportError(item.error);
      continue;
    }
    const resource = item.resource;
    counts.read++;
    if (!inNamespaces(resource.ref, request.namespaces)) continue;
    counts.resources++;
    await sink.resource({ ...resource.ref, source: resource.source });
    const entry = inventory.add(resource);
    const parsed = annotationException(resource.object, resource.ref, describeRef(resource.ref), request.now);
    if (parsed.error) await reportError({ ...parsed.error, file: resource.source.file, line: resource.source.line });
    if (parsed.exception) annotated.set(entry, parsed.exception);
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

  for (const control of request.controls) {
    if (control.scope !== 'inventory') continue;
    let results;
    try {
      results = control.check(inventory, request.options);
    } catch (error) {
      await reportError(controlFailure(control, { apiVersion: '', kind: 'inventory', name: '' }, { file: '', line: 0 }, error));
      continue;
    }
    for (const { entry, violations } of results) await record(control, entry.ref, entry.source, violations, undefined, annotated.get(entry));
  }

  const failing = request.failOn !== undefined && SEVERITIES.some((severity) => counts.open[severity] > 0 && atLeast(severity, request.failOn!));
  const exitCode =
    counts.read === 0 && counts.errors > 0 ? EXIT.usage : failing ? EXIT.findings : counts.errors > 0 ? EXIT.inputErrors : EXIT.ok;
  const summary: Summary = {
    resources: counts.resources,
    findings: { total: counts.total, bySeverity: counts.open, excepted: counts.excepted, expiredExceptions: counts.expired },
    errors: counts.errors,
    score: postureScore(tallies.values()),
    frameworks: frameworkScores(request.frameworks, request.controls, tallies),
    controls: [...tallies.values()],
    exitCode,
    finishedAt: new Date().toISOString(),
  };
  await sink.end(summary);
  return summary;
}

function controlFailure(control: Control, ref: ResourceRef, source: SourceLocation, error: unknown): InputError {
  return {
    file: source.file,
    line: source.line,
    code: 'control-failed',
    message: `control ${control.meta.id} failed on ${describeRef(ref)}: ${error instanceof Error ? error.message : String(error)}`,
  };
}

/**
 * Workloads running images with known vulnerabilities of one severity, from the image scans `kspm scan --images`
 * attaches to the inventory. Each container image is one violation whose evidence lists the vulnerabilities, so
 * prioritisation can join them with the workload's exposure and privileges.
 */
import type { Severity as VulnerabilitySeverity } from '../../vuln/advisory.js';
import type { Vulnerability } from '../../vuln/vulnerability.js';
import type { Severity } from '../../model/severity.js';
import { defineInventoryControl, type InventoryControl, type Violation } from '../types.js';
import type { InventoryEntry, WorkloadImage } from '../../inventory/inventory.js';
import type { ImageScanOutcome } from '../../image/model.js';

export interface VulnerabilityEvidence {
  id: string;
  aliases: string[];
  package: string;
  installed: string;
  fixed?: string;
  state: Vulnerability['state'];
  cvss?: number;
}

function evidenceOf(vulnerability: Vulnerability): VulnerabilityEvidence {
  return {
    id: vulnerability.id,
    aliases: vulnerability.aliases,
    package: vulnerability.package.name,
    installed: vulnerability.installedVersion,
    ...(vulnerability.fixedVersion ? { fixed: vulnerability.fixedVersion } : {}),
    state: vulnerability.state,
    ...(vulnerability.cvss ? { cvss: vulnerability.cvss.score } : {}),
  };
}

function violationFor(image: WorkloadImage, outcome: ImageScanOutcome | undefined, level: VulnerabilitySeverity): Violation[] {
  if (!outcome || !('result' in outcome)) return [];
  const matching = outcome.result.vulnerabilities.filter((vulnerability) => vulnerability.severity === level && !vulnerability.suppressed);
  if (matching.length === 0) return [];
  const fixable = matching.filter((vulnerability) => vulnerability.fixedVersion !== undefined).length;
  const ids = matching.slice(0, 3).map((vulnerability) => `${vulnerability.id} (${vulnerability.package.name} ${vulnerability.installedVersion})`);
  const more = matching.length > ids.length ? ` and ${matching.length - ids.length} more` : '';
  return [{
    path: image.path,
    message: `container "${image.container}" runs ${image.image}, which has ${matching.length} ${level.toLowerCase()} ${matching.length === 1 ? 'vulnerability' : 'vulnerabilities'} (${fixable} with a fix): ${ids.join(', ')}${more}`,
    found: {
      image: image.image,
      ...(outcome.result.inventory.image.manifestDigest ? { digest: outcome.result.inventory.image.manifestDigest } : {}),
      vulnerabilities: matching.map(evidenceOf),
    },
    expected: `no ${level.toLowerCase()} vulnerabilities: rebuild on a patched base image or upgrade the packages to their fixed versions`,
  }];
}

function judge(workload: InventoryEntry, images: ReadonlyMap<string, ImageScanOutcome>, level: VulnerabilitySeverity) {
  const violations = (workload.workload?.images ?? []).flatMap((image) => violationFor(image, images.get(image.image), level));
  return { entry: workload, violations };
}

function vulnerabilityControl(level: 'CRITICAL' | 'HIGH', severity: Severity): InventoryControl {
  const word = level.toLowerCase();
  return defineInventoryControl(
    {
      id: `image-${word}-vulnerabilities`,
      title: `Workload running an image with ${word} vulnerabilities`,
      severity,
      category: 'Images',
      description: `Flags each container whose image has known ${word}-severity vulnerabilities that no ignore rule or VEX statement covers (needs \`kspm scan --images\`).`,
      rationale:
        'A known vulnerability in a running image is the most direct way in: exploits for many are public, and the packages that carry them are in every replica. The distribution or advisory rates these as ' +
        `${word}; the evidence lists each with its package and fixed version.`,
      remediation:
        'Rebuild the image on a current base image (or upgrade the affected packages to the fixed versions listed) and redeploy; for a vulnerability that does not apply to how the image is used, record it with a justification in an ignore file or an OpenVEX document.',
      frameworks: [
        { framework: 'nsa', id: 'secure-images' },
        { framework: 'mitre', id: 'T1190' },
      ],
      appliesTo: 'workloads',
      needsImageScans: true,
    },
    (inventory) => {
      const images = inventory.images;
      if (!images) return [];
      return inventory.workloads().map((workload) => judge(workload, images, level));
    },
  );
}

export const imageCriticalVulnerabilities = vulnerabilityControl('CRITICAL', 'critical');
export const imageHighVulnerabilities = vulnerabilityControl('HIGH', 'high');

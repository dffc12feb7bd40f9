/** Gathers what an SBOM says about one image into an `ImageInventory`, whichever format it came from. */
import type { ImageIdentity, ImageInventory } from '../image/model.js';
import type { InstalledPackage, OperatingSystem } from '../image/packages/model.js';
import { packageFromPurl, type PackageOrigin } from './purl-package.js';

export class InventoryBuilder {
  private readonly packages = new Map<string, InstalledPackage>();
  private readonly notes: string[] = [];
  private os: OperatingSystem | undefined;
  private distroOs: OperatingSystem | undefined;

  constructor(private readonly image: ImageIdentity) {}

  setOs(os: OperatingSystem): void {
    this.os ??= os;
  }

  note(text: string): void {
    this.notes.push(text);
  }

  /** Adds the package a purl names; a purl kspm cannot use becomes a note naming the component. */
  addPurl(purl: string, origin: PackageOrigin, component: string): void {
    const found = packageFromPurl(purl, origin);
    if (typeof found === 'string') {
      this.note(`${component}: ${found}; not scanned`);
      return;
    }
    const pkg = found.package;
    this.distroOs ??= found.os;
    const key = JSON.stringify([pkg.purl, pkg.path, pkg.layer ?? '']);
    if (!this.packages.has(key)) this.packages.set(key, pkg);
  }

  build(): ImageInventory {
    const os = this.os ?? this.distroOs;
    return { image: this.image, ...(os ? { os } : {}), packages: [...this.packages.values()], notes: this.notes };
  }
}

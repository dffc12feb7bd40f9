/** What package detectors report: the packages of an image or root filesystem, each traceable to where it was found. */
export interface InstalledPackage {
  /** The ecosystem as OSV names it: `Debian`, `Alpine`, `PyPI`, `npm`, ... */
  ecosystem: string;
  name: string;
  version: string;
  /** The source package a binary package was built from (dpkg Source, apk origin), when it differs. */
  source?: { name: string; version: string };
  /** The file the package was read from, relative to the root: `var/lib/dpkg/status`. */
  path: string;
  /** The layer digest that file came from, when read from an image. */
  layer?: string;
  /** The package URL (purl), e.g. `pkg:deb/debian/openssl@3.0.15-1~deb12u1?arch=amd64&distro=debian-12`. */
  purl: string;
}

/** The operating system of a root filesystem, from os-release. */
export interface OperatingSystem {
  /** `debian`, `ubuntu`, `alpine`, `rhel`, ... (os-release ID). */
  id: string;
  /** `12`, `22.04`, `3.20.3` (VERSION_ID). */
  versionId?: string;
  codename?: string;
  prettyName?: string;
}

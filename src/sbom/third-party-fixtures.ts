/**
 * SBOMs shaped as Syft and Trivy write them, made by hand from their documented formats (Syft's CycloneDX encoder
 * properties `syft:package:*`, `syft:location:N:*`, `syft:metadata:*`; Trivy's `aquasecurity:trivy:*` properties, its
 * operating-system component and apk purls with a bare `distro` version; Syft's SPDX 2.3 with a CONTAINER package
 * the document DESCRIBES). Values are invented; only the shapes follow the tools.
 */
export const SYFT_CYCLONEDX = JSON.stringify({
  $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  serialNumber: 'urn:uuid:0b5a3b0e-6f5d-4b8c-9a1e-9d2c3b4a5f60',
  version: 1,
  metadata: {
    timestamp: '2025-03-01T10:00:00Z',
    tools: { components: [{ type: 'application', author: 'anchore', name: 'syft', version: '1.20.0' }] },
    component: { 'bom-ref': '8f1e2d3c4b5a6978', type: 'container', name: 'python:3.12-slim', version: 'sha256:4444444444444444444444444444444444444444444444444444444444444444' },
  },
  components: [
    {
      'bom-ref': 'pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&upstream=openssl&distro=debian-12&package-id=1a2b',
      type: 'library',
      publisher: 'Debian OpenSSL Team',
      name: 'libssl3',
      version: '3.0.15-1~deb12u1',
      cpe: 'cpe:2.3:a:libssl3:libssl3:3.0.15-1\\~deb12u1:*:*:*:*:*:*:*',
      purl: 'pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&upstream=openssl&distro=debian-12',
      properties: [
        { name: 'syft:package:foundBy', value: 'dpkg-db-cataloger' },
        { name: 'syft:package:type', value: 'deb' },
        { name: 'syft:package:metadataType', value: 'dpkg-db-entry' },
        { name: 'syft:location:0:layerID', value: 'sha256:5555555555555555555555555555555555555555555555555555555555555555' },
        { name: 'syft:location:0:path', value: '/var/lib/dpkg/status' },
        { name: 'syft:metadata:source', value: 'openssl' },
        { name: 'syft:metadata:installedSize', value: '6000' },
      ],
    },
    {
      'bom-ref': 'pkg:pypi/pip@24.0?package-id=3c4d',
      type: 'library',
      name: 'pip',
      version: '24.0',
      purl: 'pkg:pypi/pip@24.0',
      properties: [
        { name: 'syft:package:foundBy', value: 'python-installed-package-cataloger' },
        { name: 'syft:package:language', value: 'python' },
        { name: 'syft:location:0:layerID', value: 'sha256:6666666666666666666666666666666666666666666666666666666666666666' },
        { name: 'syft:location:0:path', value: '/usr/local/lib/python3.12/site-packages/pip-24.0.dist-info/METADATA' },
      ],
    },
    {
      'bom-ref': 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?package-id=5e6f',
      type: 'library',
      name: 'log4j-core',
      group: 'org.apache.logging.log4j',
      version: '2.14.1',
      purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
      properties: [{ name: 'syft:location:0:path', value: '/opt/app/lib/log4j-core-2.14.1.jar' }],
    },
    { 'bom-ref': 'os-7a8b', type: 'operating-system', name: 'debian', version: '12', description: 'Debian GNU/Linux 12 (bookworm)', swid: { tagId: 'debian', name: 'debian', version: '12' } },
    { 'bom-ref': 'file-9c0d', type: 'file', name: '/etc/passwd' },
  ],
});

export const TRIVY_CYCLONEDX = JSON.stringify({
  $schema: 'http://cyclonedx.org/schema/bom-1.5.schema.json',
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  serialNumber: 'urn:uuid:7d1f0e2a-3b4c-4d5e-8f90-a1b2c3d4e5f6',
  version: 1,
  metadata: {
    timestamp: '2025-03-01T10:00:00+00:00',
    tools: { components: [{ type: 'application', group: 'aquasecurity', name: 'trivy', version: '0.59.1' }] },
    component: {
      'bom-ref': 'pkg:oci/alpine@sha256%3A7777777777777777777777777777777777777777777777777777777777777777?arch=amd64&repository_url=index.docker.io%2Flibrary%2Falpine',
      type: 'container',
      name: 'alpine:3.19',
      purl: 'pkg:oci/alpine@sha256%3A7777777777777777777777777777777777777777777777777777777777777777?arch=amd64&repository_url=index.docker.io%2Flibrary%2Falpine',
      properties: [
        { name: 'aquasecurity:trivy:DiffID', value: 'sha256:8888888888888888888888888888888888888888888888888888888888888888' },
        { name: 'aquasecurity:trivy:ImageID', value: 'sha256:9999999999999999999999999999999999999999999999999999999999999999' },
        { name: 'aquasecurity:trivy:RepoDigest', value: 'alpine@sha256:7777777777777777777777777777777777777777777777777777777777777777' },
        { name: 'aquasecurity:trivy:RepoTag', value: 'alpine:3.19' },
        { name: 'aquasecurity:trivy:SchemaVersion', value: '2' },
      ],
    },
  },
  components: [
    {
      'bom-ref': '2b5e7c1a-0d3f-4e6a-9b8c-1d2e3f4a5b6c',
      type: 'operating-system',
      name: 'alpine',
      version: '3.19.1',
      properties: [
        { name: 'aquasecurity:trivy:Class', value: 'os-pkgs' },
        { name: 'aquasecurity:trivy:Type', value: 'alpine' },
      ],
    },
    {
      'bom-ref': 'pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&distro=3.19.1',
      type: 'library',
      name: 'libcrypto3',
      version: '3.1.4-r5',
      purl: 'pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&distro=3.19.1',
      properties: [
        { name: 'aquasecurity:trivy:LayerDiffID', value: 'sha256:8888888888888888888888888888888888888888888888888888888888888888' },
        { name: 'aquasecurity:trivy:LayerDigest', value: 'sha256:aaaa111111111111111111111111111111111111111111111111111111111111' },
        { name: 'aquasecurity:trivy:PkgID', value: 'libcrypto3@3.1.4-r5' },
        { name: 'aquasecurity:trivy:PkgType', value: 'alpine' },
        { name: 'aquasecurity:trivy:SrcName', value: 'openssl' },
        { name: 'aquasecurity:trivy:SrcVersion', value: '3.1.4-r5' },
      ],
    },
    {
      'bom-ref': '3c6f8d2b-1e4a-4f7b-8c9d-2e3f4a5b6c7d',
      type: 'application',
      name: 'app/package-lock.json',
      properties: [
        { name: 'aquasecurity:trivy:Class', value: 'lang-pkgs' },
        { name: 'aquasecurity:trivy:Type', value: 'npm' },
      ],
    },
    {
      'bom-ref': 'pkg:npm/%40babel/traverse@7.22.0',
      type: 'library',
      name: 'traverse',
      group: '@babel',
      version: '7.22.0',
      purl: 'pkg:npm/%40babel/traverse@7.22.0',
      properties: [
        { name: 'aquasecurity:trivy:FilePath', value: 'app/node_modules/@babel/traverse/package.json' },
        { name: 'aquasecurity:trivy:LayerDigest', value: 'sha256:bbbb222222222222222222222222222222222222222222222222222222222222' },
        { name: 'aquasecurity:trivy:PkgType', value: 'npm' },
      ],
    },
    { 'bom-ref': 'pkg:golang/github.com/example/tool@v1.2.3', type: 'library', name: 'github.com/example/tool', version: 'v1.2.3', purl: 'pkg:golang/github.com/example/tool@v1.2.3' },
    { 'bom-ref': 'pkg:conan/zlib@1.3', type: 'library', name: 'zlib', version: '1.3', purl: 'pkg:conan/zlib@1.3' },
  ],
  dependencies: [{ ref: '2b5e7c1a-0d3f-4e6a-9b8c-1d2e3f4a5b6c', dependsOn: ['pkg:apk/alpine/libcrypto3@3.1.4-r5?arch=x86_64&distro=3.19.1'] }],
  vulnerabilities: [],
});

export const SYFT_SPDX = JSON.stringify({
  spdxVersion: 'SPDX-2.3',
  dataLicense: 'CC0-1.0',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'python',
  documentNamespace: 'https://anchore.com/syft/image/python-3.12-slim-0f1e2d3c',
  creationInfo: { licenseListVersion: '3.25', creators: ['Organization: Anchore, Inc', 'Tool: syft-1.20.0'], created: '2025-03-01T10:00:00Z' },
  packages: [
    {
      name: 'libssl3',
      SPDXID: 'SPDXRef-Package-deb-libssl3-1a2b',
      versionInfo: '3.0.15-1~deb12u1',
      supplier: 'Person: Debian OpenSSL Team',
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      sourceInfo: 'acquired package info from DPKG DB: /var/lib/dpkg/status',
      externalRefs: [
        { referenceCategory: 'SECURITY', referenceType: 'cpe23Type', referenceLocator: 'cpe:2.3:a:libssl3:libssl3:3.0.15-1\\~deb12u1:*:*:*:*:*:*:*' },
        { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&upstream=openssl&distro=debian-12' },
      ],
    },
    {
      name: 'pip',
      SPDXID: 'SPDXRef-Package-python-pip-3c4d',
      versionInfo: '24.0',
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:pypi/pip@24.0' }],
    },
    {
      name: 'python',
      SPDXID: 'SPDXRef-DocumentRoot-Image-python',
      versionInfo: 'sha256:4444444444444444444444444444444444444444444444444444444444444444',
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      primaryPackagePurpose: 'CONTAINER',
      externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: 'pkg:oci/python@sha256%3A4444444444444444444444444444444444444444444444444444444444444444?arch=amd64&tag=3.12-slim' }],
    },
  ],
  relationships: [
    { spdxElementId: 'SPDXRef-DocumentRoot-Image-python', relatedSpdxElement: 'SPDXRef-Package-deb-libssl3-1a2b', relationshipType: 'CONTAINS' },
    { spdxElementId: 'SPDXRef-DocumentRoot-Image-python', relatedSpdxElement: 'SPDXRef-Package-python-pip-3c4d', relationshipType: 'CONTAINS' },
    { spdxElementId: 'SPDXRef-DOCUMENT', relatedSpdxElement: 'SPDXRef-DocumentRoot-Image-python', relationshipType: 'DESCRIBES' },
  ],
});

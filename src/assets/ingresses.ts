import { list, record, type K8sObject } from '../model/k8s.js';
import type { AssetOrigin, IngressAsset, IngressHost, IngressRule } from './model.js';
import { sortBy } from './order.js';
import { ownText, ownTexts, withoutUndefined } from './values.js';

export type IngressRuleSummary = Omit<IngressRule, 'workloads'>;
export type IngressSummary = Omit<IngressAsset, 'rules'> & { rules: IngressRuleSummary[] };

/** The host of rules that name none, which the controller serves for any host. */
export const ANY_HOST = '*';

const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** A backend as networking.k8s.io/v1 writes it (service.name, service.port) or as extensions/v1beta1 did (serviceName, servicePort). */
function backendOf(value: unknown): Pick<IngressRule, 'service' | 'port' | 'resource'> | undefined {
  const backend = record(value);
  if (!backend) return undefined;
  const service = record(backend.service);
  if (service) {
    const port = record(service.port);
    return withoutUndefined({ service: ownText(service.name), port: portOf(port?.number) ?? ownText(port?.name) });
  }
  if (backend.serviceName !== undefined) return withoutUndefined({ service: ownText(backend.serviceName), port: portOf(backend.servicePort) ?? ownText(backend.servicePort) });
  const resource = record(backend.resource);
  const kind = ownText(resource?.kind);
  const name = ownText(resource?.name);
  return kind !== undefined && name !== undefined ? { resource: `${kind}/${name}` } : undefined;
}

function portOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function rulesOf(spec: Record<string, unknown>): IngressRuleSummary[] {
  const rules: IngressRuleSummary[] = [];
  const fallback = backendOf(spec.defaultBackend ?? spec.backend);
  if (fallback) rules.push(fallback);
  for (const value of list(spec.rules)) {
    const rule = record(value);
    const host = ownText(rule?.host);
    for (const pathValue of list(record(rule?.http)?.paths)) {
      const path = record(pathValue);
      const backend = backendOf(path?.backend);
      if (!path || !backend) continue;
      rules.push(withoutUndefined<IngressRuleSummary>({ host, path: ownText(path.path), pathType: ownText(path.pathType), ...backend }));
    }
  }
  return rules;
}

/** Every host the Ingress answers for, with the certificate its TLS section names for it; a TLS entry without hosts covers `*`. */
function hostsOf(spec: Record<string, unknown>, rules: readonly IngressRuleSummary[]): IngressHost[] {
  const hosts = new Map<string, IngressHost>();
  for (const rule of rules) hosts.set(rule.host ?? ANY_HOST, { host: rule.host ?? ANY_HOST, tls: false });
  for (const value of list(spec.tls)) {
    const tls = record(value);
    const secretName = ownText(tls?.secretName);
    const covered = ownTexts(tls?.hosts);
    for (const host of covered.length > 0 ? covered : [ANY_HOST]) {
      const known = hosts.get(host);
      if (known?.tls === true) continue;
      hosts.set(host, withoutUndefined<IngressHost>({ host, tls: true, secretName }));
    }
  }
  return sortBy(hosts.values(), (entry) => [entry.host]);
}

function addressesOf(object: K8sObject): string[] {
  return list(record(record(object.status)?.loadBalancer)?.ingress).flatMap((value) => {
    const address = ownText(record(value)?.ip) ?? ownText(record(value)?.hostname);
    return address === undefined ? [] : [address];
  });
}

/** What the inventory keeps of an Ingress; the workloads behind each backend are found at the end. */
export function summariseIngress(object: K8sObject, origin: AssetOrigin, namespace: string | undefined, name: string): IngressSummary {
  const spec = record(object.spec) ?? {};
  const rules = rulesOf(spec);
  const annotations = record(object.metadata?.annotations) ?? {};
  return withoutUndefined<IngressSummary>({
    ...origin,
    namespace,
    name,
    class: ownText(spec.ingressClassName) ?? ownText(annotations[CLASS_ANNOTATION]),
    hosts: hostsOf(spec, rules),
    rules,
    addresses: addressesOf(object),
    exposed: true,
  });
}

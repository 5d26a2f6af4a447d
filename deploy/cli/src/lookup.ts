// Names of the release's objects. The chart names them after `taskflow.fullname` (the release name
// when it contains "taskflow", else "<release>-taskflow", or fullnameOverride), so the CLI never
// derives a name from the release: it finds objects by their labels
// (app.kubernetes.io/instance=<release>, app.kubernetes.io/component=<component>).
import type { Ctx, Options } from "./context";
import type { Runner } from "./runner";

export const releaseSelector = (o: Options) => `app.kubernetes.io/instance=${o.release}`;
export const componentSelector = (o: Options, component: string) =>
  `${releaseSelector(o)},app.kubernetes.io/component=${component}`;

export interface ObjectJson {
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
}

/** `kubectl get <resource> -l <selector> -o json`, as the list of items. */
export async function listObjects<T extends ObjectJson>(
  runner: Runner,
  opts: Options,
  resource: string,
  selector: string,
  options: { allowFailure?: boolean } = {},
): Promise<T[]> {
  const r = await runner.run(
    "kubectl",
    ["get", resource, "--namespace", opts.namespace, "-l", selector, "-o", "json"],
    options,
  );
  if (r.code !== 0) return [];
  return (JSON.parse(r.stdout || '{"items":[]}') as { items: T[] }).items ?? [];
}

export function notInstalled(opts: Options, what: string): Error {
  return new Error(
    `no ${what} of release "${opts.release}" in namespace "${opts.namespace}" (labels ${releaseSelector(opts)}). ` +
      `Is it installed? \`helm list -n ${opts.namespace}\`; install it with \`npm run k8s -- up --release ${opts.release}\`.`,
  );
}

export interface ServiceJson extends ObjectJson {
  spec: { type?: string; ports?: { name?: string; port: number; nodePort?: number }[] };
}

/** The Service of one component (web, api, mcp); undefined when the release has none. */
export async function findService(ctx: Ctx, component: string): Promise<ServiceJson | undefined> {
  const items = await listObjects<ServiceJson>(
    ctx.runner,
    ctx.opts,
    "services",
    componentSelector(ctx.opts, component),
  );
  return items[0];
}

export function httpPort(svc: ServiceJson): { port: number; nodePort?: number } {
  const p = svc.spec.ports?.find((x) => x.name === "http") ?? svc.spec.ports?.[0];
  return { port: p?.port ?? 0, nodePort: p?.nodePort };
}

export interface SecretJson extends ObjectJson {
  apiVersion?: string;
  kind?: string;
  type?: string;
  data?: Record<string, string>;
}

/** The app Secret the chart generated (component "config", type Opaque); undefined if none. */
export async function findAppSecret(
  ctx: Ctx,
  options: { allowFailure?: boolean } = {},
): Promise<SecretJson | undefined> {
  const items = await listObjects<SecretJson>(
    ctx.runner,
    ctx.opts,
    "secret",
    componentSelector(ctx.opts, "config"),
    options,
  );
  const opaque = items.filter((s) => (s.type ?? "Opaque") === "Opaque");
  if (opaque.length > 1)
    throw new Error(
      `release "${ctx.opts.release}" has several app Secrets: ${opaque.map((s) => s.metadata.name).join(", ")}`,
    );
  return opaque[0];
}

export interface ConfigMapJson extends ObjectJson {
  data?: Record<string, string>;
}

/** The release's ConfigMap (BETTER_AUTH_URL, BETTER_AUTH_TRUSTED_ORIGINS, MCP_PUBLIC_URL...). */
export async function findConfig(ctx: Ctx): Promise<ConfigMapJson | undefined> {
  const items = await listObjects<ConfigMapJson>(
    ctx.runner,
    ctx.opts,
    "configmaps",
    componentSelector(ctx.opts, "config"),
    { allowFailure: true },
  );
  return items[0];
}

/**
 * The Kubernetes manifests (deploy/), rendered by kubectl's own kustomize as an operator's
 * `kubectl apply -k` would, and checked object by object: what the fleet needs to work
 * (the site finds the runners, a draining runner is not killed, secrets exist) and what
 * every pod must carry (probes, resources, a security context).
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { RUN_LIMITS } from "../../runner/protocol";

type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> }; spec?: any; data?: Record<string, string> };

function render(path: string): K8sObject[] {
  const text = execFileSync("kubectl", ["kustomize", path], { encoding: "utf8" });
  return parseAllDocuments(text).map((doc) => doc.toJS() as K8sObject);
}

const INSTALLS = { "deploy/": render("deploy"), "deploy/overlays/with-operators": render("deploy/overlays/with-operators") };
/** Secrets an operator makes (CloudNativePG's application user). */
const MADE_BY_OPERATORS = new Set(["postgres-app"]);

const workloads = (objects: K8sObject[]) => objects.filter((o) => o.kind === "Deployment" || o.kind === "StatefulSet");
const named = (objects: K8sObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const env = (workload: K8sObject, name: string) => workload.spec.template.spec.containers[0].env.find((e: { name: string }) => e.name === name);
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) => Object.entries(selector).every(([k, v]) => labels[k] === v);

describe.each(Object.entries(INSTALLS))("the manifests of %s", (_path, objects) => {
  it("render the site, the runner fleet and a database, all in one namespace", () => {
    expect(named(objects, "Deployment", "site")).toBeDefined();
    expect(named(objects, "Deployment", "runner")).toBeDefined();
    expect(objects.some((o) => o.metadata.name === "postgres" && (o.kind === "StatefulSet" || o.kind === "Cluster"))).toBe(true);
    for (const o of objects.filter((o) => o.kind !== "Namespace")) expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe("zmq-playground");
  });

  it("give every container probes, requests and limits, and a security context", () => {
    for (const workload of workloads(objects)) {
      const { spec } = workload.spec.template;
      expect(spec.automountServiceAccountToken, workload.metadata.name).toBe(false);
      for (const container of spec.containers) {
        const what = `${workload.metadata.name}/${container.name}`;
        expect(container.readinessProbe, what).toBeDefined();
        expect(container.livenessProbe, what).toBeDefined();
        for (const resource of ["cpu", "memory"]) {
          expect(container.resources?.requests?.[resource], `${what} requests ${resource}`).toBeDefined();
          expect(container.resources?.limits?.[resource], `${what} limits ${resource}`).toBeDefined();
        }
        expect(container.securityContext?.capabilities?.drop, what).toEqual(["ALL"]);
        expect(container.image, what).not.toBe("zmq-playground");
      }
    }
  });

  it("point the site at every runner pod through a headless Service, with the fleet's token on both sides", () => {
    const site = named(objects, "Deployment", "site")!;
    const runner = named(objects, "Deployment", "runner")!;
    const url = new URL(env(site, "RUNNER_URLS").value);
    const service = named(objects, "Service", url.hostname)!;
    expect(service.spec.clusterIP).toBe("None");
    expect(service.spec.ports.map((p: { port: number }) => p.port)).toContain(Number(url.port));
    expect(matches(service.spec.selector, runner.spec.template.metadata.labels)).toBe(true);
    expect(env(site, "RUNNER_FLEET_TOKEN").valueFrom.secretKeyRef).toEqual(env(runner, "RUNNER_FLEET_TOKEN").valueFrom.secretKeyRef);
    expect(env(runner, "RUNNER_TRUST_PROXY").value).toBe("1");
    expect(env(site, "DATABASE_URL").valueFrom.secretKeyRef).toBeDefined();
  });

  it("let a runner that is told to stop finish its longest run before it is killed, and never kill it for draining", () => {
    const runner = named(objects, "Deployment", "runner")!;
    const drainMs = Number(env(runner, "RUNNER_DRAIN_MS").value);
    expect(drainMs).toBeGreaterThanOrEqual(RUN_LIMITS.maxTimeoutMs);
    expect(runner.spec.template.spec.terminationGracePeriodSeconds * 1000).toBeGreaterThan(drainMs);
    const container = runner.spec.template.spec.containers[0];
    // Health answers 503 while draining: readiness may use it, liveness must not.
    expect(container.readinessProbe.httpGet.path).toBe("/api/health");
    expect(container.livenessProbe.httpGet?.path).not.toBe("/api/health");
    expect(named(objects, "Deployment", "site")!.spec.template.spec.containers[0].readinessProbe.httpGet.path).toBe("/api/health");
  });

  it("give the runner pod what bubblewrap needs, inside a user namespace", () => {
    const { spec } = named(objects, "Deployment", "runner")!.spec.template;
    expect(spec.hostUsers).toBe(false);
    const context = spec.containers[0].securityContext;
    expect(context.capabilities.add).toContain("SYS_ADMIN");
    expect(context.procMount).toBe("Unmasked");
    expect(context.privileged).toBeUndefined();
  });

  it("refer only to secrets and keys that exist, and select pods that exist", () => {
    const secrets = new Map(objects.filter((o) => o.kind === "Secret").map((o) => [o.metadata.name, Object.keys(o.data ?? {})]));
    for (const workload of workloads(objects)) {
      for (const variable of workload.spec.template.spec.containers.flatMap((c: { env?: unknown[] }) => c.env ?? [])) {
        const ref = (variable as { valueFrom?: { secretKeyRef?: { name: string; key: string } } }).valueFrom?.secretKeyRef;
        if (!ref || MADE_BY_OPERATORS.has(ref.name)) continue;
        expect(secrets.get(ref.name), `${workload.metadata.name}: secret ${ref.name}`).toContain(ref.key);
      }
    }
    const pods = workloads(objects).map((w) => w.spec.template.metadata.labels as Record<string, string>);
    for (const o of objects) {
      const selector = o.kind === "Service" ? o.spec.selector : o.kind === "PodDisruptionBudget" || o.kind === "NetworkPolicy" ? (o.spec.selector ?? o.spec.podSelector)?.matchLabels : undefined;
      // The operator's pods carry the postgres label (its Cluster's inheritedMetadata).
      if (!selector || (o.kind === "NetworkPolicy" && o.metadata.name === "postgres" && named(objects, "Cluster", "postgres"))) continue;
      expect(pods.some((labels) => matches(selector, labels)), `${o.kind}/${o.metadata.name} selects no pod`).toBe(true);
    }
    for (const scaler of objects.filter((o) => o.kind === "HorizontalPodAutoscaler" || o.kind === "ScaledObject")) {
      expect(named(objects, "Deployment", scaler.spec.scaleTargetRef.name), `${scaler.kind}/${scaler.metadata.name}`).toBeDefined();
    }
  });

  it("let only the sites reach the runners", () => {
    const policy = named(objects, "NetworkPolicy", "runner")!;
    expect(policy.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { "app.kubernetes.io/name": "site" } } }], ports: [{ port: 3001, protocol: "TCP" }] }]);
  });
});

describe("the operators' install", () => {
  const objects = INSTALLS["deploy/overlays/with-operators"];
  it("scales the runners on their queue with KEDA alone, and uses the operator's database", () => {
    expect(objects.filter((o) => o.kind === "HorizontalPodAutoscaler").map((o) => o.metadata.name)).toEqual(["site"]);
    expect(JSON.stringify(named(objects, "ScaledObject", "runner")!.spec.triggers)).toContain("runner_queue_length");
    expect(named(objects, "StatefulSet", "postgres")).toBeUndefined();
    expect(env(named(objects, "Deployment", "site")!, "DATABASE_URL").valueFrom.secretKeyRef).toEqual({ name: "postgres-app", key: "uri" });
  });
});

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** A read-only bind mount: host path → path inside the sandbox. */
export interface Mount {
  source: string;
  target: string;
}

/** Programs the sandbox needs: Node itself, and bash for its supervisor (which uses builtins only). */
export interface SandboxPrograms {
  node: string;
  bash: string;
}

function which(name: string): string {
  for (const dir of (process.env.PATH ?? "/usr/bin:/bin").split(":")) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return realpathSync(candidate);
  }
  throw new Error(`${name} was not found on PATH`);
}

export function findPrograms(): SandboxPrograms {
  return { node: realpathSync(process.execPath), bash: which("bash") };
}

/** The shared libraries `ldd` says these binaries load (empty where ldd is missing). */
export function sharedLibraries(binaries: string[]): string[] {
  const libraries = new Set<string>();
  for (const binary of binaries) {
    let text: string;
    try {
      text = execFileSync("ldd", [binary], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    } catch {
      continue; // statically linked, or no ldd: nothing to add
    }
    for (const line of text.split("\n")) {
      // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)" or "/lib64/ld-linux-x86-64.so.2 (0x…)"
      const match = /(?:=>\s*)?(\/\S+)\s+\(0x/.exec(line);
      if (match?.[1]) libraries.add(match[1]);
    }
  }
  return [...libraries];
}

/** A package's folder as Node would find it from `fromDir` (package.json may be hidden by "exports"). */
function findPackageDir(name: string, fromDir: string): string {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`package ${name} is not installed (run npm ci)`);
  }
}

/** The folder of a package and of every package it needs at run time. */
export function packageClosure(name: string, fromDir: string = dirname(fileURLToPath(import.meta.url))): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (pkg: string, from: string) => {
    if (found.has(pkg)) return;
    const dir = findPackageDir(pkg, from);
    found.set(pkg, dir);
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dir);
  };
  visit(name, fromDir);
  return found;
}

/** Native addons a package ships for this platform, so their libraries can be mounted too. */
export function nativeAddons(dir: string): string[] {
  const addons: string[] = [];
  const walk = (path: string, depth: number) => {
    if (depth > 8) return;
    for (const entry of readdirSync(path)) {
      const child = join(path, entry);
      const stat = statSync(child);
      if (stat.isDirectory()) walk(child, depth + 1);
      else if (entry.endsWith(".node") && child.includes(`/${process.platform}/`) && !child.includes("musl")) {
        addons.push(child);
      }
    }
  };
  walk(dir, 0);
  return addons;
}

/**
 * Everything the sandbox mounts read-only, apart from the run's own files:
 * Node, the supervisor's shell, their libraries, and `zeromq` with its
 * dependencies under /node_modules (where Node's resolution finds them from /code).
 */
export function sandboxMounts(programs: SandboxPrograms): Mount[] {
  const mounts: Mount[] = [
    { source: programs.node, target: "/usr/bin/node" },
    { source: programs.bash, target: "/usr/bin/bash" },
  ];
  const packages = packageClosure("zeromq");
  const addons = [...packages.values()].flatMap(nativeAddons);
  for (const library of sharedLibraries([programs.node, programs.bash, ...addons])) {
    mounts.push({ source: realpathSync(library), target: library });
  }
  for (const [name, dir] of packages) mounts.push({ source: dir, target: `/node_modules/${name}` });
  return mounts;
}

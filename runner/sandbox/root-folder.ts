import { chmodSync, linkSync, lstatSync, mkdirSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Mount } from "./host-files";

/** Folders the sandbox mounts its own file systems on (bwrap.ts): they must exist in a read-only root. */
const MOUNT_POINTS = ["proc", "dev", "tmp", "code"];

export interface RootFolder {
  /** The folder bubblewrap binds read-only at the sandbox's `/`. */
  dir: string;
  /** What could not be linked into it (another file system, or a kernel that refuses the link): bound on top, one by one. */
  mounts: Mount[];
}

/**
 * The sandbox's whole read-only file system as one folder, built once per
 * runner: Node, bash and their libraries, zeromq's packages, /etc and the
 * sandbox's scripts, each at its path inside the sandbox. Files are hard links
 * to the host's (no copy, no extra disk), so the sandbox sees exactly the
 * files it saw as separate bind mounts; a bind mount costs bubblewrap ~0.3 ms
 * of kernel time per sandbox (bind, then remount read-only), and there were
 * some twenty. A mount whose source cannot be linked (another file system;
 * a file owned by someone else under fs.protected_hardlinks) is left to be
 * bound on top, as before.
 */
export function buildRootFolder(dir: string, mounts: Mount[], files: Record<string, string>): RootFolder {
  rmSync(dir, { recursive: true, force: true });
  makeDir(dir);
  for (const name of MOUNT_POINTS) makeDir(join(dir, name));
  for (const [path, text] of Object.entries(files)) {
    makeDir(dirname(join(dir, path)));
    writeFileSync(join(dir, path), text, { mode: 0o644 });
  }
  const unlinked: Mount[] = [];
  for (const mount of mounts) {
    const target = join(dir, mount.target);
    makeDir(dirname(target));
    try {
      linkTree(mount.source, target);
    } catch {
      // Bound on top instead: its mount point must exist in the read-only root.
      rmSync(target, { recursive: true, force: true });
      if (lstatSync(mount.source).isDirectory()) makeDir(target);
      else writeFileSync(target, "", { mode: 0o644 });
      unlinked.push(mount);
    }
  }
  return { dir, mounts: unlinked };
}

/** `source` (a file, or a folder and everything in it) hard-linked at `target`; symbolic links are copied as links. */
function linkTree(source: string, target: string) {
  const stat = lstatSync(source);
  if (stat.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
  else if (stat.isDirectory()) {
    makeDir(target);
    for (const name of readdirSync(source)) linkTree(join(source, name), join(target, name));
  } else if (stat.isFile()) linkSync(source, target);
  // Sockets, devices and fifos inside a package are not the sandbox's business: left out.
}

/** A folder (and each folder it had to create above it) the sandbox's user can list but not change, whatever the umask. */
function makeDir(path: string) {
  const first = mkdirSync(path, { recursive: true });
  if (first === undefined) return;
  for (let folder = path; ; folder = dirname(folder)) {
    chmodSync(folder, 0o755);
    if (folder === first) return;
  }
}

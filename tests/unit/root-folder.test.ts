import { afterEach, describe, expect, it } from "vitest";
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildRootFolder } from "../../runner/sandbox/root-folder";

const made: string[] = [];
const temp = (base = tmpdir()) => {
  const dir = mkdtempSync(join(base, "root-folder-"));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("buildRootFolder", () => {
  it("links files and whole folders at their paths inside, keeps symbolic links, and writes the sandbox's own files", () => {
    const host = temp();
    writeFileSync(join(host, "node"), "#!binary");
    mkdirSync(join(host, "pkg", "lib"), { recursive: true });
    writeFileSync(join(host, "pkg", "lib", "index.js"), "module.exports = 1;");
    symlinkSync("lib/index.js", join(host, "pkg", "main.js"));
    const root = buildRootFolder(join(host, "root"), [
      { source: join(host, "node"), target: "/usr/bin/node" },
      { source: join(host, "pkg"), target: "/node_modules/pkg" },
    ], { "etc/hosts": "127.0.0.1 localhost\n" });

    expect(root.mounts).toEqual([]);
    expect(statSync(join(root.dir, "usr/bin/node")).ino).toBe(statSync(join(host, "node")).ino);
    expect(readFileSync(join(root.dir, "node_modules/pkg/lib/index.js"), "utf8")).toBe("module.exports = 1;");
    expect(readlinkSync(join(root.dir, "node_modules/pkg/main.js"))).toBe("lib/index.js");
    expect(readFileSync(join(root.dir, "etc/hosts"), "utf8")).toBe("127.0.0.1 localhost\n");
    for (const point of ["proc", "dev", "tmp", "code"]) expect(lstatSync(join(root.dir, point)).isDirectory()).toBe(true);
    // The sandbox's user lists folders but cannot change them.
    expect(statSync(join(root.dir, "usr")).mode & 0o777).toBe(0o755);
  });

  it("leaves what cannot be linked (another file system) to a bind mount, with its mount point in place", () => {
    const host = temp();
    const other = temp("/dev/shm"); // tmpfs: a link from it into the disk's folder fails (EXDEV)
    writeFileSync(join(other, "lib.so"), "elf");
    mkdirSync(join(other, "pkg"));
    writeFileSync(join(other, "pkg", "a.js"), "");
    const mounts = [
      { source: join(other, "lib.so"), target: "/lib/lib.so" },
      { source: join(other, "pkg"), target: "/node_modules/pkg" },
    ];
    const root = buildRootFolder(join(host, "root"), mounts, {});
    expect(root.mounts).toEqual(mounts);
    expect(lstatSync(join(root.dir, "lib/lib.so")).isFile()).toBe(true);
    expect(readFileSync(join(root.dir, "lib/lib.so"), "utf8")).toBe("");
    expect(lstatSync(join(root.dir, "node_modules/pkg")).isDirectory()).toBe(true);
  });
});

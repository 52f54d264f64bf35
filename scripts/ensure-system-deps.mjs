#!/usr/bin/env node
// Makes sure the system programs the project needs are installed.
//
//   node scripts/ensure-system-deps.mjs sandbox           bubblewrap (`bwrap`) and libseccomp's Python binding
//                                                         (the sandbox's system-call filter), used by the runner
//   node scripts/ensure-system-deps.mjs browser           Chromium, used by the browser tests
//   node scripts/ensure-system-deps.mjs database          PostgreSQL server binaries, for the tests of the DATABASE_URL path
//   node scripts/ensure-system-deps.mjs deploy            kubectl, whose kustomize renders deploy/ for its test
//   node scripts/ensure-system-deps.mjs sandbox browser   several
//
// Prints nothing when everything is present. When something is missing and we
// run as root on a machine with apt-get, installs it; otherwise exits 1 with the
// command to run. SKIP_SYSTEM_DEPS=1 skips every check.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** @typedef {{ name: string, label: string, find: () => string | null, packages: string[], hint?: string }} Requirement */

/** @type {Record<string, Requirement | Requirement[]>} */
const REQUIREMENTS = {
  sandbox: [
    {
      name: 'sandbox',
      label: 'bubblewrap (bwrap)',
      find: () => findOnPath('bwrap'),
      packages: ['bubblewrap'],
    },
    {
      name: 'sandbox',
      label: "libseccomp's Python binding (for the sandbox's system-call filter)",
      // The runner compiles the filter with Debian's /usr/bin/python3 (runner/sandbox/seccomp.ts).
      find: () => (spawnSync('/usr/bin/python3', ['-I', '-c', 'import seccomp']).status === 0 ? '/usr/bin/python3' : null),
      packages: ['python3-seccomp'],
    },
  ],
  browser: {
    name: 'browser',
    label: 'Chromium',
    find: () => {
      const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
      return isExecutable(candidate) ? candidate : null;
    },
    packages: ['chromium', 'fonts-liberation'],
    hint:
      'On Ubuntu, where Chromium comes as a snap, install it with `sudo snap install chromium` ' +
      'and set CHROMIUM_PATH=/snap/bin/chromium.',
  },
  deploy: {
    name: 'deploy',
    label: 'kubectl (renders the Kubernetes manifests in deploy/ offline, for their test)',
    find: () => findOnPath('kubectl'),
    packages: ['kubectl'],
  },
  database: {
    name: 'database',
    label: 'PostgreSQL (initdb, pg_ctl)',
    find: () => findPostgresBin(),
    packages: ['postgresql'],
  },
};

/** Debian keeps the server programs in /usr/lib/postgresql/<version>/bin, off PATH. */
function findPostgresBin() {
  const dirs = [];
  const config = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (config.status === 0) dirs.push(config.stdout.trim());
  try {
    for (const version of readdirSync('/usr/lib/postgresql')) dirs.push(path.join('/usr/lib/postgresql', version, 'bin'));
  } catch {
    // not installed there
  }
  return dirs.find((dir) => isExecutable(path.join(dir, 'initdb')) && isExecutable(path.join(dir, 'pg_ctl'))) ?? null;
}

function usage(message) {
  if (message) console.error(`ensure-system-deps: ${message}`);
  console.error('Usage: node scripts/ensure-system-deps.mjs <sandbox|browser|database>…');
  process.exit(2);
}

function isExecutable(file) {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findOnPath(command) {
  const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
  // Package managers install into these even when PATH (e.g. under sudo -E) lacks them.
  for (const extra of ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
    if (!dirs.includes(extra)) dirs.push(extra);
  }
  for (const dir of dirs) {
    const candidate = path.join(dir, command);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function run(command, args) {
  console.error(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) {
    console.error(`ensure-system-deps: could not run ${command}: ${result.error.message}`);
    return false;
  }
  if (result.status !== 0) {
    console.error(`ensure-system-deps: ${command} ${args[0] ?? ''} failed (exit ${result.status ?? result.signal}).`);
    return false;
  }
  return true;
}

function printManualInstructions(missing, reason, hasAptGet) {
  const packages = [...new Set(missing.flatMap((requirement) => requirement.packages))];
  console.error(`Missing system packages: ${missing.map((requirement) => requirement.label).join(', ')}.`);
  if (reason) console.error(reason);
  console.error('Install them with:');
  console.error('');
  console.error(`  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`);
  console.error('');
  for (const requirement of missing) {
    if (requirement.hint) console.error(requirement.hint);
  }
  if (!hasAptGet) console.error('Without apt-get, install the same packages with your system package manager.');
}

function main() {
  const args = process.argv.slice(2);
  if (args.length === 0) usage('say which dependencies to check.');
  for (const arg of args) {
    if (!Object.hasOwn(REQUIREMENTS, arg)) usage(`unknown argument "${arg}".`);
  }

  if (process.env.SKIP_SYSTEM_DEPS === '1') return;

  const wanted = [...new Set(args)].flatMap((arg) => REQUIREMENTS[arg]);
  const missing = wanted.filter((requirement) => requirement.find() === null);
  if (missing.length === 0) return;

  const aptGet = findOnPath('apt-get');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !aptGet) {
    printManualInstructions(
      missing,
      !aptGet ? 'apt-get was not found on this machine.' : 'Installing them needs root, so this script will not do it.',
      Boolean(aptGet),
    );
    process.exit(1);
  }

  const packages = [...new Set(missing.flatMap((requirement) => requirement.packages))];
  console.error(`Installing missing system packages: ${packages.join(' ')}`);
  const installed =
    run(aptGet, ['update']) && run(aptGet, ['install', '-y', '--no-install-recommends', ...packages]);

  const stillMissing = missing.filter((requirement) => requirement.find() === null);
  if (!installed || stillMissing.length > 0) {
    printManualInstructions(
      stillMissing.length > 0 ? stillMissing : missing,
      'The automatic installation did not succeed.',
      true,
    );
    process.exit(1);
  }
}

main();

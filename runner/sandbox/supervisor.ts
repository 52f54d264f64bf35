import { TRACE_SCRIPT } from "./trace";

/**
 * What runs inside a sandbox: a bash supervisor, and the boot script every
 * learner process starts with.
 *
 * A sandbox is started ahead of demand (warm): bubblewrap, the supervisor and
 * `warm` Node processes that have already loaded zeromq and wait, blocked on
 * their stdin, for the line that names their entry file. A run then costs a
 * file write and one line per process instead of a Node start (~80 ms of CPU
 * with zeromq). Each process serves one run only; a sandbox is never reused.
 *
 * File descriptors (set up by the runner when it spawns bubblewrap):
 *   3  control, sandbox → runner: "ready I" (process I has booted), "exit I CODE", and
 *      from traced processes "trace I …" lines (trace.ts)
 *   4  commands, runner → supervisor: "start I" starts process I cold (a run with
 *      more processes than were warm); end-of-file means no more will come
 *   10+3i, 11+3i, 12+3i  stdin, stdout, stderr of process i
 *
 * The supervisor is bash, not Node: it starts in a few milliseconds and hands
 * each process its own inherited pipes. It keeps none of the processes' pipes
 * open, so each pipe reaches end-of-file as soon as its process (and anything it
 * spawned) is gone.
 *
 * Arguments, one per line in $SUPERVISOR_ARGS:
 * MAX_TASKS NODE_FLAGS BOOT_SCRIPT CODE_DIR WARM MAX_PROCESSES.
 */
export const SUPERVISOR_SCRIPT = String.raw`node_bin=/usr/bin/node
# The path differs only in the unsafe no-sandbox mode, which sets it.
if [ -n "$SUPERVISOR_NODE" ]; then
  node_bin=$SUPERVISOR_NODE
fi
set -f
IFS=$'\n'
set -- $SUPERVISOR_ARGS
IFS=$' \t\n'
# What learner processes see of the environment is set where they start, and nothing
# else. bubblewrap (or, unsafe, the runner) gives this shell PATH and SUPERVISOR_ARGS
# (and SUPERVISOR_NODE) only; bash adds PWD, OLDPWD, SHLVL and "_" (boot drops "_").
# Named, not listed with $(compgen -e): that subshell is a fork per sandbox.
unset SUPERVISOR_ARGS SUPERVISOR_NODE PWD OLDPWD SHLVL
export -n PATH
set -u
max_tasks=$1 node_flags=$2 boot=$3 code_dir=$4 warm=$5 max=$6
ulimit -u "$max_tasks" 2>/dev/null
close_pipes() {
  eval "exec $((10 + 3 * $1))<&- $((11 + 3 * $1))>&- $((12 + 3 * $1))>&-"
}
# Indexes of the processes started so far, as " 0 1 ".
started=" "
start_process() {
  local i=$1 j
  started+="$i "
  (
    for ((j = 0; j < max; j++)); do [ "$j" = "$i" ] || close_pipes "$j"; done
    exec 4<&-
    while :; do
      eval "PATH=/usr/bin:/bin HOME=/tmp TMPDIR=/tmp LANG=C.UTF-8 UV_THREADPOOL_SIZE=2 $node_bin $node_flags $boot $i $code_dir <&$((10 + 3 * i)) >&$((11 + 3 * i)) 2>&$((12 + 3 * i)) $((10 + 3 * i))<&- $((11 + 3 * i))>&- $((12 + 3 * i))>&-"
      status=$?
      echo "exit $i $status" >&3
      # Killed (SIGKILL: the runner's "kill"): the process may be started again, on the
      # same pipes, when the runner writes "restart" to its stdin; end-of-file lets go.
      ((status == 137)) || break
      line=
      while read -r line <&$((10 + 3 * i)) && [ "$line" != restart ]; do :; done
      [ "$line" = restart ] || break
    done
  ) &
  close_pipes "$i"
}
for ((i = 0; i < warm; i++)); do start_process "$i"; done
# Learner code shares this uid and can reach fd 4 through /proc: accept only
# "start I" for a process that exists and has not started; ignore the rest.
while read -r -n 64 word index <&4; do
  [ "$word" = start ] && [[ "$index" =~ ^[0-9]$ ]] && ((index < max)) && [[ "$started" != *" $index "* ]] && start_process "$index"
done
exec 4<&-
for ((j = 0; j < max; j++)); do [[ "$started" == *" $j "* ]] || close_pipes "$j"; done
wait
`;

/**
 * The main script of every learner process (argv: INDEX CODE_DIR). It loads
 * zeromq (the slow part of a start) through the ES module loader, reports itself
 * ready, then reads one line from stdin — `{"main", "name", "args", "trace"?}` —
 * byte by byte, so nothing of the learner's own stdin is consumed, lets go of the
 * control channel (a traced process keeps it for its trace: trace.ts), and runs
 * `main` exactly as `node main.mjs` would (Module.runMain: same loader, same
 * error output and exit code). End-of-file instead of a line: the process was
 * not needed by its run, and exits quietly.
 */
export const BOOT_SCRIPT = String.raw`"use strict";
const fs = require("node:fs");
const { pathToFileURL } = require("node:url");
const index = process.argv[2];
const codeDir = process.argv[3];
let zeromq;
try {
  zeromq = require.resolve("zeromq", { paths: [codeDir] });
} catch {}
// Through the ES module loader, as learner code imports it: the loader starts and
// zeromq's module (native addon included) is cached before the run.
Promise.resolve(zeromq && import(pathToFileURL(zeromq).href))
  .catch(() => {})
  .then(() => {
    try { fs.writeSync(3, "ready " + index + "\n"); } catch {}
    const header = readHeader();
    // A traced process keeps the control channel for its trace lines.
    if (header.trace && zeromq) {
      try { require(__dirname + "/trace.cjs").enableTrace(header.trace, { zeromq, index, name: header.name }); } catch {}
    } else {
      try { fs.closeSync(3); } catch {}
    }
    const main = codeDir + "/" + header.main;
    delete process.env._;
    process.env.RUNNER_PROCESS_NAME = header.name;
    process.argv = [process.argv[0], main, ...header.args];
    // Called by Node's tick queue, not from a function of this file: a stack trace
    // of the learner's code ends in Node's internals, as after "node main.mjs".
    process.nextTick(require("node:module").runMain, main);
  });

function readHeader() {
  const bytes = [];
  const one = Buffer.alloc(1);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    let n;
    try {
      n = fs.readSync(0, one, 0, 1, null);
    } catch (error) {
      if (error.code === "EAGAIN") { Atomics.wait(pause, 0, 0, 2); continue; }
      process.exit(0);
    }
    if (n === 0) process.exit(0);
    if (one[0] === 10) break;
    bytes.push(one[0]);
    if (bytes.length > 65536) process.exit(70);
  }
  return JSON.parse(Buffer.from(bytes).toString("utf8"));
}
`;

/** Files for the sandbox's /etc: enough for "localhost" and a user name to resolve. */
export const SANDBOX_ETC: Record<string, string> = {
  hosts: "127.0.0.1\tlocalhost sandbox\n::1\tlocalhost ip6-localhost\n",
  passwd: "root:x:0:0:root:/root:/usr/sbin/nologin\nlearner:x:1000:1000:learner:/tmp:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n",
  group: "root:x:0:\nlearner:x:1000:\nnogroup:x:65534:\n",
  "nsswitch.conf": "passwd: files\ngroup: files\nhosts: files\n",
};

/**
 * Loaded into every learner process (node --require). Node writes to a pipe
 * asynchronously, so a program printing in a tight loop would buffer its output
 * in its own memory and die at the memory limit instead of streaming; blocking
 * writes make it stream (and hit the output limit), and keep output printed
 * just before process.exit(). Kept to this line: every process compiles it at
 * start (the socket trace, ~19 KB, is trace.cjs, loaded only by a traced process).
 */
export const PRELOAD_SCRIPT = `for (const stream of [process.stdout, process.stderr]) stream._handle?.setBlocking?.(true);\n`;

/** The files of the sandbox's /sandbox folder (one read-only mount), by name. */
export const SANDBOX_SCRIPTS: Record<string, string> = {
  "supervisor.sh": SUPERVISOR_SCRIPT,
  "preload.cjs": PRELOAD_SCRIPT,
  "boot.cjs": BOOT_SCRIPT,
  "trace.cjs": TRACE_SCRIPT,
};

/**
 * The first program inside the sandbox: a bash script, because it starts in a
 * few milliseconds (a Node supervisor would add ~40 ms to every run) and can
 * hand each learner process its own inherited pipes.
 *
 * File descriptors (set up by the runner when it spawns bubblewrap):
 *   3  control, sandbox → runner: "start I" and "exit I CODE" lines
 *   10+3i, 11+3i, 12+3i  stdin, stdout, stderr of process i
 *
 * Arguments, one per line in $SUPERVISOR_ARGS (bubblewrap's command line is fixed
 * when a warm sandbox is started, before the run is known):
 * MAX_TASKS NODE_FLAGS COUNT, then DELAY_SECONDS ENTRY per process.
 * The supervisor keeps none of the processes' pipes open, so each pipe reaches
 * end-of-file as soon as its process (and anything it spawned) is gone.
 */
export const SUPERVISOR_SCRIPT = String.raw`node_bin=/usr/bin/node env_bin=/usr/bin/env code_dir=/code
# Paths differ only in the unsafe no-sandbox mode, which sets these.
if [ -n "$SUPERVISOR_NODE" ]; then
  node_bin=$SUPERVISOR_NODE env_bin=$SUPERVISOR_ENV code_dir=$SUPERVISOR_CODE
fi
set -f
IFS=$'\n'
set -- $SUPERVISOR_ARGS
IFS=$' \t\n'
unset SUPERVISOR_ARGS
set -u
max_tasks=$1 node_flags=$2 count=$3
shift 3
ulimit -u "$max_tasks" 2>/dev/null
close_pipes() {
  local j
  for ((j = 0; j < count; j++)); do
    [ "$j" = "$1" ] && continue
    eval "exec $((10 + 3 * j))<&- $((11 + 3 * j))>&- $((12 + 3 * j))>&-"
  done
}
for ((i = 0; i < count; i++)); do
  delay=$1 entry=$2
  shift 2
  (
    close_pipes "$i"
    [ "$delay" = 0 ] || sleep "$delay"
    echo "start $i" >&3
    eval "$env_bin -i PATH=/usr/bin:/bin HOME=/tmp TMPDIR=/tmp LANG=C.UTF-8 UV_THREADPOOL_SIZE=2 $node_bin $node_flags $code_dir/$entry <&$((10 + 3 * i)) >&$((11 + 3 * i)) 2>&$((12 + 3 * i)) 3>&- $((10 + 3 * i))<&- $((11 + 3 * i))>&- $((12 + 3 * i))>&-"
    echo "exit $i $?" >&3
  ) &
done
close_pipes -1
wait
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
 * just before process.exit().
 */
export const PRELOAD_SCRIPT = `for (const stream of [process.stdout, process.stderr]) stream._handle?.setBlocking?.(true);
`;

/**
 * The system calls learner code is refused, as data: `seccomp.ts` compiles it
 * with libseccomp into the filter bubblewrap loads into every sandbox.
 *
 * The filter allows by default and refuses a list, the way flatpak does: the
 * list is what Docker's default profile and flatpak refuse, minus what Node,
 * bash and zeromq need (a default-deny list would break with every new libuv).
 * Nothing is killed: a refused call fails with an errno, so a library that
 * probes (libuv tries io_uring, glibc tries clone3) falls back, and a learner
 * who tries one sees an error they can read.
 */

export type Errno = "EPERM" | "ENOSYS" | "EAFNOSUPPORT" | "EPROTONOSUPPORT";

/** One comparison of a call's argument (64-bit, as the kernel hands it over). */
export type ArgCondition =
  | { arg: number; op: "eq" | "ne" | "ge" | "gt"; value: number }
  /** (argument & mask) == value */
  | { arg: number; op: "masked_eq"; mask: number; value: number };

export interface SeccompRule {
  syscall: string;
  errno: Errno;
  /** All must hold (each on a different argument: libseccomp allows one comparison per argument). */
  when?: ArgCondition[];
}

export interface SeccompPolicy {
  /**
   * Every call of another ABI (i386 `int 0x80`, x32) fails with this: nothing in
   * the sandbox is 32-bit, and a filter written for x86_64 numbers must not be
   * side-stepped through another syscall table.
   */
  otherArchitectures: Errno;
  rules: SeccompRule[];
}

const deny = (errno: Errno, ...syscalls: string[]): SeccompRule[] => syscalls.map((syscall) => ({ syscall, errno }));

// <linux/sched.h>: the namespace flags of clone(). CLONE_NEWTIME (0x80) is left out: in
// clone()'s first argument those bits are the exit signal, not a flag.
const CLONE_NAMESPACE_FLAGS = {
  CLONE_NEWNS: 0x00020000,
  CLONE_NEWCGROUP: 0x02000000,
  CLONE_NEWUTS: 0x04000000,
  CLONE_NEWIPC: 0x08000000,
  CLONE_NEWUSER: 0x10000000,
  CLONE_NEWPID: 0x20000000,
  CLONE_NEWNET: 0x40000000,
};

/** Socket families learner code may open (<linux/socket.h>). */
export const ALLOWED_SOCKET_FAMILIES = { AF_UNIX: 1, AF_INET: 2, AF_INET6: 10, AF_NETLINK: 16 };
/** Every family number from here on is refused, so families the kernel adds later are too. */
const AF_MAX = 46;
/**
 * Netlink is allowed only for NETLINK_ROUTE: glibc's getifaddrs (os.networkInterfaces,
 * zeromq binding to an interface name) and getaddrinfo's AI_ADDRCONFIG read the
 * sandbox's own loopback through it. Other protocols (uevents, audit, sock_diag…)
 * reach far more kernel code and tell the sandbox about the host.
 */
const NETLINK_ROUTE = 0;

// <linux/personality.h>: the query and the default are all anyone needs; other
// personalities turn off address randomisation (ADDR_NO_RANDOMIZE) or make every
// readable page executable (READ_IMPLIES_EXEC).
const PER_QUERY = 0xffffffff;

/**
 * personality(x) is refused unless x is 0 (PER_LINUX) or 0xffffffff (the query).
 * libseccomp takes one comparison per argument in a rule, so "neither all zeros nor
 * all ones" is said as: some bit i is 1 and the next bit (cyclically) is 0. Any
 * 32-bit value that has both a 1 and a 0 has such a pair; 0 and 0xffffffff have none.
 */
function personalityRules(): SeccompRule[] {
  const rules: SeccompRule[] = [{ syscall: "personality", errno: "EPERM", when: [{ arg: 0, op: "gt", value: PER_QUERY }] }];
  for (let bit = 0; bit < 32; bit++) {
    const one = 2 ** bit;
    const next = 2 ** ((bit + 1) % 32);
    rules.push({ syscall: "personality", errno: "EPERM", when: [{ arg: 0, op: "masked_eq", mask: one + next, value: one }] });
  }
  return rules;
}

/** Socket families outside the allowed ones, and netlink other than NETLINK_ROUTE, for socket() and socketpair(). */
function socketRules(): SeccompRule[] {
  const allowed = new Set(Object.values(ALLOWED_SOCKET_FAMILIES));
  const rules: SeccompRule[] = [];
  for (const syscall of ["socket", "socketpair"]) {
    for (let family = 0; family < AF_MAX; family++) {
      if (!allowed.has(family)) rules.push({ syscall, errno: "EAFNOSUPPORT", when: [{ arg: 0, op: "eq", value: family }] });
    }
    // Also catches a family with garbage in the upper 32 bits (the kernel reads an int).
    rules.push({ syscall, errno: "EAFNOSUPPORT", when: [{ arg: 0, op: "ge", value: AF_MAX }] });
    rules.push({
      syscall,
      errno: "EPROTONOSUPPORT",
      when: [
        { arg: 0, op: "eq", value: ALLOWED_SOCKET_FAMILIES.AF_NETLINK },
        { arg: 2, op: "ne", value: NETLINK_ROUTE },
      ],
    });
  }
  return rules;
}

// <asm-generic/ioctls.h>: pushing characters into a terminal's input, and the
// console's multiplexed ioctl. The command is an int: compare only its low 32 bits.
const TIOCSTI = 0x5412;
const TIOCLINUX = 0x541c;
const LOW_32_BITS = 0xffffffff;

export const SECCOMP_POLICY: SeccompPolicy = {
  otherArchitectures: "ENOSYS",
  rules: [
    // Probed by libuv (io_uring) and glibc (clone3, whose flags a filter cannot read:
    // glibc then uses clone, whose flags it can): ENOSYS makes them fall back.
    ...deny("ENOSYS", "io_uring_setup", "io_uring_enter", "io_uring_register", "clone3"),
    // The kernel keyring.
    ...deny("EPERM", "keyctl", "add_key", "request_key"),
    // Reading or changing another process: the sandbox's pid 1 is bubblewrap itself.
    ...deny("EPERM", "ptrace", "process_vm_readv", "process_vm_writev", "process_madvise", "pidfd_getfd", "kcmp"),
    // Large kernel surfaces no lesson uses.
    ...deny("EPERM", "perf_event_open", "bpf", "userfaultfd", "fanotify_init"),
    // Namespaces and mounts: the sandbox's are set up once, by bubblewrap.
    ...deny("EPERM", "unshare", "setns", "mount", "umount2", "pivot_root", "chroot"),
    ...deny("EPERM", "open_tree", "fsopen", "fsconfig", "fsmount", "fspick", "move_mount", "mount_setattr"),
    ...Object.values(CLONE_NAMESPACE_FLAGS).map(
      (flag): SeccompRule => ({ syscall: "clone", errno: "EPERM", when: [{ arg: 0, op: "masked_eq", mask: flag, value: flag }] }),
    ),
    ...personalityRules(),
    // The machine's administration: kernels, modules, accounting, quotas, swap, clock, console.
    ...deny("EPERM", "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module"),
    ...deny("EPERM", "acct", "quotactl", "quotactl_fd", "swapon", "swapoff", "reboot"),
    ...deny("EPERM", "settimeofday", "clock_settime", "clock_adjtime"),
    ...deny("EPERM", "syslog", "vhangup", "iopl", "ioperm", "lookup_dcookie", "uselib", "ustat", "sysfs", "_sysctl"),
    // NUMA placement: libuv and V8 never call these (checked with strace on Node 20).
    ...deny("EPERM", "mbind", "migrate_pages", "move_pages", "set_mempolicy", "get_mempolicy", "set_mempolicy_home_node"),
    // Opening files by handle bypasses the path (and so the mount) a file is reached by.
    ...deny("EPERM", "open_by_handle_at", "name_to_handle_at"),
    ...socketRules(),
    ...[TIOCSTI, TIOCLINUX].map(
      (request): SeccompRule => ({ syscall: "ioctl", errno: "EPERM", when: [{ arg: 1, op: "masked_eq", mask: LOW_32_BITS, value: request }] }),
    ),
  ],
};

/*
 * A native program learner code could write to /tmp and run: it tries each
 * system call the sandbox's filter refuses, and a few it must allow, and prints
 * one line per try: "NAME ok" or "NAME ERRNO_NAME". The arguments are chosen so
 * that, without the filter, most calls succeed or fail with another errno than
 * the filter's (so the test can tell the filter answered, not the kernel).
 *
 * Built by tests/integration/seccomp.test.ts with cc: as a program, and with
 * -shared -DPROBE_LIBRARY as a shared object whose constructor runs the probe
 * (for process.dlopen).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/io_uring.h>
#include <linux/perf_event.h>
#include <linux/sched.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/timex.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef AF_ALG
#define AF_ALG 38
#endif
#ifndef NETLINK_KOBJECT_UEVENT
#define NETLINK_KOBJECT_UEVENT 15
#endif

static void report(const char *name, long rc, int error) {
  char line[128];
  int n = rc < 0 ? snprintf(line, sizeof line, "%s %s\n", name, strerrorname_np(error))
                 : snprintf(line, sizeof line, "%s ok\n", name);
  /* write(2), not stdio: the shared object runs before Node's stdout is set up. */
  if (write(1, line, n) < 0) _exit(3);
}

#define TRY(name, expr)        \
  do {                         \
    errno = 0;                 \
    long rc_ = (long)(expr);   \
    report(name, rc_, errno);  \
  } while (0)

/* A raw clone() that, when it succeeds, ends the child at once. */
static long try_clone(unsigned long flags) {
  long pid = syscall(SYS_clone, flags | SIGCHLD, 0, 0, 0, 0);
  if (pid == 0) _exit(0);
  if (pid > 0) waitpid(pid, NULL, 0);
  return pid;
}

static long try_clone3(void) {
  struct clone_args args;
  memset(&args, 0, sizeof args);
  args.exit_signal = SIGCHLD;
  long pid = syscall(SYS_clone3, &args, sizeof args);
  if (pid == 0) _exit(0);
  if (pid > 0) waitpid(pid, NULL, 0);
  return pid;
}

/* getpid through the i386 syscall table (int 0x80), from this 64-bit program. */
static long try_int80_getpid(void) {
  long ret;
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(20) : "memory");
  if (ret < 0 && ret > -4096) {
    errno = (int)-ret;
    return -1;
  }
  return ret;
}

static long try_personality(unsigned long persona) {
  long previous = syscall(SYS_personality, persona);
  if (previous >= 0) syscall(SYS_personality, (unsigned long)previous);
  return previous;
}

static long try_ptrace_attach(pid_t pid) {
  long rc = ptrace(PTRACE_ATTACH, pid, 0, 0);
  if (rc == 0) {
    waitpid(pid, NULL, __WALL);
    ptrace(PTRACE_DETACH, pid, 0, 0);
  }
  return rc;
}

static long try_process_vm(int write_it) {
  char buffer[8] = {0};
  struct iovec local = {buffer, sizeof buffer};
  struct iovec remote = {(void *)8, sizeof buffer}; /* a bad address: EFAULT without the filter */
  return write_it ? syscall(SYS_process_vm_writev, getppid(), &local, 1, &remote, 1, 0)
                  : syscall(SYS_process_vm_readv, getppid(), &local, 1, &remote, 1, 0);
}

static long try_perf_event_open(void) {
  struct perf_event_attr attr;
  memset(&attr, 0, sizeof attr);
  attr.size = sizeof attr;
  attr.type = PERF_TYPE_SOFTWARE;
  attr.config = PERF_COUNT_SW_TASK_CLOCK;
  attr.exclude_kernel = 1;
  return syscall(SYS_perf_event_open, &attr, 0, -1, -1, 0);
}

static long try_io_uring_setup(void) {
  struct io_uring_params params;
  memset(&params, 0, sizeof params);
  return syscall(SYS_io_uring_setup, 4, &params);
}

static long try_name_to_handle_at(void) {
  struct file_handle handle = {.handle_bytes = 0};
  int mount_id;
  return syscall(SYS_name_to_handle_at, AT_FDCWD, "/tmp", &handle, &mount_id, 0);
}

static void *thread_main(void *arg) { return arg; }

static long try_thread(void) {
  pthread_t thread;
  int rc = pthread_create(&thread, NULL, thread_main, NULL);
  if (rc != 0) {
    errno = rc;
    return -1;
  }
  return pthread_join(thread, NULL);
}

static long try_tmp_file(void) {
  int fd = open("/tmp/probe-file", O_CREAT | O_WRONLY | O_TRUNC, 0600);
  if (fd < 0) return -1;
  long rc = write(fd, "x", 1);
  close(fd);
  return rc;
}

static long close_after(long fd) {
  if (fd >= 0) close((int)fd);
  return fd;
}

static void probe(void) {
  /* Refused. */
  TRY("io_uring_setup", close_after(try_io_uring_setup()));
  TRY("io_uring_enter", syscall(SYS_io_uring_enter, -1, 0, 0, 0, NULL, 0));
  TRY("io_uring_register", syscall(SYS_io_uring_register, -1, 0, NULL, 0));
  TRY("keyctl", syscall(SYS_keyctl, 0 /* KEYCTL_GET_KEYRING_ID */, -3 /* session */, 1));
  TRY("add_key", syscall(SYS_add_key, "user", "probe", "x", 1, -2 /* process keyring */));
  TRY("request_key", syscall(SYS_request_key, "user", "probe-none", NULL, 0));
  TRY("ptrace_attach_pid1", try_ptrace_attach(1));
  TRY("process_vm_readv", try_process_vm(0));
  TRY("process_vm_writev", try_process_vm(1));
  TRY("process_madvise", syscall(SYS_process_madvise, -1, NULL, 0, 0, 0));
  TRY("pidfd_getfd", syscall(SYS_pidfd_getfd, -1, 0, 0));
  TRY("kcmp", syscall(SYS_kcmp, getpid(), getpid(), 0 /* KCMP_FILE */, 0, 0));
  TRY("perf_event_open", close_after(try_perf_event_open()));
  TRY("bpf", syscall(SYS_bpf, -1, NULL, 0));
  TRY("userfaultfd", close_after(syscall(SYS_userfaultfd, 0)));
  TRY("fanotify_init", close_after(syscall(SYS_fanotify_init, 0, 0)));
  TRY("unshare", syscall(SYS_unshare, 0));
  TRY("setns", syscall(SYS_setns, -1, 0));
  TRY("mount", syscall(SYS_mount, NULL, "/nonexistent", NULL, 0, NULL));
  TRY("umount2", syscall(SYS_umount2, "/nonexistent", 0));
  TRY("pivot_root", syscall(SYS_pivot_root, "/nonexistent", "/nonexistent"));
  TRY("chroot", syscall(SYS_chroot, "/nonexistent"));
  TRY("open_tree", close_after(syscall(SYS_open_tree, AT_FDCWD, "/nonexistent", 0)));
  TRY("fsopen", close_after(syscall(SYS_fsopen, "tmpfs", 0)));
  TRY("fsconfig", syscall(SYS_fsconfig, -1, 0, NULL, NULL, 0));
  TRY("fsmount", syscall(SYS_fsmount, -1, 0, 0));
  TRY("fspick", close_after(syscall(SYS_fspick, AT_FDCWD, "/nonexistent", 0)));
  TRY("move_mount", syscall(SYS_move_mount, -1, "", -1, "", 0));
  TRY("mount_setattr", syscall(SYS_mount_setattr, -1, "", 0, NULL, 0));
  TRY("clone_newuser", try_clone(CLONE_NEWUSER));
  TRY("clone_newns", try_clone(CLONE_NEWNS));
  TRY("clone_newnet", try_clone(CLONE_NEWNET));
  TRY("clone_newpid", try_clone(CLONE_NEWPID));
  TRY("clone3", try_clone3());
  TRY("personality_no_aslr", try_personality(ADDR_NO_RANDOMIZE));
  TRY("personality_read_implies_exec", try_personality(READ_IMPLIES_EXEC));
  TRY("personality_high_bits", try_personality((1UL << 32) | ADDR_NO_RANDOMIZE));
  TRY("kexec_load", syscall(SYS_kexec_load, 0, 0, NULL, 0));
  TRY("kexec_file_load", syscall(SYS_kexec_file_load, -1, -1, 0, "", 0));
  TRY("init_module", syscall(SYS_init_module, NULL, 0, ""));
  TRY("finit_module", syscall(SYS_finit_module, -1, "", 0));
  TRY("delete_module", syscall(SYS_delete_module, "probe", 0));
  TRY("acct", syscall(SYS_acct, NULL));
  TRY("quotactl", syscall(SYS_quotactl, 0, "/nonexistent", 0, NULL));
  TRY("swapon", syscall(SYS_swapon, "/nonexistent", 0));
  TRY("swapoff", syscall(SYS_swapoff, "/nonexistent"));
  TRY("reboot", syscall(SYS_reboot, 0, 0, 0, NULL));
  TRY("settimeofday", syscall(SYS_settimeofday, NULL, NULL));
  TRY("clock_settime", syscall(SYS_clock_settime, CLOCK_REALTIME, NULL));
  {
    struct timex tx = {.modes = 0};
    TRY("clock_adjtime", syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx));
  }
  TRY("syslog", syscall(SYS_syslog, 10 /* SYSLOG_ACTION_SIZE_BUFFER */, NULL, 0));
  TRY("vhangup", syscall(SYS_vhangup));
  TRY("iopl", syscall(SYS_iopl, 3));
  TRY("ioperm", syscall(SYS_ioperm, 0x80, 1, 1));
  TRY("lookup_dcookie", syscall(SYS_lookup_dcookie, 0, NULL, 0));
  TRY("mbind", syscall(SYS_mbind, NULL, 0, 0, NULL, 0, 0));
  TRY("set_mempolicy", syscall(SYS_set_mempolicy, 0 /* MPOL_DEFAULT */, NULL, 0));
  TRY("get_mempolicy", syscall(SYS_get_mempolicy, NULL, NULL, 0, NULL, 0));
  TRY("migrate_pages", syscall(SYS_migrate_pages, 0, 0, NULL, NULL));
  TRY("move_pages", syscall(SYS_move_pages, 0, 0, NULL, NULL, NULL, 0));
  TRY("open_by_handle_at", syscall(SYS_open_by_handle_at, AT_FDCWD, NULL, 0));
  TRY("name_to_handle_at", try_name_to_handle_at());
  TRY("socket_packet", close_after(socket(AF_PACKET, SOCK_RAW, 0)));
  TRY("socket_alg", close_after(socket(AF_ALG, SOCK_SEQPACKET, 0)));
  TRY("socket_alg_high_bits", close_after(syscall(SYS_socket, (1UL << 32) | AF_ALG, SOCK_SEQPACKET, 0)));
  TRY("socket_netlink_uevent", close_after(socket(AF_NETLINK, SOCK_RAW, NETLINK_KOBJECT_UEVENT)));
  TRY("socketpair_alg", syscall(SYS_socketpair, AF_ALG, SOCK_SEQPACKET, 0, NULL));
  TRY("ioctl_tiocsti", syscall(SYS_ioctl, 0, TIOCSTI, "x"));
  TRY("ioctl_tiocsti_high_bits", syscall(SYS_ioctl, 0, (1UL << 32) | TIOCSTI, "x"));
  TRY("int80_getpid", try_int80_getpid());
  TRY("x32_getpid", syscall(0x40000000 | SYS_getpid));

  /* Allowed: what ordinary programs do. */
  TRY("getpid", getpid());
  TRY("tmp_file", try_tmp_file());
  TRY("fork", try_clone(0));
  TRY("thread", try_thread());
  TRY("mmap", (long)mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == -1 ? -1 : 0);
  TRY("personality_query", syscall(SYS_personality, 0xffffffffUL));
  TRY("personality_linux", syscall(SYS_personality, PER_LINUX));
  TRY("socket_unix", close_after(socket(AF_UNIX, SOCK_STREAM, 0)));
  TRY("socket_inet", close_after(socket(AF_INET, SOCK_STREAM, 0)));
  TRY("socket_inet6", close_after(socket(AF_INET6, SOCK_DGRAM, 0)));
  TRY("socket_netlink_route", close_after(socket(AF_NETLINK, SOCK_RAW, 0 /* NETLINK_ROUTE */)));
  TRY("socketpair_unix", ({ int fds[2]; long r = socketpair(AF_UNIX, SOCK_STREAM, 0, fds); if (r == 0) { close(fds[0]); close(fds[1]); } r; }));
  TRY("prctl_set_name", syscall(SYS_prctl, PR_SET_NAME, "probe", 0, 0, 0));
  write(1, "done\n", 5);
}

#ifdef PROBE_LIBRARY
__attribute__((constructor)) static void probe_on_load(void) { probe(); }
#else
int main(void) {
  probe();
  return 0;
}
#endif

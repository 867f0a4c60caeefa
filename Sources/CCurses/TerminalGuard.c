#include "CCurses.h"
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/* The terminal guard: whatever ends the process, the terminal is restored first.

   Every signal whose default action ends the process gets a handler (unless it is ignored, as
   under nohup). The handler restores the terminal with async-signal-safe calls only (write(2) of
   reset sequences recorded in advance, tcsetattr(3) of the saved termios), then lets the signal
   end the process with its usual status. For the signals whose default action dumps core (the
   crash signals, SIGQUIT, SIGXCPU...) it also reports the signal and a short backtrace on
   standard error and falls back to the default action itself, not to the previous handler:
   Swift's runtime backtracer would otherwise take over the terminal and wait at a prompt. */

static struct termios saved_termios;
static int termios_saved = 0;
static volatile sig_atomic_t guard_armed = 0;
static char reset_sequence[512];
static size_t reset_length = 0;
static int atexit_registered = 0;

static struct sigaction previous_actions[NSIG];
static int installed[NSIG];

static int resize_pipe[2] = { -1, -1 };
static volatile sig_atomic_t resize_pending = 0;
static struct sigaction previous_winch;
static int winch_installed = 0;

static char alternate_stack[64 * 1024];

static void write_all_to(int descriptor, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(descriptor, bytes, length);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        bytes += written;
        length -= (size_t)written;
    }
}

static void write_text(int descriptor, const char *text) { write_all_to(descriptor, text, strlen(text)); }

/* Default action "core" in signal(7). */
static int dumps_core(int signal_number) {
    switch (signal_number) {
    case SIGQUIT: case SIGILL: case SIGTRAP: case SIGABRT: case SIGBUS: case SIGFPE:
    case SIGSEGV: case SIGXCPU: case SIGXFSZ: case SIGSYS:
        return 1;
    default:
        return 0;
    }
}

/* Default action "term" or "core" in signal(7), real-time signals included. */
int ccurses_signal_ends_process(int signal_number) {
    if (dumps_core(signal_number)) return 1;
    switch (signal_number) {
    case SIGHUP: case SIGINT: case SIGPIPE: case SIGALRM: case SIGTERM: case SIGUSR1: case SIGUSR2:
    case SIGIO: case SIGPROF: case SIGVTALRM: case SIGSTKFLT: case SIGPWR:
        return 1;
    default:
        return signal_number >= SIGRTMIN && signal_number <= SIGRTMAX;
    }
}

static const char *signal_name(int signal_number) {
    switch (signal_number) {
    case SIGQUIT: return "SIGQUIT";
    case SIGILL: return "SIGILL (illegal instruction, or a Swift runtime trap)";
    case SIGTRAP: return "SIGTRAP";
    case SIGABRT: return "SIGABRT";
    case SIGBUS: return "SIGBUS";
    case SIGFPE: return "SIGFPE";
    case SIGSEGV: return "SIGSEGV (invalid memory access)";
    case SIGXCPU: return "SIGXCPU (CPU time limit)";
    case SIGXFSZ: return "SIGXFSZ (file size limit)";
    case SIGSYS: return "SIGSYS";
    default: return "a signal";
    }
}

static void write_number(int descriptor, int value) {
    char digits[16];
    size_t count = 0;
    unsigned int rest = value < 0 ? 0u : (unsigned int)value;
    do {
        digits[sizeof digits - 1 - count] = (char)('0' + rest % 10);
        rest /= 10;
        count++;
    } while (rest > 0 && count < sizeof digits);
    write_all_to(descriptor, digits + sizeof digits - count, count);
}

/* Async-signal-safe once backtrace() has run outside the handler (ccurses_guard_prepare does),
   since that first call is what loads the unwinder. */
static void report_crash(int signal_number) {
    write_text(STDERR_FILENO, "ddim-explorer: ended by ");
    write_text(STDERR_FILENO, signal_name(signal_number));
    write_text(STDERR_FILENO, ", signal ");
    write_number(STDERR_FILENO, signal_number);
    write_text(STDERR_FILENO, "; the terminal was restored. Backtrace:\n");
    void *frames[24];
    int count = backtrace(frames, 24);
    backtrace_symbols_fd(frames, count, STDERR_FILENO);
}

static void restore_terminal_now(void) {
    write_all_to(STDOUT_FILENO, reset_sequence, reset_length);
    if (termios_saved) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
}

static void guard_handler(int signal_number) {
    if (guard_armed) {
        guard_armed = 0;
        restore_terminal_now();
    }
    int core = dumps_core(signal_number);
    if (core) report_crash(signal_number);
    if (signal_number > 0 && signal_number < NSIG && installed[signal_number]) {
        struct sigaction fallback;
        memset(&fallback, 0, sizeof fallback);
        fallback.sa_handler = SIG_DFL;
        sigemptyset(&fallback.sa_mask);
        sigaction(signal_number, core ? &fallback : &previous_actions[signal_number], NULL);
        installed[signal_number] = 0;
    }
    /* Delivered (to the default action, or the previous handler) once this handler returns;
       a hardware fault also recurs when the faulting instruction runs again. */
    raise(signal_number);
}

static void winch_handler(int signal_number) {
    (void)signal_number;
    int saved_errno = errno;
    resize_pending = 1;
    if (resize_pipe[1] >= 0) {
        char byte = 1;
        ssize_t ignored = write(resize_pipe[1], &byte, 1);
        (void)ignored;
    }
    errno = saved_errno;
}

static void guard_atexit(void) {
    if (guard_armed) {
        guard_armed = 0;
        endwin();
        if (termios_saved) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
    }
}

static void install_alternate_stack(void) {
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE)) return;
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = alternate_stack;
    stack.ss_size = sizeof alternate_stack;
    sigaltstack(&stack, NULL);
}

static void open_resize_pipe(void) {
    if (resize_pipe[0] >= 0) return;
    if (pipe(resize_pipe) != 0) {
        resize_pipe[0] = resize_pipe[1] = -1;
        return;
    }
    for (int i = 0; i < 2; i++) {
        fcntl(resize_pipe[i], F_SETFL, fcntl(resize_pipe[i], F_GETFL) | O_NONBLOCK);
        fcntl(resize_pipe[i], F_SETFD, FD_CLOEXEC);
    }
}

void ccurses_guard_prepare(void) {
    termios_saved = (tcgetattr(STDIN_FILENO, &saved_termios) == 0);
    reset_length = 0;
    void *warm[1];
    (void)backtrace(warm, 1);
    install_alternate_stack();
    for (int signal_number = 1; signal_number < NSIG; signal_number++) {
        installed[signal_number] = 0;
        if (!ccurses_signal_ends_process(signal_number)) continue;
        struct sigaction current;
        if (sigaction(signal_number, NULL, &current) != 0) continue;
        if (current.sa_handler == SIG_IGN) continue; /* e.g. nohup: keep ignoring */
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = guard_handler;
        action.sa_flags = SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        if (sigaction(signal_number, &action, &previous_actions[signal_number]) == 0) installed[signal_number] = 1;
    }
    /* Our own SIGWINCH handler, installed before curses starts so that curses does not install
       its (which only reports resizes through getch, which the explorer does not use). */
    open_resize_pipe();
    resize_pending = 0;
    struct sigaction winch;
    memset(&winch, 0, sizeof winch);
    winch.sa_handler = winch_handler;
    winch.sa_flags = SA_RESTART;
    sigemptyset(&winch.sa_mask);
    winch_installed = sigaction(SIGWINCH, &winch, &previous_winch) == 0;
    if (!atexit_registered) {
        atexit(guard_atexit);
        atexit_registered = 1;
    }
}

static void append_reset(const char *bytes) {
    if (bytes == NULL) return;
    size_t length = strlen(bytes);
    if (reset_length + length >= sizeof reset_sequence) return;
    memcpy(reset_sequence + reset_length, bytes, length);
    reset_length += length;
}

void ccurses_guard_arm(void) {
    reset_length = 0;
    append_reset("\033[?2026l\033[?1000l\033[?1002l\033[?1003l\033[?1005l\033[?1006l\033[?2004l");
    append_reset(ccurses_terminfo_string("sgr0"));
    append_reset(ccurses_terminfo_string("cnorm"));
    append_reset(ccurses_terminfo_string("rmkx"));
    append_reset(ccurses_terminfo_string("rmcup"));
    guard_armed = 1;
}

void ccurses_guard_close(void) {
    if (guard_armed) {
        guard_armed = 0;
        endwin();
        if (termios_saved) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
    }
    for (int signal_number = 1; signal_number < NSIG; signal_number++) {
        if (installed[signal_number]) {
            sigaction(signal_number, &previous_actions[signal_number], NULL);
            installed[signal_number] = 0;
        }
    }
    if (winch_installed) {
        sigaction(SIGWINCH, &previous_winch, NULL);
        winch_installed = 0;
    }
}

int ccurses_guard_is_armed(void) { return guard_armed ? 1 : 0; }

int ccurses_resize_descriptor(void) { return resize_pipe[0]; }

int ccurses_take_resize(int *height, int *width) {
    char drained[64];
    while (resize_pipe[0] >= 0 && read(resize_pipe[0], drained, sizeof drained) > 0) {}
    if (!resize_pending) return 0;
    resize_pending = 0;
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_row > 0 && size.ws_col > 0) {
        resizeterm(size.ws_row, size.ws_col);
    }
    getmaxyx(stdscr, *height, *width);
    return 1;
}

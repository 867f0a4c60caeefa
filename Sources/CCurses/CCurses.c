#include "CCurses.h"
#include <ncursesw/term.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

WINDOW *ccurses_stdscr(void) { return stdscr; }
int ccurses_lines(void) { return LINES; }
int ccurses_cols(void) { return COLS; }
int ccurses_colors(void) { return COLORS; }
int ccurses_color_pairs(void) { return COLOR_PAIRS; }

attr_t ccurses_attr_normal(void) { return WA_NORMAL; }
attr_t ccurses_attr_bold(void) { return WA_BOLD; }
attr_t ccurses_attr_dim(void) { return WA_DIM; }
attr_t ccurses_attr_italic(void) { return WA_ITALIC; }
attr_t ccurses_attr_underline(void) { return WA_UNDERLINE; }
attr_t ccurses_attr_reverse(void) { return WA_REVERSE; }
int ccurses_key_f(int n) { return KEY_F(n); }
mmask_t ccurses_button1_pressed(void) { return BUTTON1_PRESSED; }
mmask_t ccurses_button1_clicked(void) { return BUTTON1_CLICKED; }
mmask_t ccurses_button1_released(void) { return BUTTON1_RELEASED; }
void ccurses_size(int *height, int *width) { getmaxyx(stdscr, *height, *width); }

int ccurses_start(void) {
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen == NULL) return 0;
    set_term(screen);
    return 1;
}

const char *ccurses_codeset(void) { return nl_langinfo(CODESET); }

const char *ccurses_terminfo_string(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}

int ccurses_put_cell(int y, int x, const wchar_t *text, attr_t attributes, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, 0, &pair) == ERR) return ERR;
    return mvadd_wch(y, x, &cell);
}

int ccurses_get_wch(unsigned int *value) {
    wint_t character = 0;
    int result = get_wch(&character);
    *value = (unsigned int)character;
    return result;
}

int ccurses_get_mouse(int *x, int *y, mmask_t *state) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    *state = event.bstate;
    return 1;
}

static void write_all(const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(STDOUT_FILENO, bytes, length);
        if (written <= 0) return;
        bytes += written;
        length -= (size_t)written;
    }
}

void ccurses_write_raw(const char *bytes) { write_all(bytes, strlen(bytes)); }

/* ---- Terminal guard ---- */

static struct termios saved_termios;
static int termios_saved = 0;
static volatile sig_atomic_t guard_armed = 0;
static char reset_sequence[512];
static size_t reset_length = 0;
static int atexit_registered = 0;

static const int guarded_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
#define GUARDED_COUNT (sizeof guarded_signals / sizeof guarded_signals[0])
static struct sigaction previous_actions[GUARDED_COUNT];
static int installed[GUARDED_COUNT];

static void append_reset(const char *bytes) {
    if (bytes == NULL) return;
    size_t length = strlen(bytes);
    if (reset_length + length >= sizeof reset_sequence) return;
    memcpy(reset_sequence + reset_length, bytes, length);
    reset_length += length;
}

/* Async-signal-safe: only write(2) and tcsetattr(3). */
static void restore_terminal_now(void) {
    write_all(reset_sequence, reset_length);
    if (termios_saved) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
}

static void guard_handler(int signal_number) {
    if (guard_armed) {
        guard_armed = 0;
        restore_terminal_now();
    }
    for (size_t i = 0; i < GUARDED_COUNT; i++) {
        if (guarded_signals[i] == signal_number && installed[i]) {
            sigaction(signal_number, &previous_actions[i], NULL);
            installed[i] = 0;
        }
    }
    /* Delivered (to the previous handler, usually the default action) once this handler returns;
       a hardware fault also recurs when the faulting instruction runs again. */
    raise(signal_number);
}

static void guard_atexit(void) {
    if (guard_armed) {
        guard_armed = 0;
        endwin();
        if (termios_saved) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
    }
}

void ccurses_guard_prepare(void) {
    termios_saved = (tcgetattr(STDIN_FILENO, &saved_termios) == 0);
    reset_length = 0;
    for (size_t i = 0; i < GUARDED_COUNT; i++) {
        struct sigaction current;
        installed[i] = 0;
        if (sigaction(guarded_signals[i], NULL, &current) != 0) continue;
        if (current.sa_handler == SIG_IGN) continue; /* e.g. nohup: keep ignoring */
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = guard_handler;
        sigemptyset(&action.sa_mask);
        if (sigaction(guarded_signals[i], &action, &previous_actions[i]) == 0) installed[i] = 1;
    }
    if (!atexit_registered) {
        atexit(guard_atexit);
        atexit_registered = 1;
    }
}

void ccurses_guard_arm(void) {
    reset_length = 0;
    append_reset("\033[?2026l\033[?1000l\033[?1002l\033[?1003l\033[?1006l");
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
    for (size_t i = 0; i < GUARDED_COUNT; i++) {
        if (installed[i]) {
            sigaction(guarded_signals[i], &previous_actions[i], NULL);
            installed[i] = 0;
        }
    }
}

int ccurses_guard_is_armed(void) { return guard_armed ? 1 : 0; }

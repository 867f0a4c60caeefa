#ifndef CCURSES_H
#define CCURSES_H
/* The only header that includes curses. Wide-character support needs these two macros
   before <curses.h>; SwiftPM drops the -D flags pkg-config reports, so they live here.
   Everything below wraps what Swift cannot import (macros, globals); call it all from one thread. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* Globals, which Swift 6 rejects as shared mutable state. */
WINDOW *ccurses_stdscr(void);
int ccurses_lines(void);
int ccurses_cols(void);
int ccurses_colors(void);
int ccurses_color_pairs(void);

/* Macro-built values. */
attr_t ccurses_attr_normal(void);
attr_t ccurses_attr_bold(void);
attr_t ccurses_attr_dim(void);
attr_t ccurses_attr_italic(void);
attr_t ccurses_attr_underline(void);
attr_t ccurses_attr_reverse(void);
mmask_t ccurses_button1_pressed(void);
mmask_t ccurses_button1_clicked(void);
void ccurses_size(int *height, int *width);

/* Starts curses on stdout/stdin with newterm (which, unlike initscr, returns instead of exiting
   when the terminal type is unknown). Returns 1 on success. */
int ccurses_start(void);
/* The locale's character set, e.g. "UTF-8" (after setlocale). */
const char *ccurses_codeset(void);
/* A terminfo string capability, or NULL when absent or cancelled. */
const char *ccurses_terminfo_string(const char *name);
/* One cell: up to 5 wide characters (zero-terminated), attributes and an extended colour pair
   (passed through setcchar's opts, so pairs above 255 work), written at (y, x). */
int ccurses_put_cell(int y, int x, const wchar_t *text, attr_t attributes, int pair);
/* Writes raw bytes to the terminal (for sequences curses does not know, e.g. synchronized output).
   Only call between refreshes: curses has flushed its own buffer by then. */
void ccurses_write_raw(const char *bytes);

/* Terminal guard (TerminalGuard.c). prepare (before ccurses_start): saves the cooked termios,
   installs a handler for every signal whose default action ends the process (see
   ccurses_signal_ends_process; ignored ones stay ignored) and one for SIGWINCH, before curses so
   that curses installs none of its own; plus an atexit hook that calls endwin. arm (after start):
   records the terminal's reset sequences. A handled signal restores the terminal with
   async-signal-safe calls only (write the reset sequences, tcsetattr the saved termios); for the
   signals that dump core it also writes the signal and a short backtrace to stderr and falls back
   to the default action (never to Swift's interactive backtracer); then the signal ends the
   process with its usual status. */
void ccurses_guard_prepare(void);
void ccurses_guard_arm(void);
/* Ends curses (endwin) if armed, restores the termios, and puts the previous handlers back. */
void ccurses_guard_close(void);
/* 1 while curses is active and the guard armed. */
int ccurses_guard_is_armed(void);
/* 1 when the default action of the signal ends the process (signal(7): Term or Core) and it can
   be caught (so not SIGKILL). */
int ccurses_signal_ends_process(int signal_number);
/* A descriptor that becomes readable when the terminal was resized (wait on it beside stdin). */
int ccurses_resize_descriptor(void);
/* If a resize happened since the last call: resizes curses to the terminal's new size, stores it
   and returns 1; otherwise returns 0. Drains the resize descriptor either way. */
int ccurses_take_resize(int *height, int *width);

#endif

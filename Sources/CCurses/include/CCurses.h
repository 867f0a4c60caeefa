#ifndef CCURSES_H
#define CCURSES_H
/* The only header that includes curses. Wide-character support needs these two macros
   before <curses.h>; SwiftPM drops the -D flags pkg-config reports, so they live here. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <ncursesw/curses.h>

/* Accessors for curses globals, which Swift 6 rejects as shared mutable state. */
WINDOW *ccurses_stdscr(void);
int ccurses_lines(void);
int ccurses_cols(void);

#endif

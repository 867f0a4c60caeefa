#include "CCurses.h"

WINDOW *ccurses_stdscr(void) { return stdscr; }
int ccurses_lines(void) { return LINES; }
int ccurses_cols(void) { return COLS; }

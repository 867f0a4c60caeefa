#include "CCurses.h"
#include <ncursesw/term.h>
#include <errno.h>
#include <string.h>
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
mmask_t ccurses_button1_pressed(void) { return BUTTON1_PRESSED; }
mmask_t ccurses_button1_clicked(void) { return BUTTON1_CLICKED; }
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

void ccurses_write_raw(const char *bytes) {
    size_t length = strlen(bytes);
    while (length > 0) {
        ssize_t written = write(STDOUT_FILENO, bytes, length);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        bytes += written;
        length -= (size_t)written;
    }
}



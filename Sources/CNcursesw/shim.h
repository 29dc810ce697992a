// The ncursesw surface Kaishu's terminal adapter (KaishuCurses) uses, made importable by Swift.
//
// Why a shim: the wide-character API (get_wch, cchar_t, setcchar, mvadd_wch) is only declared
// when NCURSES_WIDECHAR / _XOPEN_SOURCE_EXTENDED are defined before <curses.h>, and pkg-config's
// flags do not reach the Swift importer. ncurses also exposes attributes, mouse masks, KEY_F()
// and the ACS characters as function-like macros, and stdscr/COLORS as mutable C globals, which
// Swift 6 cannot import or rejects as not concurrency-safe. Each is wrapped below as a
// `static inline` function. No logic lives here.
#ifndef KAISHU_CNCURSESW_SHIM_H
#define KAISHU_CNCURSESW_SHIM_H

#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <termios.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// MARK: globals

static inline WINDOW *kc_stdscr(void) { return stdscr; }
static inline WINDOW *kc_curscr(void) { return curscr; }
static inline FILE *kc_stdin(void) { return stdin; }
static inline FILE *kc_stdout(void) { return stdout; }
static inline int kc_lines(void) { return LINES; }
static inline int kc_cols(void) { return COLS; }
static inline int kc_colors(void) { return COLORS; }
static inline int kc_color_pairs(void) { return COLOR_PAIRS; }

// MARK: attributes (NCURSES_BITS macros)

static inline attr_t kc_a_normal(void) { return A_NORMAL; }
static inline attr_t kc_a_bold(void) { return A_BOLD; }
static inline attr_t kc_a_dim(void) { return A_DIM; }
static inline attr_t kc_a_reverse(void) { return A_REVERSE; }
static inline attr_t kc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t kc_a_italic(void) { return A_ITALIC; }
static inline attr_t kc_a_standout(void) { return A_STANDOUT; }
static inline attr_t kc_a_blink(void) { return A_BLINK; }
static inline attr_t kc_a_altcharset(void) { return A_ALTCHARSET; }
static inline chtype kc_a_chartext(void) { return A_CHARTEXT; }
static inline chtype kc_color_pair(int pair) { return COLOR_PAIR(pair); }

// MARK: keys and mouse

static inline int kc_key_f(int n) { return KEY_F(n); }
static inline mmask_t kc_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t kc_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t kc_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t kc_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t kc_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t kc_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t kc_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

// MARK: line drawing (ACS_* index acs_map, a global)

static inline chtype kc_acs(char c) { return NCURSES_ACS(c); }

// MARK: text

/// glibc declares wcwidth under __USE_XOPEN, which Swift's Glibc module does not export.
static inline int kc_wcwidth(wchar_t c) { return wcwidth(c); }

static inline const char *kc_codeset(void) { return nl_langinfo(CODESET); }

/// Sets a cchar_t from up to CCHARW_MAX-1 wide characters (spacing first, then combining).
static inline int kc_setcchar(cchar_t *cc, const wchar_t *text, attr_t attrs, int pair) {
    return setcchar(cc, text, attrs, (short)pair, NULL);
}

/// Reads one screen cell back: its characters (NUL-terminated, at most CCHARW_MAX), attrs, pair.
static inline int kc_read_cell(WINDOW *win, int y, int x, wchar_t *text, attr_t *attrs, int *pair) {
    cchar_t cc;
    short p = 0;
    if (mvwin_wch(win, y, x, &cc) == ERR) return ERR;
    if (getcchar(&cc, text, attrs, &p, NULL) == ERR) return ERR;
    *pair = p;
    return OK;
}

static inline int kc_ccharw_max(void) { return CCHARW_MAX; }

#endif

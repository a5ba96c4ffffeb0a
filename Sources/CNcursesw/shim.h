#ifndef ROTOR_CNCURSESW_SHIM_H
#define ROTOR_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D flags, and without these the wide-character API
// (mvadd_wch, setcchar, get_wch) is not declared.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Macros Swift cannot import, as functions.
static inline attr_t rotor_a_bold(void) { return A_BOLD; }
static inline attr_t rotor_a_reverse(void) { return A_REVERSE; }
static inline attr_t rotor_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rotor_a_dim(void) { return A_DIM; }
static inline attr_t rotor_a_normal(void) { return A_NORMAL; }
static inline int rotor_key_resize(void) { return KEY_RESIZE; }
static inline int rotor_err(void) { return ERR; }
static inline int rotor_key_code_yes(void) { return KEY_CODE_YES; }
static inline int rotor_lines(void) { return LINES; }
static inline int rotor_cols(void) { return COLS; }
static inline void rotor_getmaxyx(WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }
static inline WINDOW *rotor_stdscr(void) { return stdscr; }
static inline int rotor_key_mouse(void) { return KEY_MOUSE; }

// The mouse events rotor asks for: presses of buttons 1-3 and the wheel (buttons 4
// and 5), no releases and no motion, so ncurses turns on plain button tracking.
static inline mmask_t rotor_mouse_presses(void) {
    return BUTTON1_PRESSED | BUTTON2_PRESSED | BUTTON3_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
// The mask bit of a press of button n (1-5), 0 for any other n.
static inline mmask_t rotor_button_pressed(int n) {
    switch (n) {
    case 1: return BUTTON1_PRESSED;
    case 2: return BUTTON2_PRESSED;
    case 3: return BUTTON3_PRESSED;
    case 4: return BUTTON4_PRESSED;
    case 5: return BUTTON5_PRESSED;
    default: return 0;
    }
}

// Whether the terminfo entry `name` can draw a full screen, read without touching
// the terminal: 1 yes (it has cursor addressing), 0 no (an entry such as `dumb`), -1
// no entry at all. The entry is loaded with setupterm and released again.
static inline int rotor_terminfo_can_draw(const char *name, int fd) {
    int error = 0;
    TERMINAL *previous = cur_term;
    if (setupterm(name, fd, &error) != OK) return -1;
    const char *cup = tigetstr("cup");
    int usable = cup != 0 && cup != (const char *)-1;
    TERMINAL *loaded = set_curterm(previous);
    if (loaded != previous) del_curterm(loaded);
    return usable;
}

#endif

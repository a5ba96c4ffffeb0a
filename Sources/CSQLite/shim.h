#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift cannot
// import: the binder asks SQLite to copy the bytes through this instead.
static inline sqlite3_destructor_type rotor_sqlite_transient(void) { return SQLITE_TRANSIENT; }

#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro over a cast Swift cannot import: it tells sqlite3_bind_text to
// copy the text before the call returns.
static inline sqlite3_destructor_type csqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#ifndef BNC_CEDITLINE_SHIM_H_PUBLIC
#define BNC_CEDITLINE_SHIM_H_PUBLIC
// Every libedit call bnc makes, through pointers into a libedit loaded with dlopen when the
// shell starts (bnc is not linked with it: only the interactive shell needs it): non-variadic
// wrappers over el_wset / el_wget / history_w, which Swift cannot call (Swift does not import C
// variadic functions), and the other functions. Also the signal plumbing the line editor needs:
// a SIGINT/SIGWINCH/SIGCONT handler that only bumps counters and writes to a self-pipe, and a
// character reader for EL_GETCFN that waits on stdin and that pipe together.
#include <stdint.h>
#include <stdio.h>
#include <stddef.h>
#include <wchar.h>
// The types and constants only (apt: libedit-dev); no function of it is called from Swift.
#include <histedit.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The character the reader returns when Ctrl-C arrived as SIGINT while waiting for a key.
#define BNC_INTERRUPT_CHAR ((wchar_t)0x03)

// MARK: - The library

/// Opens the shared library `library` (a name for dlopen, such as "libedit.so.2", or a path) and
/// resolves the libedit functions the shim calls. Returns 0 when every one was found; the first
/// library that loads is used for the rest of the process. Otherwise returns -1 and writes why
/// (the loader's message, or the function missing) into `message`, and nothing is kept. Until a
/// load succeeds, `bnc_el_open` and `bnc_history_open` return NULL. Thread-safe.
int bnc_editline_load_library(const char *_Nonnull library, char *_Nonnull message, size_t capacity);
/// 1 once a `bnc_editline_load_library` call succeeded.
int bnc_editline_is_loaded(void);

// MARK: - Locale

/// Selects the user's LC_CTYPE, falling back to C.UTF-8 when it is not UTF-8, so the wide API
/// decodes and measures non-ASCII characters. Returns 1 when the resulting codeset is UTF-8.
int bnc_prepare_utf8_locale(void);

// MARK: - Editor

/// `el_init` on the process's standard streams (the `stdin`/`stdout` globals are C-only).
EditLine *_Nullable bnc_el_open(const char *_Nonnull program);
/// `el_end`, after flushing standard output.
void bnc_el_close(EditLine *_Nonnull el);
/// EL_EDITOR: "emacs" or "vi".
int bnc_el_set_editor(EditLine *_Nonnull el, const wchar_t *_Nonnull mode);
/// EL_PROMPT_ESC: `literal` brackets non-printing escape sequences in the prompt.
int bnc_el_set_prompt(EditLine *_Nonnull el, wchar_t *_Nonnull (*_Nonnull fn)(EditLine *_Nonnull), wchar_t literal);
/// The right prompt (EL_RPROMPT_ESC): asked for at each redisplay; the shell shows its inline hint there.
int bnc_el_set_rprompt(EditLine *_Nonnull el, wchar_t *_Nonnull (*_Nonnull fn)(EditLine *_Nonnull), wchar_t literal);
/// EL_CLIENTDATA (set): what the callbacks use to reach the Swift object.
int bnc_el_set_clientdata(EditLine *_Nonnull el, void *_Nullable data);
/// EL_CLIENTDATA (get).
void *_Nullable bnc_el_get_clientdata(EditLine *_Nonnull el);
/// EL_HIST with history_w.
int bnc_el_set_history(EditLine *_Nonnull el, HistoryW *_Nonnull history);
/// EL_GETCFN with the shim's reader: EINTR is retried, SIGWINCH resizes, SIGINT yields
/// BNC_INTERRUPT_CHAR, bytes are decoded as UTF-8 independently of the locale.
int bnc_el_use_interruptible_reader(EditLine *_Nonnull el);
/// EL_ADDFN: registers a named editor function.
int bnc_el_add_function(EditLine *_Nonnull el, const wchar_t *_Nonnull name, const wchar_t *_Nonnull help,
                        unsigned char (*_Nonnull fn)(EditLine *_Nonnull, int));
/// EL_BIND key -> function, in the main keymap and (for vi) the command keymap as well.
int bnc_el_bind(EditLine *_Nonnull el, const wchar_t *_Nonnull key, const wchar_t *_Nonnull function);
/// el_wgets: reads a line (NULL at end of input); `*count` is its length.
const wchar_t *_Nullable bnc_el_gets(EditLine *_Nonnull el, int *_Nonnull count);
/// el_wline: the line being edited.
const LineInfoW *_Nullable bnc_el_line(EditLine *_Nonnull el);
/// el_winsertstr: inserts at the cursor.
int bnc_el_insert(EditLine *_Nonnull el, const wchar_t *_Nonnull text);
/// el_wpush: pushes characters to be read as if typed.
void bnc_el_push(EditLine *_Nonnull el, const wchar_t *_Nonnull text);
/// el_deletestr: deletes `count` characters before the cursor.
void bnc_el_delete(EditLine *_Nonnull el, int count);
/// el_cursor: moves the cursor by `offset` (clamped to the line).
int bnc_el_move_cursor(EditLine *_Nonnull el, int offset);
/// el_source(el, NULL): reads ~/.editrc (or $EDITRC).
int bnc_el_source_editrc(EditLine *_Nonnull el);
/// EL_GETTC "co" / "li": the terminal's width and height as libedit knows them.
int bnc_el_terminal_size(EditLine *_Nonnull el, int *_Nonnull columns, int *_Nonnull lines);

// MARK: - History

/// history_winit with H_SETSIZE `size` and H_SETUNIQUE on (no consecutive duplicates).
HistoryW *_Nullable bnc_history_open(int size);
/// history_wend.
void bnc_history_close(HistoryW *_Nonnull history);
/// H_ENTER: adds `line` as the newest entry. Returns 0 on success.
int bnc_history_enter(HistoryW *_Nonnull history, const wchar_t *_Nonnull line);

// MARK: - Reader parts (exposed for the tests)

/// Decoding state of ``bnc_utf8_feed``; zero-initialise it.
typedef struct bnc_utf8_decoder {
    uint32_t code;
    unsigned int pending;
    unsigned char lower, upper;
} bnc_utf8_decoder;

/// More bytes are needed.
#define BNC_UTF8_NEED_MORE 0
/// `*out` holds a character (U+FFFD for a byte that can never start one); the byte was used.
#define BNC_UTF8_CHARACTER 1
/// `*out` is U+FFFD for a broken sequence, and the byte was not used: feed it again.
#define BNC_UTF8_MALFORMED_AGAIN 2

/// Decodes UTF-8 strictly (RFC 3629), one byte at a time: overlong forms, surrogates, code
/// points above U+10FFFF and stray continuation bytes become U+FFFD, as a terminal shows them.
int bnc_utf8_feed(bnc_utf8_decoder *_Nonnull decoder, unsigned char byte, uint32_t *_Nonnull out);

/// Waits for one byte on `fd` while also watching `signal_fd` (-1 for none). Returns 1 with
/// `*byte` set, 0 at end of input, 2 when `signal_fd` became readable or a signal interrupted
/// the wait, -1 on an error — including an invalid `fd` (POLLNVAL), which would otherwise wake
/// the wait again at once, forever.
int bnc_wait_for_byte(int fd, int signal_fd, unsigned char *_Nonnull byte);

// MARK: - Signals

/// Installs the SIGINT, SIGWINCH and SIGCONT handlers (idempotent). SIGINT never terminates the
/// process afterwards: it only counts. Returns 0 on success.
int bnc_signals_install(void);
/// The number of SIGINTs received since installation (async-signal-safe counter).
unsigned long bnc_sigint_count(void);
/// The read end of the signal handler's self-pipe (-1 before installation): readable after a signal.
int bnc_signal_fd(void);
/// Marks every SIGINT received so far as seen, so the reader does not report an interrupt
/// that happened while a statement was running. Returns the count it marked, read before the
/// signal pipe is drained: a SIGINT after that read is counted as new.
unsigned long bnc_sigint_acknowledge(void);

#ifdef __cplusplus
}
#endif
#endif

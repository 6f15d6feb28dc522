#include "CEditlineShim.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

// MARK: - The library, loaded on first use

// bnc is not linked with libedit: a -c, script, dry-run or `bnc sim` start would map libedit,
// libtinfo, libbsd and libmd for nothing (0.3 ms of a 1.5 ms bare start; docs/performance.md,
// "Fifth pass: cold start"). The shell loads it here, and every call below goes through these
// pointers, typed from histedit.h's own declarations (no reference to the symbols is emitted).
#define BNC_EDITLINE_FUNCTIONS(X)                                                                       \
    X(el_init) X(el_end) X(el_wset) X(el_wget) X(el_resize) X(el_wgets) X(el_wline) X(el_winsertstr) \
    X(el_wpush) X(el_deletestr) X(el_cursor) X(el_source) X(history_winit) X(history_wend) X(history_w)

struct bnc_editline_api {
#define BNC_FIELD(name) __typeof__(&name) name;
    BNC_EDITLINE_FUNCTIONS(BNC_FIELD)
#undef BNC_FIELD
};

static struct bnc_editline_api api;
static atomic_int api_loaded = 0;
static pthread_mutex_t api_lock = PTHREAD_MUTEX_INITIALIZER;

int bnc_editline_load_library(const char *library, char *message, size_t capacity) {
    if (capacity > 0) message[0] = 0;
    void *handle = dlopen(library, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        const char *reason = dlerror();
        if (capacity > 0) snprintf(message, capacity, "%s", reason != NULL ? reason : "cannot be opened");
        return -1;
    }
    struct bnc_editline_api loaded;
#define BNC_RESOLVE(name)                                                                  \
    loaded.name = (__typeof__(loaded.name))dlsym(handle, #name);                           \
    if (loaded.name == NULL) {                                                             \
        if (capacity > 0) snprintf(message, capacity, "%s: no function %s", library, #name); \
        dlclose(handle);                                                                   \
        return -1;                                                                         \
    }
    BNC_EDITLINE_FUNCTIONS(BNC_RESOLVE)
#undef BNC_RESOLVE
    pthread_mutex_lock(&api_lock);
    if (atomic_load(&api_loaded) == 0) {
        // The handle stays open for the life of the process: the editor's callbacks and state live in it.
        api = loaded;
        atomic_store(&api_loaded, 1);
    } else {
        // Loaded before (the same library, or another that worked): keep the first.
        dlclose(handle);
    }
    pthread_mutex_unlock(&api_lock);
    return 0;
}

int bnc_editline_is_loaded(void) { return atomic_load(&api_loaded); }

// MARK: - Locale

int bnc_prepare_utf8_locale(void) {
    const char *name = setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (name != NULL && codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0)) {
        return 1;
    }
    // A "C" or "POSIX" locale would make libedit treat every byte >= 0x80 as unprintable.
    if (setlocale(LC_CTYPE, "C.UTF-8") != NULL || setlocale(LC_CTYPE, "C.utf8") != NULL) {
        return 1;
    }
    return 0;
}

// MARK: - Signals

static atomic_ulong sigint_received = 0;
static atomic_ulong sigint_seen = 0;
static atomic_ulong sigwinch_received = 0;
static unsigned long sigwinch_seen = 0;
static atomic_ulong sigcont_received = 0;
static unsigned long sigcont_seen = 0;
static int signal_pipe[2] = {-1, -1};
static atomic_int signals_installed = 0;

static void bnc_signal_handler(int signo) {
    int saved = errno;
    if (signo == SIGINT) {
        atomic_fetch_add(&sigint_received, 1);
    } else if (signo == SIGWINCH) {
        atomic_fetch_add(&sigwinch_received, 1);
    } else if (signo == SIGCONT) {
        atomic_fetch_add(&sigcont_received, 1);
    }
    if (signal_pipe[1] >= 0) {
        char byte = (char)signo;
        // Non-blocking: a full pipe already says "look at the counters".
        (void)write(signal_pipe[1], &byte, 1);
    }
    errno = saved;
}

int bnc_signals_install(void) {
    int expected = 0;
    if (!atomic_compare_exchange_strong(&signals_installed, &expected, 1)) {
        return 0;
    }
    if (pipe(signal_pipe) != 0) {
        signal_pipe[0] = signal_pipe[1] = -1;
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        fcntl(signal_pipe[i], F_SETFL, fcntl(signal_pipe[i], F_GETFL) | O_NONBLOCK);
        fcntl(signal_pipe[i], F_SETFD, FD_CLOEXEC);
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = bnc_signal_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (sigaction(SIGINT, &action, NULL) != 0 || sigaction(SIGWINCH, &action, NULL) != 0
        || sigaction(SIGCONT, &action, NULL) != 0) {
        return -1;
    }
    return 0;
}

unsigned long bnc_sigint_count(void) { return atomic_load(&sigint_received); }

int bnc_signal_fd(void) { return signal_pipe[0]; }

static void drain_signal_pipe(void) {
    if (signal_pipe[0] < 0) return;
    char buffer[64];
    while (read(signal_pipe[0], buffer, sizeof buffer) > 0) {
    }
}

unsigned long bnc_sigint_acknowledge(void) {
    unsigned long received = atomic_load(&sigint_received);
    drain_signal_pipe();
    atomic_store(&sigint_seen, received);
    return received;
}

// MARK: - Reader

int bnc_utf8_feed(bnc_utf8_decoder *decoder, unsigned char byte, uint32_t *out) {
    if (decoder->pending == 0) {
        if (byte < 0x80) { *out = byte; return BNC_UTF8_CHARACTER; }
        // RFC 3629 (Unicode table 3-7): the second byte's range excludes overlong forms
        // (E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and code points above U+10FFFF
        // (F4 90..BF); C0, C1 and F5..FF never start a character.
        decoder->lower = 0x80;
        decoder->upper = 0xBF;
        if (byte >= 0xC2 && byte <= 0xDF) {
            decoder->code = byte & 0x1F; decoder->pending = 1;
        } else if (byte >= 0xE0 && byte <= 0xEF) {
            decoder->code = byte & 0x0F; decoder->pending = 2;
            if (byte == 0xE0) decoder->lower = 0xA0;
            if (byte == 0xED) decoder->upper = 0x9F;
        } else if (byte >= 0xF0 && byte <= 0xF4) {
            decoder->code = byte & 0x07; decoder->pending = 3;
            if (byte == 0xF0) decoder->lower = 0x90;
            if (byte == 0xF4) decoder->upper = 0x8F;
        } else {
            *out = 0xFFFD;
            return BNC_UTF8_CHARACTER;
        }
        return BNC_UTF8_NEED_MORE;
    }
    if (byte < decoder->lower || byte > decoder->upper) {
        // The sequence is broken: U+FFFD for it, and this byte starts afresh (it may be an
        // ASCII character or a new lead byte: dropping it would lose what the user typed).
        decoder->pending = 0;
        *out = 0xFFFD;
        return BNC_UTF8_MALFORMED_AGAIN;
    }
    decoder->lower = 0x80;
    decoder->upper = 0xBF;
    decoder->code = (decoder->code << 6) | (byte & 0x3F);
    if (--decoder->pending == 0) {
        *out = decoder->code;
        return BNC_UTF8_CHARACTER;
    }
    return BNC_UTF8_NEED_MORE;
}

int bnc_wait_for_byte(int fd, int signal_fd, unsigned char *byte) {
    for (;;) {
        struct pollfd fds[2] = {
            {.fd = fd, .events = POLLIN},
            {.fd = signal_fd, .events = POLLIN},
        };
        int ready = poll(fds, signal_fd >= 0 ? 2 : 1, -1);
        if (ready < 0) {
            if (errno == EINTR) return 2;
            return -1;
        }
        // An invalid descriptor reports POLLNVAL at once, every time: waiting again would spin.
        if (fds[0].revents & POLLNVAL) { errno = EBADF; return -1; }
        if (signal_fd >= 0 && (fds[1].revents & POLLIN)) return 2;
        // A broken signal pipe is stopped being watched (signals are still counted by the
        // handler and seen at the next key); watching it would wake this loop forever.
        if (signal_fd >= 0 && (fds[1].revents & (POLLNVAL | POLLERR | POLLHUP))) signal_fd = -1;
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            ssize_t n = read(fd, byte, 1);
            if (n == 0) return 0;
            if (n < 0) {
                if (errno == EINTR || errno == EAGAIN) continue;
                return -1;
            }
            return 1;
        }
    }
}

/// A byte that ended a malformed sequence, to be decoded again by the next call; -1 for none.
static int pushed_back = -1;

static int bnc_read_char(EditLine *el, wchar_t *out) {
    bnc_utf8_decoder decoder = {0};
    for (;;) {
        unsigned long winch = atomic_load(&sigwinch_received);
        if (winch != sigwinch_seen) {
            sigwinch_seen = winch;
            api.el_resize(el);
            api.el_wset(el, EL_REFRESH);
        }
        unsigned long resumed = atomic_load(&sigcont_received);
        if (resumed != sigcont_seen) {
            // Back from Ctrl-Z: the parent shell put the terminal in its own (cooked, echoing)
            // mode. Leave and re-enter libedit's mode so it re-reads and re-applies the
            // settings, then redraw the prompt and the line.
            sigcont_seen = resumed;
            api.el_wset(el, EL_PREP_TERM, 0);
            api.el_wset(el, EL_PREP_TERM, 1);
            api.el_wset(el, EL_REFRESH);
        }
        unsigned long received = atomic_load(&sigint_received);
        if (received != atomic_load(&sigint_seen)) {
            atomic_store(&sigint_seen, received);
            *out = BNC_INTERRUPT_CHAR;
            return 1;
        }
        unsigned char byte;
        if (pushed_back >= 0) {
            byte = (unsigned char)pushed_back;
            pushed_back = -1;
        } else {
            int got = bnc_wait_for_byte(STDIN_FILENO, signal_pipe[0], &byte);
            if (got == 2) {
                drain_signal_pipe();
                continue;
            }
            if (got <= 0) return got;
        }
        uint32_t character;
        int result = bnc_utf8_feed(&decoder, byte, &character);
        if (result == BNC_UTF8_MALFORMED_AGAIN) pushed_back = byte;
        if (result != BNC_UTF8_NEED_MORE) {
            *out = (wchar_t)character;
            return 1;
        }
    }
}

// MARK: - Editor

EditLine *bnc_el_open(const char *program) {
    if (atomic_load(&api_loaded) == 0) return NULL;
    return api.el_init(program, stdin, stdout, stderr);
}

void bnc_el_close(EditLine *el) {
    fflush(stdout);
    api.el_end(el);
}

int bnc_el_set_editor(EditLine *el, const wchar_t *mode) { return api.el_wset(el, EL_EDITOR, mode); }

int bnc_el_set_prompt(EditLine *el, wchar_t *(*fn)(EditLine *), wchar_t literal) {
    return api.el_wset(el, EL_PROMPT_ESC, fn, literal);
}

int bnc_el_set_rprompt(EditLine *el, wchar_t *(*fn)(EditLine *), wchar_t literal) {
    return api.el_wset(el, EL_RPROMPT_ESC, fn, literal);
}

int bnc_el_set_clientdata(EditLine *el, void *data) { return api.el_wset(el, EL_CLIENTDATA, data); }

void *bnc_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (api.el_wget(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

int bnc_el_set_history(EditLine *el, HistoryW *history) { return api.el_wset(el, EL_HIST, api.history_w, history); }

int bnc_el_use_interruptible_reader(EditLine *el) { return api.el_wset(el, EL_GETCFN, bnc_read_char); }

int bnc_el_add_function(EditLine *el, const wchar_t *name, const wchar_t *help, unsigned char (*fn)(EditLine *, int)) {
    return api.el_wset(el, EL_ADDFN, name, help, fn);
}

int bnc_el_bind(EditLine *el, const wchar_t *key, const wchar_t *function) {
    int main = api.el_wset(el, EL_BIND, key, function, NULL);
    // In vi mode, keys typed in command mode live in the alternate keymap.
    int alternate = api.el_wset(el, EL_BIND, L"-a", key, function, NULL);
    return main != 0 ? main : alternate;
}

const wchar_t *bnc_el_gets(EditLine *el, int *count) { return api.el_wgets(el, count); }

const LineInfoW *bnc_el_line(EditLine *el) { return api.el_wline(el); }

int bnc_el_insert(EditLine *el, const wchar_t *text) { return api.el_winsertstr(el, text); }

void bnc_el_push(EditLine *el, const wchar_t *text) { api.el_wpush(el, text); }

void bnc_el_delete(EditLine *el, int count) { api.el_deletestr(el, count); }

int bnc_el_move_cursor(EditLine *el, int offset) { return api.el_cursor(el, offset); }

int bnc_el_source_editrc(EditLine *el) { return api.el_source(el, NULL); }

int bnc_el_terminal_size(EditLine *el, int *columns, int *lines) {
    *columns = 80;
    *lines = 24;
    int co = 0, li = 0;
    if (api.el_wget(el, EL_GETTC, "co", &co, NULL) == 0 && co > 0) *columns = co;
    if (api.el_wget(el, EL_GETTC, "li", &li, NULL) == 0 && li > 0) *lines = li;
    return 0;
}

// MARK: - History

HistoryW *bnc_history_open(int size) {
    if (atomic_load(&api_loaded) == 0) return NULL;
    HistoryW *history = api.history_winit();
    if (history == NULL) return NULL;
    HistEventW event;
    api.history_w(history, &event, H_SETSIZE, size);
    api.history_w(history, &event, H_SETUNIQUE, 1);
    return history;
}

void bnc_history_close(HistoryW *history) { api.history_wend(history); }

int bnc_history_enter(HistoryW *history, const wchar_t *line) {
    HistEventW event;
    return api.history_w(history, &event, H_ENTER, line) < 0 ? -1 : 0;
}

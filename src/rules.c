/* rules.c - rule tables from built-in and user files; PCRE2 patterns.
 *
 * This is the only file that includes <pcre2.h>.
 */
/* memrchr: glibc declares it only with _GNU_SOURCE. */
#define _GNU_SOURCE
#include "claimdiff/rules.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "claimdiff/arena.h"
#include "claimdiff/hash.h"
#include "claimdiff/utf8.h"
#include "rules_builtin.h"
#include "rxhint.h"

/* Directory levels below --rules that are read; deeper ones are an error
 * rather than a silent skip. */
#define MAX_RULE_DEPTH 8

struct table {
    struct rule_table pub;
    struct rule_row *rows;
    size_t cap;
};

struct rules {
    struct arena *arena;
    struct table *tables;
    size_t ntables, cap;
};

static struct table *table_for(struct rules *r, const char *name)
{
    for (size_t i = 0; i < r->ntables; i++)
        if (strcmp(r->tables[i].pub.name, name) == 0)
            return &r->tables[i];
    if (r->ntables == r->cap)
        r->tables = xgrow(r->tables, &r->cap, r->ntables + 1, sizeof *r->tables);
    struct table *t = &r->tables[r->ntables++];
    memset(t, 0, sizeof *t);
    t->pub.name = arena_strdup(r->arena, name);
    return t;
}

static void trim(char **s, char **e)
{
    while (*s < *e && (**s == ' ' || **s == '\r'))
        (*s)++;
    while (*e > *s && ((*e)[-1] == ' ' || (*e)[-1] == '\r'))
        (*e)--;
}

static void add_row(struct rules *r, struct table *t, const char *file,
                    unsigned line, char *s, char *e)
{
    const char *fields[64];
    size_t n = 0;
    char *p = s;
    while (p < e && n < sizeof fields / sizeof *fields) {
        char *tab = memchr(p, '\t', (size_t)(e - p));
        char *fe = tab ? tab : e;
        char *fs = p;
        trim(&fs, &fe);
        fields[n++] = arena_strndup(r->arena, fs, (size_t)(fe - fs));
        if (!tab)
            break;
        p = tab;
        while (p < e && *p == '\t')
            p++;
    }
    if (t->pub.nrows == t->cap)
        t->rows = xgrow(t->rows, &t->cap, t->pub.nrows + 1, sizeof *t->rows);
    struct rule_row *row = &t->rows[t->pub.nrows++];
    row->file = file;
    row->line = line;
    row->nfields = n;
    row->fields = arena_alloc(r->arena, n * sizeof *row->fields);
    memcpy(row->fields, fields, n * sizeof *fields);
    t->pub.rows = t->rows;
}

/* Parse one file's bytes into table `name`. */
static enum cd_err parse_file(struct rules *r, const char *name,
                              const char *file, const char *data, size_t len,
                              struct diag *d)
{
    struct table *t = table_for(r, name);
    const char *fname = arena_strdup(r->arena, file);
    char *copy = arena_strndup(r->arena, data, len);
    char *p = copy, *end = copy + len;
    unsigned line = 0;
    bool first = true;
    if (!utf8_valid(data, len))
        return diag_set(d, CD_ERR_RULE, file, 0, 0, "not valid UTF-8");
    while (p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *le = nl ? nl : end;
        char *ls = p;
        line++;
        p = nl ? nl + 1 : end;
        if (le - ls > CD_MAX_RULE_LEN)
            return diag_set(d, CD_ERR_RULE, file, line, 0,
                            "line longer than %d bytes", CD_MAX_RULE_LEN);
        trim(&ls, &le);
        while (ls < le && *ls == '\t')
            ls++;
        if (ls == le || *ls == '#')
            continue;
        if (*ls == '%') {
            if (first && (size_t)(le - ls) == 8 && memcmp(ls, "%replace", 8) == 0) {
                t->pub.nrows = 0;
                first = false;
                continue;
            }
            return diag_set(d, CD_ERR_RULE, file, line, 1,
                            "unknown directive '%.*s' (only %%replace, on the "
                            "first line)", (int)(le - ls > 40 ? 40 : le - ls), ls);
        }
        first = false;
        add_row(r, t, fname, line, ls, le);
    }
    return CD_OK;
}

static enum cd_err read_whole(const char *path, char **out, size_t *outlen,
                              struct diag *d)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, cap = 0;
    if (!f)
        return diag_set(d, CD_ERR_IO, path, 0, 0, "%s", strerror(errno));
    for (;;) {
        if (cap - len < 4096)
            buf = xgrow(buf, &cap, len + 4096, 1);
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return diag_set(d, CD_ERR_IO, path, 0, 0, "read error");
    }
    *out = buf;
    *outlen = len;
    return CD_OK;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static enum cd_err load_dir(struct rules *r, const char *root,
                            const char *rel, int depth, struct diag *d);

static enum cd_err load_entry(struct rules *r, const char *root,
                              const char *relpath, int depth, struct diag *d)
{
    char *full = arena_printf(r->arena, "%s/%s", root, relpath);
    struct stat st;
    size_t n = strlen(relpath);
    if (stat(full, &st) != 0)
        return diag_set(d, CD_ERR_IO, full, 0, 0, "%s", strerror(errno));
    if (S_ISDIR(st.st_mode))
        return load_dir(r, root, relpath, depth + 1, d);
    if (!S_ISREG(st.st_mode) || n < 5 || strcmp(relpath + n - 4, ".tsv") != 0)
        return CD_OK;
    char *data = NULL;
    size_t len = 0;
    enum cd_err err = read_whole(full, &data, &len, d);
    if (err)
        return err;
    char *name = arena_strndup(r->arena, relpath, n - 4);
    err = parse_file(r, name, full, data, len, d);
    free(data);
    return err;
}

static enum cd_err load_dir(struct rules *r, const char *root,
                            const char *rel, int depth, struct diag *d)
{
    const char *path = rel[0] ? arena_printf(r->arena, "%s/%s", root, rel) : root;
    char **names = NULL;
    size_t n = 0, cap = 0;
    enum cd_err err = CD_OK;
    if (depth > MAX_RULE_DEPTH)
        return diag_set(d, CD_ERR_RULE, path, 0, 0,
                        "rule directories nest deeper than %d levels",
                        MAX_RULE_DEPTH);
    DIR *dir = opendir(path);
    if (!dir)
        return diag_set(d, CD_ERR_IO, path, 0, 0, "%s", strerror(errno));
    struct dirent *ent;
    while ((ent = readdir(dir)) != NULL) {
        if (ent->d_name[0] == '.')
            continue;
        if (n == cap)
            names = xgrow(names, &cap, n + 1, sizeof *names);
        names[n++] = xstrdup(ent->d_name);
    }
    closedir(dir);
    qsort(names, n, sizeof *names, compare_names);
    for (size_t i = 0; i < n; i++) {
        if (!err) {
            char *sub = rel[0] ? arena_printf(r->arena, "%s/%s", rel, names[i])
                               : arena_strdup(r->arena, names[i]);
            err = load_entry(r, root, sub, depth, d);
        }
        free(names[i]);
    }
    free(names);
    return err;
}

enum cd_err rules_new(const char *user_dir, struct rules **out, struct diag *d)
{
    struct rules *r = xcalloc(1, sizeof *r);
    enum cd_err err = CD_OK;
    *out = NULL;
    r->arena = arena_new();
    for (unsigned i = 0; i < rules_builtin_count && !err; i++) {
        const struct rules_builtin_file *f = &rules_builtin[i];
        char *file = arena_printf(r->arena, "<builtin>/%s.tsv", f->name);
        err = parse_file(r, f->name, file, f->data, f->len, d);
    }
    if (!err && user_dir)
        err = load_dir(r, user_dir, "", 0, d);
    if (err) {
        rules_free(r);
        return err;
    }
    *out = r;
    return CD_OK;
}

void rules_free(struct rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->ntables; i++)
        free(r->tables[i].rows);
    free(r->tables);
    arena_free(r->arena);
    free(r);
}

const struct rule_table *rules_get(const struct rules *r, const char *name)
{
    static const struct rule_table empty = {"", 0, NULL};
    for (size_t i = 0; i < r->ntables; i++)
        if (strcmp(r->tables[i].pub.name, name) == 0)
            return &r->tables[i].pub;
    return &empty;
}

enum cd_err rules_check_fields(const struct rule_table *t, size_t min,
                               size_t max, struct diag *d)
{
    for (size_t i = 0; i < t->nrows; i++) {
        const struct rule_row *row = &t->rows[i];
        if (row->nfields < min || (max && row->nfields > max)) {
            if (max == min)
                return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                                "expected %zu tab-separated fields, found %zu",
                                min, row->nfields);
            return diag_set(d, CD_ERR_RULE, row->file, row->line, 0,
                            "expected %zu to %zu tab-separated fields, found %zu",
                            min, max ? max : SIZE_MAX, row->nfields);
        }
    }
    return CD_OK;
}

const char *rules_version(void)
{
    /* A hash of the built-in bytes: changes whenever any rule does. */
    static const char hex[] = "0123456789abcdef";
    static _Thread_local char buf[17];
    uint64_t h = hash_bytes("", 0);
    for (unsigned i = 0; i < rules_builtin_count; i++) {
        h = hash_more(h, rules_builtin[i].name, strlen(rules_builtin[i].name));
        h = hash_more(h, rules_builtin[i].data, rules_builtin[i].len);
    }
    for (int i = 15; i >= 0; i--, h >>= 4)
        buf[i] = hex[h & 15];
    buf[16] = '\0';
    return buf;
}

/* --- Regular expressions ------------------------------------------------ */

/* Most ASCII bytes a start set may hold for rules_rx_find to try the
 * pattern only where it may begin: past this, PCRE2's own scan from byte
 * to byte is cheaper than one anchored match per candidate. */
#define MAX_START_BYTES 32

/* Most bytes a match may begin before its factor for rules_rx_find to
 * try it only just before each place a factor occurs: past this the
 * anchored tries around a common factor would cost more than a search. */
#define MAX_FACTOR_LEAD 16

struct rules_rx {
    pcre2_code *code;
    /* The pattern compiled anchored, when PCRE2 knows no first character
     * but the hint does ("\b\d..." under UCP); NULL otherwise. */
    pcre2_code *at;
    uint32_t match_opts;
    struct rxhint hint;
    /* Look for the hint's factors first? Not for anchored patterns, which
     * try one position and fail fast by themselves. */
    bool factors;
    /* Anchored with a start set: a match can only begin at the start
     * offset, so a byte there outside the set means none, without the
     * cost of entering PCRE2. */
    bool check_first;
    /* Try the anchored copy (at) only in the few bytes before each
     * occurrence of a factor (the hint's factor_lead is small). */
    bool near_factors;
    /* Search only the lines that hold a factor (no match spans a '\n';
     * code is compiled with PCRE2_USE_OFFSET_LIMIT). */
    bool by_line;
    /* The fields above from hint on, and the JIT compile of code and at,
     * are made once, by the first search (prepare; the gate's lock makes
     * threads wait for it; done, set after, spares later searches the
     * lock; the gate is apart since searches get rx const). Much of a
     * run's start-up was analysing and JIT-compiling patterns that a
     * small input never searches, and a pattern recompiled for by_line
     * was JIT-compiled twice. */
    struct jit_gate *jit;
};

struct jit_gate {
    atomic_bool done;
    pthread_mutex_t lock;
    /* What prepare needs: rx itself (searches hold it const), its
     * pattern (freed once prepared) and compile options. */
    struct rules_rx *self;
    char *pattern;
    uint32_t opts;
    bool caseless;
};

struct rules_rx_scratch {
    pcre2_match_data *md;
    pcre2_match_context *mc; /* carries by_line's offset limit */
};

/* CLAIMDIFF_NO_JIT=1 leaves patterns to PCRE2's interpreter. JIT code
 * loads the subject in wide words that may reach a few bytes past its end
 * (harmless, never past the page) and valgrind reports every such read,
 * so make valgrind sets it; nothing else needs it. */
static bool jit_off(void)
{
    const char *v = getenv("CLAIMDIFF_NO_JIT");
    return v && v[0] && strcmp(v, "0") != 0;
}

/* Is rx anchored, by the caller's flag or by its own "^"? */
static bool is_anchored(const struct rules_rx *rx)
{
    uint32_t all = 0;
    return (rx->match_opts & PCRE2_ANCHORED) ||
           pcre2_pattern_info(rx->code, PCRE2_INFO_ALLOPTIONS, &all) != 0 ||
           (all & PCRE2_ANCHORED);
}

/* Should rules_rx_find try rx only where its hint says a match may begin?
 * Only when PCRE2 itself has no first character or start bitmap (then it
 * tries every byte) and the hint's start set is small. */
static bool wants_start_scan(const struct rules_rx *rx)
{
    uint32_t first = 0;
    const uint8_t *bitmap = NULL;
    size_t n = 0;
    if (!rx->hint.has_start || is_anchored(rx))
        return false;
    if (pcre2_pattern_info(rx->code, PCRE2_INFO_FIRSTCODETYPE, &first) != 0 ||
        pcre2_pattern_info(rx->code, PCRE2_INFO_FIRSTBITMAP, &bitmap) != 0)
        return false;
    if (first != 0 || bitmap)
        return false;
    for (unsigned b = 0; b < 0x80; b++)
        n += rx->hint.start[b] != 0;
    return n <= MAX_START_BYTES;
}

/* pattern (already known to compile with opts) anchored, JIT-compiled
 * with the original (prepare); NULL if PCRE2 refuses, which only costs
 * speed. */
static pcre2_code *compile_anchored(const char *pattern, uint32_t opts)
{
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *at = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                   opts | PCRE2_ANCHORED, &errcode, &erroff,
                                   NULL);
    return at;
}

/* Recompile rx->code so that a search may be limited in where it starts
 * (for by_line); if PCRE2 refuses, rx stays as it was. */
static void use_offset_limit(struct rules_rx *rx, const char *pattern,
                             uint32_t opts)
{
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                     opts | PCRE2_USE_OFFSET_LIMIT, &errcode,
                                     &erroff, NULL);
    if (!code)
        return;
    pcre2_code_free(rx->code);
    rx->code = code;
    rx->by_line = true;
}

enum cd_err rules_rx_new(const char *pattern, unsigned flags,
                         const struct rule_row *row, struct rules_rx **out,
                         struct diag *d)
{
    int errcode;
    PCRE2_SIZE erroff;
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK;
    *out = NULL;
    if (flags & RULES_RX_CASELESS)
        opts |= PCRE2_CASELESS;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                     opts, &errcode, &erroff, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        return diag_set(d, CD_ERR_RULE, row ? row->file : "<pattern>",
                        row ? row->line : 0, 0,
                        "bad pattern at offset %zu: %s", (size_t)erroff,
                        (const char *)msg);
    }
    struct rules_rx *rx = xcalloc(1, sizeof *rx);
    rx->code = code;
    rx->jit = xcalloc(1, sizeof *rx->jit);
    rx->jit->self = rx;
    rx->jit->pattern = xstrdup(pattern);
    rx->jit->opts = opts;
    rx->jit->caseless = flags & RULES_RX_CASELESS;
    atomic_init(&rx->jit->done, false);
    pthread_mutex_init(&rx->jit->lock, NULL);
    rx->match_opts = PCRE2_NO_UTF_CHECK;
    if (flags & RULES_RX_ANCHORED)
        rx->match_opts |= PCRE2_ANCHORED;
    *out = rx;
    return CD_OK;
}

/* How rx is searched (its hint, the anchored copy, by_line), read off
 * the pattern kept for it, and the JIT compile: done once, by the first
 * search, under the gate's lock. */
static void prepare(struct rules_rx *rx, const char *pattern, uint32_t opts,
                    bool caseless)
{
    rxhint_analyse(pattern, caseless, &rx->hint);
    rx->factors = rx->hint.nfactors > 0 && !is_anchored(rx);
    rx->check_first = rx->hint.has_start && is_anchored(rx);
    bool near = rx->factors && rx->hint.has_start &&
                rx->hint.factor_lead <= MAX_FACTOR_LEAD;
    if (near || wants_start_scan(rx))
        rx->at = compile_anchored(pattern, opts);
    rx->near_factors = near && rx->at;
    if (rx->factors && !rx->near_factors && rx->hint.no_newline)
        use_offset_limit(rx, pattern, opts);
    /* JIT is an optimisation: where it is unavailable, the interpreter
     * gives the same matches. */
    if (!jit_off()) {
        (void)pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE);
        if (rx->at)
            (void)pcre2_jit_compile(rx->at, PCRE2_JIT_COMPLETE);
    }
}

void rules_rx_free(struct rules_rx *rx)
{
    if (!rx)
        return;
    pcre2_code_free(rx->code);
    pcre2_code_free(rx->at);
    pthread_mutex_destroy(&rx->jit->lock);
    free(rx->jit->pattern);
    free(rx->jit);
    free(rx);
}

struct rules_rx_scratch *rules_rx_scratch_new(void)
{
    struct rules_rx_scratch *s = xcalloc(1, sizeof *s);
    s->md = pcre2_match_data_create(RULES_RX_MAX_GROUPS, NULL);
    s->mc = pcre2_match_context_create(NULL);
    if (!s->md || !s->mc) {
        fprintf(stderr, "claimdiff: out of memory (match data)\n");
        abort();
    }
    return s;
}

void rules_rx_scratch_free(struct rules_rx_scratch *s)
{
    if (!s)
        return;
    pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mc);
    free(s);
}

/* The first match of rx at or after from, trying only the positions its
 * hint allows, each anchored. An unanchored search is the same thing:
 * the first position where an anchored match succeeds (the hint excludes
 * the verbs and \G that would make them differ). Returns PCRE2's code. */
static int find_from_starts(const struct rules_rx *rx, pcre2_match_data *md,
                            const char *subject, size_t len, size_t from)
{
    const unsigned char *u = (const unsigned char *)subject;
    for (size_t p = from; p < len; p++) {
        if (!rx->hint.start[u[p]])
            continue;
        int rc = pcre2_match(rx->at, (PCRE2_SPTR)subject, len, p,
                             rx->match_opts, md, NULL);
        if (rc != PCRE2_ERROR_NOMATCH)
            return rc;
    }
    return PCRE2_ERROR_NOMATCH;
}

/* The same first match, trying the anchored pattern only at the bytes of
 * the start set within factor_lead bytes before each place a factor
 * starts: every match begins there (rxhint.h). The places are visited in
 * order and each window starts past the one before, so the positions
 * tried rise, and the first that matches is the leftmost match. */
static int find_near_factors(const struct rules_rx *rx, pcre2_match_data *md,
                             const char *subject, size_t len, size_t from)
{
    const unsigned char *u = (const unsigned char *)subject;
    size_t lead = rx->hint.factor_lead;
    struct rxhint_cursor cur;
    rxhint_cursor_init(&cur);
    for (size_t p = from; p < len;) {
        size_t q = rxhint_next_factor_at(&rx->hint, &cur, subject, len, p);
        if (q >= len)
            break;
        for (size_t at = q - p > lead ? q - lead : p; at <= q; at++) {
            if (!rx->hint.start[u[at]])
                continue; /* never a UTF-8 continuation byte (rxhint.h) */
            int rc = pcre2_match(rx->at, (PCRE2_SPTR)subject, len, at,
                                 rx->match_opts, md, NULL);
            if (rc != PCRE2_ERROR_NOMATCH)
                return rc;
        }
        p = q + 1;
    }
    return PCRE2_ERROR_NOMATCH;
}

/* The same first match, searching only lines that hold a factor: no
 * match spans a '\n', so a match that starts before the line of the
 * first factor at or after p would hold no factor. In that line PCRE2
 * searches from the line's start with an offset limit at its end; with
 * no match there, the next match starts past the line. */
static int find_by_line(const struct rules_rx *rx,
                        struct rules_rx_scratch *s, const char *subject,
                        size_t len, size_t from)
{
    struct rxhint_cursor cur;
    rxhint_cursor_init(&cur);
    for (size_t p = from; p < len;) {
        size_t q = rxhint_next_factor_at(&rx->hint, &cur, subject, len, p);
        if (q >= len)
            break;
        const char *nl = memrchr(subject + p, '\n', q - p);
        size_t start = nl ? (size_t)(nl - subject) + 1 : p;
        nl = memchr(subject + q, '\n', len - q);
        size_t end = nl ? (size_t)(nl - subject) : len;
        pcre2_set_offset_limit(s->mc, end);
        int rc = pcre2_match(rx->code, (PCRE2_SPTR)subject, len, start,
                             rx->match_opts, s->md, s->mc);
        if (rc != PCRE2_ERROR_NOMATCH)
            return rc;
        p = end + 1;
    }
    return PCRE2_ERROR_NOMATCH;
}

/* prepare rx unless done. */
static void prepare_once(const struct rules_rx *rx)
{
    struct jit_gate *g = rx->jit;
    pthread_mutex_lock(&g->lock);
    if (!atomic_load_explicit(&g->done, memory_order_relaxed)) {
        prepare(g->self, g->pattern, g->opts, g->caseless);
        free(g->pattern);
        g->pattern = NULL;
        atomic_store_explicit(&g->done, true, memory_order_release);
    }
    pthread_mutex_unlock(&g->lock);
}

bool rules_rx_find(const struct rules_rx *rx, struct rules_rx_scratch *s,
                   const char *subject, size_t len, size_t from,
                   struct rules_rx_match *m)
{
    int rc;
    if (from > len)
        return false; /* PCRE2 would say PCRE2_ERROR_BADOFFSET */
    if (!atomic_load_explicit(&rx->jit->done, memory_order_acquire))
        prepare_once(rx);
    if (rx->near_factors) {
        rc = find_near_factors(rx, s->md, subject, len, from);
        goto found;
    }
    if (rx->by_line) {
        rc = find_by_line(rx, s, subject, len, from);
        goto found;
    }
    /* a match lies inside subject[from..len): no factor there, no match */
    if (rx->factors &&
        !rxhint_may_match(&rx->hint, subject + from, len - from))
        return false;
    if (rx->check_first &&
        (from == len || !rx->hint.start[(unsigned char)subject[from]]))
        return false;
    if (rx->at)
        rc = find_from_starts(rx, s->md, subject, len, from);
    else
        rc = pcre2_match(rx->code, (PCRE2_SPTR)subject, len, from,
                         rx->match_opts, s->md, NULL);
found:
    if (rc <= 0)
        return false;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
    unsigned n = (unsigned)rc;
    if (n > RULES_RX_MAX_GROUPS)
        n = RULES_RX_MAX_GROUPS;
    m->ngroups = n;
    for (unsigned i = 0; i < RULES_RX_MAX_GROUPS; i++) {
        bool set = i < n && ov[2 * i] != PCRE2_UNSET;
        m->start[i] = set ? ov[2 * i] : (size_t)-1;
        m->end[i] = set ? ov[2 * i + 1] : (size_t)-1;
    }
    return true;
}

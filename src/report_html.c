/* report_html.c - the HTML report: one self-contained page.
 *
 * Written through libxml2's xmlTextWriter so that every string from an
 * article is escaped and the page is always well-formed (it parses as
 * XML as well as HTML). No script, no external resource: the CSS is
 * inline and details open through <details> and title tooltips.
 */
#include "claimdiff/report.h"

#include <libxml/xmlerror.h>
#include <libxml/xmlwriter.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claimdiff/arena.h"
#include "claimdiff/claim.h"
#include "claimdiff/compare.h"
#include "claimdiff/date.h"
#include "claimdiff/doc.h"
#include "claimdiff/link.h"
#include "claimdiff/number.h"
#include "claimdiff/quote.h"
#include "claimdiff/tag.h"
#include "claimdiff/utf8.h"
#include "report_shared.h"

/* libxml2 takes unsigned char strings. */
#define XC(s) ((const xmlChar *)(s))

/* Words of a quotation the word diff compares; the rest of a longer one is
 * shown unmarked. Keeps the diff's table (words x words) small. */
#define DIFF_MAX_WORDS 300

/* Longest evidence sentence put in a tooltip. */
#define SENTENCE_SHOWN 600

static const char page_css[] =
    ":root{--conflict:#fde2e1;--conflict-ink:#a8231a;"
    "--partial:#fdefc3;--partial-ink:#8a4b08;"
    "--agree:#daf5e3;--agree-ink:#11663a;"
    "--single:#eef0f3;--single-ink:#4a5565;--line:#d5d9e0}\n"
    "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,"
    "'DejaVu Sans',sans-serif;color:#1d232c;background:#f7f8fa;"
    "margin:0;padding:24px 32px}\n"
    "h1{font-size:24px;margin:0 0 4px}\n"
    "h2{font-size:19px;margin:32px 0 10px;border-bottom:2px solid var(--line);"
    "padding-bottom:4px}\n"
    "h3{font-size:16px;margin:22px 0 8px}\n"
    ".summary{font-size:17px;margin:6px 0 16px}\n"
    ".summary b{font-weight:600}\n"
    "table{border-collapse:collapse;background:#fff}\n"
    "th,td{border:1px solid var(--line);padding:6px 9px;vertical-align:top;"
    "text-align:left}\n"
    "thead th{background:#e9ecf1;font-weight:600}\n"
    ".docs td,.docs th{white-space:nowrap}\n"
    ".docs td.headline{white-space:normal}\n"
    ".docs td.file,.loc{font:12px/1.4 ui-monospace,'DejaVu Sans Mono',"
    "monospace;color:#5b6573}\n"
    ".docs details ul{margin:4px 0;padding-left:18px;font-size:13px}\n"
    ".muted{color:#8a93a0}\n"
    ".legend span{display:inline-block;margin-right:8px}\n"
    ".badge{display:inline-block;padding:1px 7px;border-radius:9px;"
    "font-size:12px;font-weight:600;text-transform:uppercase;"
    "letter-spacing:.03em}\n"
    ".badge.conflict{background:var(--conflict);color:var(--conflict-ink)}\n"
    ".badge.partial{background:var(--partial);color:var(--partial-ink)}\n"
    ".badge.agree{background:var(--agree);color:var(--agree-ink)}\n"
    ".badge.single{background:var(--single);color:var(--single-ink)}\n"
    ".matrix{width:100%;table-layout:fixed}\n"
    ".matrix thead th{position:sticky;top:0;z-index:1}\n"
    ".matrix th.slot{width:210px}\n"
    ".matrix thead th.src small{display:block;font-weight:400;"
    "color:#4a5565;overflow-wrap:anywhere}\n"
    ".matrix tr.event th{background:#2f3a4a;color:#fff;font-size:15px}\n"
    ".matrix tr.event th .n{font-weight:400;color:#c9d1dc;margin-left:6px}\n"
    ".matrix th.slot .name{font-weight:600;display:block}\n"
    ".matrix th.slot .note{display:block;font-weight:400;font-size:13px;"
    "color:#4a5565}\n"
    ".matrix th.slot .why{display:block;font-weight:400;font-size:12px;"
    "color:#6b7480;font-style:italic}\n"
    "td.cell{overflow-wrap:anywhere}\n"
    "td.cell .val{font-weight:600;display:block}\n"
    "td.cell summary{cursor:pointer;font-size:13px;color:#3b4452}\n"
    "td.cell details p{margin:4px 0 0;font-size:13px}\n"
    "td.conflict{background:var(--conflict);border-left:3px solid "
    "var(--conflict-ink)}\n"
    "td.partial{background:var(--partial);border-left:3px solid "
    "var(--partial-ink)}\n"
    "td.agree{background:var(--agree);border-left:3px solid "
    "var(--agree-ink)}\n"
    "td.single{background:var(--single);border-left:3px solid "
    "var(--single-ink)}\n"
    "td.none{background:repeating-linear-gradient(135deg,#fafbfc 0 6px,"
    "#f1f3f6 6px 12px)}\n"
    "tr.slot:hover td,tr.slot:hover th.slot{filter:brightness(.97)}\n"
    ".hl{background:#ffe58a;padding:0 1px;border-radius:2px}\n"
    ".speaker{background:#fff;border:1px solid var(--line);border-radius:6px;"
    "padding:4px 16px 12px;margin:12px 0}\n"
    ".speaker h3{margin-top:10px}\n"
    ".statement>p{margin:6px 0}\n"
    ".cols{display:flex;gap:12px;flex-wrap:wrap;align-items:flex-start}\n"
    ".col{flex:1 1 260px;min-width:220px;border:1px solid var(--line);"
    "border-radius:4px;padding:8px 10px;background:#fcfcfd}\n"
    ".col .head{font-size:13px;font-weight:600;color:#3b4452;margin:0 0 4px}\n"
    "blockquote{margin:6px 0;padding:0 0 0 10px;border-left:3px solid #c4cad3}\n"
    "blockquote p{margin:0}\n"
    ".diff{background:#ffd97a;font-weight:600}\n"
    ".footer{margin-top:32px;font-size:12px;color:#8a93a0}\n";

/* ---- writer ---------------------------------------------------------- */

/* The page being written: the writer, whether any call failed, and what
 * the page shows. */
struct page {
    xmlTextWriterPtr w;
    bool failed;
    const struct corpus *c;
    const struct report_opts *o;
};

static void check(struct page *p, int rc)
{
    if (rc < 0)
        p->failed = true;
}

/* A copy of s[0..n) that is valid UTF-8 holding only characters XML
 * allows: invalid bytes become '?', control characters a space. The
 * caller frees it. */
static char *clean(const char *s, size_t n)
{
    char *t = xstrndup(s, n);
    n = strlen(t);
    utf8_repair(t, n);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = utf8_decode(t + i, n - i, &cp);
        if (len == 0)
            len = 1;
        bool bad = (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
                   cp == 0x7F || cp == 0xFFFE || cp == 0xFFFF;
        if (bad)
            memset(t + i, len == 1 ? ' ' : '?', len);
        i += len;
    }
    return t;
}

static void open_tag(struct page *p, const char *name, const char *cls)
{
    check(p, xmlTextWriterStartElement(p->w, XC(name)));
    if (cls)
        check(p, xmlTextWriterWriteAttribute(p->w, XC("class"),
                                             XC(cls)));
}

/* Close the innermost element, always as <x></x>: HTML reads <td/> as an
 * open tag. */
static void close_tag(struct page *p)
{
    check(p, xmlTextWriterFullEndElement(p->w));
}

/* An element that HTML defines as empty (meta): written as <meta/>. */
static void close_void(struct page *p)
{
    check(p, xmlTextWriterEndElement(p->w));
}

static void attr_n(struct page *p, const char *name, const char *s, size_t n)
{
    char *t = clean(s, n);
    check(p, xmlTextWriterWriteAttribute(p->w, XC(name), XC(t)));
    free(t);
}

static void attr(struct page *p, const char *name, const char *s)
{
    attr_n(p, name, s, strlen(s));
}

static void text_n(struct page *p, const char *s, size_t n)
{
    if (n == 0)
        return;
    char *t = clean(s, n);
    check(p, xmlTextWriterWriteString(p->w, XC(t)));
    free(t);
}

static void text(struct page *p, const char *s)
{
    text_n(p, s, strlen(s));
}

/* A line break in the page source between blocks, for people who read it
 * (and for readable golden diffs). Only between elements, never in text
 * where it would add a space. */
static void nl(struct page *p)
{
    check(p, xmlTextWriterWriteRaw(p->w, XC("\n")));
}

static void elem(struct page *p, const char *name, const char *cls,
                 const char *s)
{
    open_tag(p, name, cls);
    text(p, s);
    close_tag(p);
}

/* ---- what the page says about one value ------------------------------- */

static const char *source_name(const struct doc *doc)
{
    return doc->source ? doc->source : doc_basename(doc);
}

static const char *entity_name(const struct corpus *c, const struct doc *doc,
                               int mention)
{
    if (mention < 0 || (size_t)mention >= doc->nmentions)
        return NULL;
    unsigned e = doc->mentions[mention].entity;
    return e && e <= c->nentities ? c->entities[e - 1].name : NULL;
}

/* The words a value is stated in: the claim's span, or for a statement
 * its whole quotation. */
static struct span value_span(const struct doc *doc, const struct claim *cl)
{
    if (cl->kind == CLAIM_STATEMENT && cl->quote_idx >= 0 &&
        (size_t)cl->quote_idx < doc->nquotes)
        return doc->quotes[cl->quote_idx].span;
    return cl->span;
}

/* The value as the comparator weighs it ("5", "2016-08-01", "Aleppo",
 * "stated"), written into the page; nothing for a statement, whose words
 * are its value. */
/* stance: the comparator's reading of an event claim (cmp_value), which
 * knows that being elsewhere denies an incursion; 0 falls back on the
 * claim's own negation. */
static void write_value(struct page *p, const struct doc *doc,
                        const struct claim *cl, signed char stance)
{
    const char *v = NULL;
    switch (cl->kind) {
    case CLAIM_COUNT: {
        const struct number *num = &doc->numbers[cl->number_idx];
        char buf[32]; /* %.15g of a double needs at most 24 */
        snprintf(buf, sizeof buf, "%.15g", num->value);
        open_tag(p, "span", "val");
        if (num->qualifier) {
            text(p, num->qualifier);
            text(p, " ");
        }
        text(p, buf);
        close_tag(p);
        return;
    }
    case CLAIM_DATE:
        v = doc->dates[cl->date_idx].value[0] ? doc->dates[cl->date_idx].value
                                              : "relative";
        break;
    case CLAIM_PLACE:
    case CLAIM_ACTOR:
        v = entity_name(p->c, doc, cl->mention_idx);
        if (v && cl->near) {
            open_tag(p, "span", "val");
            text(p, "near ");
            text(p, v);
            close_tag(p);
            return;
        }
        break;
    case CLAIM_EVENT:
        v = (stance ? stance < 0 : cl->negated) ? "denied" : "stated";
        break;
    case CLAIM_THING:
    case CLAIM_ROLE:
    case CLAIM_FATE:
    case CLAIM_TIME:
        v = cl->text;
        break;
    case CLAIM_STATEMENT:
        return;
    }
    if (v)
        elem(p, "span", "val", v);
}

/* t[0..n) cut to at most max bytes, with " ..." when cut. */
static void text_cut(struct page *p, const char *t, size_t n, size_t max)
{
    size_t shown = report_cut(t, n, max);
    text_n(p, t, shown);
    if (shown < n)
        text(p, " ...");
}

/* "file.txt:17", malloc'd: a path has no length limit. */
static char *location(const struct doc *doc, size_t offset)
{
    const char *base = doc_basename(doc);
    unsigned line = doc_line_of(doc, offset);
    size_t n = strlen(base) + 16;
    char *s = xmalloc(n);
    snprintf(s, n, "%s:%u", base, line);
    return s;
}

/* The sentence a value was found in, with the value's words marked. */
static void write_sentence(struct page *p, const struct doc *doc,
                           const struct claim *cl, struct span words)
{
    if (cl->sentence >= doc->nsents)
        return;
    struct span s = doc->sents[cl->sentence].span;
    open_tag(p, "p", NULL);
    if (words.start >= s.start && words.end <= s.end &&
        words.end - s.start <= SENTENCE_SHOWN) {
        text_n(p, doc->text + s.start, words.start - s.start);
        open_tag(p, "span", "hl");
        text_n(p, doc->text + words.start, words.end - words.start);
        close_tag(p);
        text_cut(p, doc->text + words.end, s.end - words.end,
                 SENTENCE_SHOWN - (words.end - s.start));
    } else {
        text_cut(p, doc->text + s.start, s.end - s.start, SENTENCE_SHOWN);
    }
    close_tag(p);
}

/* The tooltip of a value: its sentence and where it is. */
static void write_title(struct page *p, const struct doc *doc,
                        const struct claim *cl, const char *loc)
{
    struct span s = cl->sentence < doc->nsents ? doc->sents[cl->sentence].span
                                               : cl->span;
    const char *t = doc->text + s.start;
    size_t n = s.end - s.start, shown = report_cut(t, n, SENTENCE_SHOWN);
    size_t cap = shown + strlen(loc) + 16;
    char *title = xmalloc(cap);
    snprintf(title, cap, "%.*s%s\n%s", (int)shown, t, shown < n ? " ..." : "",
             loc);
    attr(p, "title", title);
    free(title);
}

/* ---- header: documents and summary ------------------------------------ */

static void write_documents(struct page *p)
{
    const struct corpus *c = p->c;
    open_tag(p, "table", "docs");
    nl(p);
    open_tag(p, "thead", NULL);
    open_tag(p, "tr", NULL);
    static const char *const heads[] = {"", "Outlet", "Headline", "Published",
                                        "File", "Notes"};
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
        elem(p, "th", NULL, heads[i]);
    close_tag(p);
    close_tag(p);
    nl(p);
    open_tag(p, "tbody", NULL);
    nl(p);
    for (size_t i = 0; i < c->ndocs; i++) {
        const struct doc *doc = c->docs[i];
        char id[32];
        snprintf(id, sizeof id, "D%zu", i + 1);
        open_tag(p, "tr", NULL);
        elem(p, "th", NULL, id);
        elem(p, "td", doc->source ? NULL : "muted",
             doc->source ? doc->source : "unknown");
        elem(p, "td", doc->title ? "headline" : "headline muted",
             doc->title ? doc->title : "no headline found");
        elem(p, "td", doc->published ? NULL : "muted",
             doc->published ? doc->published : "unknown");
        open_tag(p, "td", "file");
        attr(p, "title", doc->path);
        text(p, doc_basename(doc));
        close_tag(p);
        open_tag(p, "td", NULL);
        if (doc->nwarnings) {
            char n[48];
            snprintf(n, sizeof n, "%zu note%s", doc->nwarnings,
                     doc->nwarnings == 1 ? "" : "s");
            open_tag(p, "details", NULL);
            elem(p, "summary", NULL, n);
            open_tag(p, "ul", NULL);
            for (size_t k = 0; k < doc->nwarnings; k++)
                elem(p, "li", NULL, doc->warnings[k]);
            close_tag(p);
            close_tag(p);
        }
        close_tag(p);
        close_tag(p);
        nl(p);
    }
    close_tag(p);
    close_tag(p);
    nl(p);
}

static const char *const verdict_classes[] = {
    [VERDICT_CONFLICT] = "conflict",
    [VERDICT_PARTIAL] = "partial",
    [VERDICT_AGREE] = "agree",
    [VERDICT_SINGLE] = "single",
};

static void badge(struct page *p, enum verdict v)
{
    char cls[32];
    snprintf(cls, sizeof cls, "badge %s", verdict_classes[v]);
    elem(p, "span", cls, verdict_name(v));
}

/* ---- the matrix ------------------------------------------------------- */

/* One value's cell: coloured by the verdict, the value, its words, and
 * the sentence and file:line on hover and when opened. */
static void write_cell(struct page *p, const struct comparison *k,
                       const struct cmp_value *v)
{
    const struct doc *doc = p->c->docs[v->doc];
    const struct claim *cl = claim_nth(doc, v->claim);
    struct span words = value_span(doc, cl);
    char cls[32];
    char *loc = location(doc, cl->span.start);
    snprintf(cls, sizeof cls, "cell %s", verdict_classes[k->verdict]);
    open_tag(p, "td", cls);
    write_title(p, doc, cl, loc);
    write_value(p, doc, cl, v->stance);
    open_tag(p, "details", NULL);
    open_tag(p, "summary", NULL);
    text(p, "\xe2\x80\x9c"); /* “ */
    text_cut(p, doc->text + words.start, words.end - words.start,
             REPORT_QUOTE_SHOWN);
    text(p, "\xe2\x80\x9d"); /* ” */
    close_tag(p);
    write_sentence(p, doc, cl, cl->span);
    elem(p, "p", "loc", loc);
    close_tag(p);
    close_tag(p);
    free(loc);
}

/* The header of the slot's row: slot, verdict, note, why. */
static void write_slot_head(struct page *p, const struct comparison *k)
{
    open_tag(p, "th", "slot");
    attr(p, "scope", "row");
    elem(p, "span", "name", report_slot(k));
    badge(p, k->verdict);
    if (k->note)
        elem(p, "span", "note", k->note);
    if (p->o->explain && k->why)
        elem(p, "span", "why", k->why);
    close_tag(p);
}

static void write_event_head(struct page *p, const struct comparison *k,
                             size_t docs, size_t ncols)
{
    char span[32], n[48];
    snprintf(span, sizeof span, "%zu", ncols + 1);
    snprintf(n, sizeof n, "%zu source%s", docs, docs == 1 ? "" : "s");
    open_tag(p, "tr", "event");
    open_tag(p, "th", NULL);
    attr(p, "colspan", span);
    attr(p, "scope", "rowgroup");
    text(p, k->event);
    elem(p, "span", "n", n);
    close_tag(p);
    close_tag(p);
    nl(p);
}

static void write_matrix_head(struct page *p, const bool *col)
{
    open_tag(p, "thead", NULL);
    open_tag(p, "tr", NULL);
    elem(p, "th", "slot", "Event and slot");
    for (size_t d = 0; d < p->c->ndocs; d++) {
        const struct doc *doc = p->c->docs[d];
        char id[32];
        if (!col[d])
            continue;
        snprintf(id, sizeof id, "D%zu", d + 1);
        open_tag(p, "th", "src");
        attr(p, "scope", "col");
        attr(p, "title", doc->title ? doc->title : doc->path);
        text(p, id);
        elem(p, "small", NULL, source_name(doc));
        close_tag(p);
    }
    close_tag(p);
    close_tag(p);
    nl(p);
}

static void write_legend(struct page *p)
{
    open_tag(p, "p", "legend");
    for (int v = VERDICT_CONFLICT; v <= VERDICT_AGREE; v++)
        badge(p, (enum verdict)v);
    if (p->o->all)
        badge(p, VERDICT_SINGLE);
    elem(p, "span", "muted",
         "Hover a value for the sentence it comes from; open it for the "
         "sentence and its file:line.");
    close_tag(p);
    nl(p);
}

/* Events and their slots (rows) against the documents that state any of
 * them (columns). Documents without a shown value get no column, so a
 * folder of many stories does not make every row as wide as the folder. */
static void write_matrix(struct page *p, const struct report_order *r)
{
    const struct corpus *c = p->c;
    bool *col = xcalloc(c->ndocs + 1, sizeof *col);
    size_t ncols = 0;
    for (size_t i = 0; i < r->n; i++) {
        const struct comparison *k = &c->comparisons[r->index[i]];
        for (size_t v = 0; v < k->nvalues; v++) {
            ncols += !col[k->values[v].doc];
            col[k->values[v].doc] = true;
        }
    }
    open_tag(p, "h2", NULL);
    attr(p, "id", "matrix");
    text(p, "Where the sources agree and differ");
    close_tag(p);
    nl(p);
    write_legend(p);
    if (r->n == 0) {
        elem(p, "p", "muted", "Nothing that two sources both state.");
        nl(p);
        free(col);
        return;
    }
    open_tag(p, "table", "matrix");
    nl(p);
    write_matrix_head(p, col);
    for (size_t i = 0; i < r->n; i++) {
        const struct comparison *k = &c->comparisons[r->index[i]];
        if (i == 0 || k->event_id != c->comparisons[r->index[i - 1]].event_id) {
            if (i)
                close_tag(p); /* tbody */
            open_tag(p, "tbody", NULL);
            nl(p);
            write_event_head(p, k, report_event_docs(c, r, i), ncols);
        }
        char cls[32];
        snprintf(cls, sizeof cls, "slot %s", verdict_classes[k->verdict]);
        open_tag(p, "tr", cls);
        write_slot_head(p, k);
        for (size_t d = 0; d < c->ndocs; d++) {
            if (!col[d])
                continue;
            const struct cmp_value *v = NULL;
            for (size_t j = 0; j < k->nvalues && !v; j++)
                if (k->values[j].doc == d)
                    v = &k->values[j];
            if (v) {
                write_cell(p, k, v);
            } else {
                open_tag(p, "td", "none");
                close_tag(p);
            }
        }
        close_tag(p);
        nl(p);
    }
    close_tag(p); /* tbody */
    close_tag(p); /* table */
    nl(p);
    free(col);
}

/* ---- word diff -------------------------------------------------------- */

/* A word of a quotation: [start, end) as written, and [kstart, kend) the
 * part compared (without surrounding punctuation and quote marks). Byte
 * offsets into the quotation. */
struct word {
    size_t start, end, kstart, kend;
};

static bool is_edge_punct(uint32_t cp)
{
    if (cp < 0x80)
        return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                 (cp >= 'A' && cp <= 'Z'));
    return (cp >= 0x2010 && cp <= 0x201F) || cp == 0x2026 || cp == 0xAB ||
           cp == 0xBB;
}

/* Start of the UTF-8 character that ends before t[end]. */
static size_t char_before(const char *t, size_t start, size_t end)
{
    size_t i = end - 1;
    while (i > start && ((unsigned char)t[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static void word_key(const char *t, struct word *w)
{
    uint32_t cp;
    w->kstart = w->start;
    w->kend = w->end;
    while (w->kstart < w->kend) {
        size_t len = utf8_decode(t + w->kstart, w->kend - w->kstart, &cp);
        if (len == 0 || !is_edge_punct(cp))
            break;
        w->kstart += len;
    }
    while (w->kend > w->kstart) {
        size_t i = char_before(t, w->kstart, w->kend);
        size_t len = utf8_decode(t + i, w->kend - i, &cp);
        if (len == 0 || !is_edge_punct(cp))
            break;
        w->kend = i;
    }
}

/* The first words of t[0..n), at most max; returns how many, and in
 * *more whether words were left out. */
static size_t split_words(const char *t, size_t n, struct word *w, size_t max,
                          bool *more)
{
    size_t nw = 0, i = 0;
    *more = false;
    while (i < n) {
        uint32_t cp;
        size_t len = utf8_decode(t + i, n - i, &cp);
        if (len == 0)
            len = 1;
        if (utf8_is_space(cp)) {
            i += len;
            continue;
        }
        if (nw == max) {
            *more = true;
            break;
        }
        size_t start = i;
        while (i < n) {
            len = utf8_decode(t + i, n - i, &cp);
            if (len == 0)
                len = 1;
            if (utf8_is_space(cp))
                break;
            i += len;
        }
        w[nw] = (struct word){start, i, 0, 0};
        word_key(t, &w[nw]);
        nw++;
    }
    return nw;
}

static bool same_word(const char *ta, const struct word *a, const char *tb,
                      const struct word *b)
{
    size_t n = a->kend - a->kstart;
    return n == b->kend - b->kstart &&
           strncasecmp(ta + a->kstart, tb + b->kstart, n) == 0;
}

/* One version of a quotation and the words the diff marks in it. */
struct version {
    const char *t;
    size_t n;
    struct word *w;
    size_t nw;
    bool more;   /* words past DIFF_MAX_WORDS, shown unmarked */
    bool *mark;  /* per word: not shared with the other version(s) */
};

/* Clear in a->mark and b->mark the words on one longest common
 * subsequence of a and b. Time and space na * nb, both at most
 * DIFF_MAX_WORDS. For a, only clears: a word stays marked in the base
 * version if any other version lacks it. */
static void diff_pair(const struct version *a, struct version *b,
                      bool *a_common)
{
    size_t na = a->nw, nb = b->nw, w = nb + 1;
    uint16_t *L = xcalloc((na + 1) * w, sizeof *L);
    for (size_t i = na; i-- > 0;)
        for (size_t j = nb; j-- > 0;)
            L[i * w + j] = same_word(a->t, &a->w[i], b->t, &b->w[j])
                               ? (uint16_t)(L[(i + 1) * w + j + 1] + 1)
                           : L[(i + 1) * w + j] >= L[i * w + j + 1]
                               ? L[(i + 1) * w + j]
                               : L[i * w + j + 1];
    for (size_t j = 0; j < nb; j++)
        b->mark[j] = true;
    for (size_t i = 0; i < na; i++)
        a_common[i] = false;
    size_t i = 0, j = 0;
    while (i < na && j < nb) {
        if (same_word(a->t, &a->w[i], b->t, &b->w[j])) {
            a_common[i++] = true;
            b->mark[j++] = false;
        } else if (L[(i + 1) * w + j] >= L[i * w + j + 1]) {
            i++;
        } else {
            j++;
        }
    }
    for (size_t k = 0; k < na; k++)
        if (!a_common[k])
            a->mark[k] = true;
    free(L);
}

/* The text of v with runs of marked words in <mark class="diff">. */
static void write_diffed(struct page *p, const struct version *v)
{
    size_t pos = 0;
    for (size_t i = 0; i < v->nw; i++) {
        if (!v->mark[i])
            continue;
        if (i == 0 || !v->mark[i - 1]) {
            text_n(p, v->t + pos, v->w[i].start - pos);
            open_tag(p, "span", "diff");
            pos = v->w[i].start;
        }
        if (i + 1 == v->nw || !v->mark[i + 1]) {
            text_n(p, v->t + pos, v->w[i].end - pos);
            close_tag(p);
            pos = v->w[i].end;
        }
    }
    text_n(p, v->t + pos, v->n - pos);
}

/* ---- who said what ---------------------------------------------------- */

/* The entity (index + 1, 0 for none) who makes a statement claim. */
static size_t speaker_of(const struct corpus *c, const struct comparison *k)
{
    if (k->nvalues == 0)
        return 0;
    const struct doc *doc = c->docs[k->values[0].doc];
    const struct claim *cl = claim_nth(doc, k->values[0].claim);
    int m = cl->attributed_to;
    if (m < 0 && cl->quote_idx >= 0 && (size_t)cl->quote_idx < doc->nquotes)
        m = doc->quotes[cl->quote_idx].speaker;
    if (m < 0 || (size_t)m >= doc->nmentions)
        return 0;
    return doc->mentions[m].entity;
}

static void write_col_head(struct page *p, size_t d)
{
    char id[32];
    snprintf(id, sizeof id, "D%zu \xc2\xb7 ", d + 1); /* "D1 · " */
    open_tag(p, "p", "head");
    text(p, id);
    text(p, source_name(p->c->docs[d]));
    close_tag(p);
}

/* One statement in the words of each source, side by side, each marked
 * where it differs from the first. */
static void write_statement(struct page *p, const struct comparison *k)
{
    struct version *v = xcalloc(k->nvalues, sizeof *v);
    bool *common = xcalloc(DIFF_MAX_WORDS, sizeof *common);
    for (size_t i = 0; i < k->nvalues; i++) {
        const struct doc *doc = p->c->docs[k->values[i].doc];
        struct span s = value_span(doc, claim_nth(doc, k->values[i].claim));
        v[i].t = doc->text + s.start;
        v[i].n = s.end - s.start;
        v[i].w = xmalloc(DIFF_MAX_WORDS * sizeof *v[i].w);
        v[i].mark = xcalloc(DIFF_MAX_WORDS, sizeof *v[i].mark);
        v[i].nw = split_words(v[i].t, v[i].n, v[i].w, DIFF_MAX_WORDS,
                              &v[i].more);
    }
    for (size_t i = 1; i < k->nvalues; i++)
        diff_pair(&v[0], &v[i], common);
    open_tag(p, "div", "statement");
    open_tag(p, "p", NULL);
    badge(p, k->verdict);
    text(p, " ");
    text(p, k->note ? k->note : "");
    close_tag(p);
    open_tag(p, "div", "cols");
    nl(p);
    for (size_t i = 0; i < k->nvalues; i++) {
        const struct doc *doc = p->c->docs[k->values[i].doc];
        char *loc = location(doc, claim_nth(doc, k->values[i].claim)->span.start);
        open_tag(p, "div", "col");
        write_col_head(p, k->values[i].doc);
        open_tag(p, "blockquote", NULL);
        open_tag(p, "p", NULL);
        write_diffed(p, &v[i]);
        close_tag(p);
        close_tag(p);
        open_tag(p, "p", "loc");
        text(p, loc);
        if (v[i].more) {
            char note[64];
            snprintf(note, sizeof note,
                     " (words after the first %d not compared)",
                     DIFF_MAX_WORDS);
            text(p, note);
        }
        close_tag(p);
        close_tag(p);
        nl(p);
        free(loc);
    }
    close_tag(p);
    close_tag(p);
    nl(p);
    for (size_t i = 0; i < k->nvalues; i++) {
        free(v[i].w);
        free(v[i].mark);
    }
    free(common);
    free(v);
}

/* The quotations of one speaker not already shown as a statement, one
 * column per document, under label if any are left and label is not
 * NULL. s[0..n) are the speaker's, by document. */
static void write_quotes(struct page *p, const struct report_said *s,
                         size_t n, const bool *shown, const size_t *qoff,
                         const char *label)
{
    bool open = false;
    size_t last = 0;
    for (size_t i = 0; i < n; i++) {
        const struct doc *doc = p->c->docs[s[i].doc];
        const struct quote *q = &doc->quotes[s[i].quote];
        if (shown[qoff[s[i].doc] + s[i].quote])
            continue;
        if (open && s[i].doc != last) {
            close_tag(p); /* col */
            nl(p);
        }
        if (!open && label) {
            elem(p, "p", "muted", label);
            nl(p);
        }
        if (!open) {
            open_tag(p, "div", "cols");
            nl(p);
        }
        if (!open || s[i].doc != last) {
            open_tag(p, "div", "col");
            write_col_head(p, s[i].doc);
        }
        open = true;
        last = s[i].doc;
        char *loc = location(doc, q->span.start);
        open_tag(p, "blockquote", NULL);
        open_tag(p, "p", NULL);
        text_n(p, doc->text + q->span.start, q->span.end - q->span.start);
        close_tag(p);
        close_tag(p);
        elem(p, "p", "loc", loc);
        free(loc);
    }
    if (open) {
        close_tag(p); /* col */
        close_tag(p); /* cols */
        nl(p);
    }
}

/* A shown statement comparison and the entity who made the statement. */
struct stmt {
    size_t entity; /* entity index + 1, 0 for none */
    size_t pos;    /* position in the report order */
    size_t cmp;    /* index into c->comparisons */
};

/* Named speakers in entity order, the unnamed last, as report_said_list. */
static size_t speaker_key(size_t entity)
{
    return entity ? entity : (size_t)-1;
}

static int compare_stmt(const void *pa, const void *pb)
{
    const struct stmt *a = pa, *b = pb;
    size_t ka = speaker_key(a->entity), kb = speaker_key(b->entity);
    if (ka != kb)
        return ka < kb ? -1 : 1;
    return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* The shown statement comparisons of two or more sources, by speaker.
 * Marks their quotations in shown (indexed through qoff). */
static struct stmt *statements(const struct corpus *c,
                               const struct report_order *r, bool *shown,
                               const size_t *qoff, size_t *n)
{
    struct stmt *v = xmalloc((r->n + 1) * sizeof *v);
    *n = 0;
    for (size_t i = 0; i < r->n; i++) {
        const struct comparison *k = &c->comparisons[r->index[i]];
        if (k->kind != CLAIM_STATEMENT || k->nvalues < 2)
            continue;
        v[(*n)++] = (struct stmt){speaker_of(c, k), i, r->index[i]};
        for (size_t j = 0; j < k->nvalues; j++) {
            const struct doc *doc = c->docs[k->values[j].doc];
            int q = claim_nth(doc, k->values[j].claim)->quote_idx;
            if (q >= 0 && (size_t)q < doc->nquotes)
                shown[qoff[k->values[j].doc] + (size_t)q] = true;
        }
    }
    qsort(v, *n, sizeof *v, compare_stmt);
    return v;
}

static void write_speaker(struct page *p, size_t entity, const struct stmt *st,
                          size_t nst, const struct report_said *said,
                          size_t nsaid, const bool *shown, const size_t *qoff)
{
    open_tag(p, "div", "speaker");
    nl(p);
    if (entity)
        elem(p, "h3", NULL, p->c->entities[entity - 1].name);
    else
        elem(p, "h3", NULL, "No speaker named");
    nl(p);
    for (size_t i = 0; i < nst; i++)
        write_statement(p, &p->c->comparisons[st[i].cmp]);
    write_quotes(p, said, nsaid, shown, qoff,
                 nst ? "Other quotations" : NULL);
    close_tag(p);
    nl(p);
}

static void write_who_said_what(struct page *p, const struct report_order *r)
{
    const struct corpus *c = p->c;
    size_t *qoff = xmalloc((c->ndocs + 1) * sizeof *qoff);
    qoff[0] = 0;
    for (size_t d = 0; d < c->ndocs; d++)
        qoff[d + 1] = qoff[d] + c->docs[d]->nquotes;
    bool *shown = xcalloc(qoff[c->ndocs] + 1, sizeof *shown);
    size_t nst, nsaid;
    struct stmt *st = statements(c, r, shown, qoff, &nst);
    struct report_said *said = report_said_list(c, &nsaid);
    if (nst || nsaid) {
        open_tag(p, "h2", NULL);
        attr(p, "id", "quotes");
        text(p, "Who said what");
        close_tag(p);
        nl(p);
    }
    /* Walk both lists, sorted by speaker alike, one speaker at a time. */
    size_t i = 0, j = 0;
    while (i < nst || j < nsaid) {
        size_t key = i < nst ? speaker_key(st[i].entity) : (size_t)-1;
        if (j < nsaid && speaker_key(said[j].entity) < key)
            key = speaker_key(said[j].entity);
        size_t i2 = i, j2 = j;
        while (i2 < nst && speaker_key(st[i2].entity) == key)
            i2++;
        while (j2 < nsaid && speaker_key(said[j2].entity) == key)
            j2++;
        write_speaker(p, key == (size_t)-1 ? 0 : key, st + i, i2 - i,
                      said + j, j2 - j, shown, qoff);
        i = i2;
        j = j2;
    }
    free(said);
    free(st);
    free(shown);
    free(qoff);
}

/* ---- the page --------------------------------------------------------- */

static void write_head(struct page *p)
{
    char title[64];
    snprintf(title, sizeof title, "claimdiff report: %zu document%s",
             p->c->ndocs, p->c->ndocs == 1 ? "" : "s");
    open_tag(p, "head", NULL);
    nl(p);
    open_tag(p, "meta", NULL);
    attr(p, "charset", "utf-8");
    close_void(p);
    nl(p);
    open_tag(p, "meta", NULL);
    attr(p, "name", "viewport");
    attr(p, "content", "width=device-width, initial-scale=1");
    close_void(p);
    nl(p);
    open_tag(p, "meta", NULL);
    attr(p, "name", "generator");
    attr(p, "content", "claimdiff " CLAIMDIFF_VERSION);
    close_void(p);
    nl(p);
    elem(p, "title", NULL, title);
    nl(p);
    /* Raw: the CSS is ours and static, and escaping '>' would break it. */
    open_tag(p, "style", NULL);
    nl(p);
    check(p, xmlTextWriterWriteRaw(p->w, XC(page_css)));
    close_tag(p);
    nl(p);
    close_tag(p);
    nl(p);
}

static enum cd_err write_page(FILE *out, const struct corpus *c,
                              const struct report_opts *o)
{
    xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(out, NULL);
    if (!buf)
        return CD_ERR_IO;
    struct page p = {xmlNewTextWriter(buf), false, c, o};
    if (!p.w) {
        xmlOutputBufferClose(buf);
        return CD_ERR_IO;
    }
    struct report_order r;
    report_order_new(c, o, &r);
    char *summary = report_summary(&r, o->all);

    check(&p, xmlTextWriterWriteRaw(p.w, XC("<!DOCTYPE html>\n")));
    open_tag(&p, "html", NULL);
    attr(&p, "lang", "en");
    nl(&p);
    write_head(&p);
    open_tag(&p, "body", NULL);
    nl(&p);
    open_tag(&p, "div", "header");
    nl(&p);
    elem(&p, "h1", NULL, "claimdiff report");
    nl(&p);
    elem(&p, "p", "summary", summary);
    nl(&p);
    write_documents(&p);
    close_tag(&p);
    nl(&p);
    open_tag(&p, "div", "main");
    nl(&p);
    write_matrix(&p, &r);
    write_who_said_what(&p, &r);
    close_tag(&p);
    nl(&p);
    open_tag(&p, "p", "footer");
    text(&p, "claimdiff " CLAIMDIFF_VERSION);
    close_tag(&p);
    nl(&p);
    close_tag(&p); /* body */
    nl(&p);
    close_tag(&p); /* html */
    nl(&p);
    check(&p, xmlTextWriterFlush(p.w));
    xmlFreeTextWriter(p.w); /* closes buf; out stays open */
    free(summary);
    report_order_free(&r);
    return p.failed ? CD_ERR_IO : CD_OK;
}

/* libxml2 prints its I/O errors itself; here the failure is returned
 * and main reports it, so they are silenced while the page is written. */
static void quiet(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

enum cd_err report_html(FILE *out, const struct corpus *c,
                        const struct report_opts *o)
{
    xmlStructuredErrorFunc old = xmlStructuredError;
    void *old_ctx = xmlStructuredErrorContext;
    xmlSetStructuredErrorFunc(NULL, quiet);
    enum cd_err err = write_page(out, c, o);
    xmlSetStructuredErrorFunc(old_ctx, old);
    return err;
}

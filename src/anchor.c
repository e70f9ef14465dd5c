/* anchor.c - fix the years and days that documents leave open.
 *
 * Three sources of anchors, tried in order for each open date:
 *   1. the document's own explicit dates (the nearest one for a missing
 *      year or a weekday; the previous date in the text for "the next
 *      day" and "the 22nd");
 *   2. its publication date, unless that lies years away from what the
 *      story talks about (a page timestamp), which earns a warning;
 *   3. the story: the year most explicit dates of the corpus agree on, and
 *      a consensus day that at least two documents support.
 * Dates in photo captions date the photo, so they never anchor. Nothing is
 * guessed beyond that: what no anchor fixes keeps XXXX (or an empty value)
 * and DATE_UNANCHORED.
 */
#include "claimdiff/anchor.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/arena.h"
#include "claimdiff/date.h"
#include "claimdiff/doc.h"

/* How far (in years) a publication date or an in-text date may lie from
 * the story's consensus year and still anchor it. */
#define ANCHOR_YEAR_SLACK 1
/* Two documents support the same consensus day when their dates lie at
 * most this many days apart. */
#define ANCHOR_DAY_WINDOW 7

/* ---- calendar --------------------------------------------------------- */

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* A date as far as it is known; y == 0 means the year is open. */
struct ymd {
    int y, m, d;
};

static long days_of(struct ymd v)
{
    return date_days(v.y, v.m, v.d ? v.d : 15);
}

static struct ymd ymd_of(long days)
{
    struct ymd v;
    civil_from_days(days, &v.y, &v.m, &v.d);
    return v;
}

/* Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD"; false for anything else. */
static bool parse_iso(const char *s, struct ymd *out)
{
    int y = 0, m = 0, d = 0;
    size_t n = s ? strlen(s) : 0;
    if (n != 4 && n != 7 && n != 10)
        return false;
    for (size_t i = 0; i < n; i++) {
        bool dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return false;
    }
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
        (s[3] - '0');
    if (n >= 7)
        m = (s[5] - '0') * 10 + (s[6] - '0');
    if (n == 10)
        d = (s[8] - '0') * 10 + (s[9] - '0');
    if ((n >= 7 && (m < 1 || m > 12)) || (n == 10 && (d < 1 || d > 31)))
        return false;
    out->y = y, out->m = m, out->d = d;
    return true;
}

static void write_value(struct date *dt, struct ymd v)
{
    char year[8] = "XXXX";
    if (v.y)
        snprintf(year, sizeof year, "%04d", v.y);
    if (v.d)
        snprintf(dt->value, sizeof dt->value, "%s-%02d-%02d", year, v.m, v.d);
    else if (v.m)
        snprintf(dt->value, sizeof dt->value, "%s-%02d", year, v.m);
    else
        snprintf(dt->value, sizeof dt->value, "%s", year);
    dt->basis = v.y ? DATE_ANCHORED : DATE_UNANCHORED;
}

/* The publication date: the loader's, else a full date the date stage
 * read in a dateline region. */
static bool publication(const struct doc *doc, struct ymd *out)
{
    if (parse_iso(doc->published, out))
        return true;
    for (size_t k = 0; k < doc->ndates; k++) {
        const struct date *dt = &doc->dates[k];
        if ((dt->flags & DATEF_DATELINE) && dt->rel == DREL_NONE &&
            dt->year && dt->month && dt->day) {
            *out = (struct ymd){dt->year, dt->month, dt->day};
            return true;
        }
    }
    return false;
}

/* ---- the story -------------------------------------------------------- */

struct story {
    int year;      /* consensus year, 0 if none */
    bool has_day;  /* a consensus day at least two documents support */
    long day;
};

static bool full_explicit(const struct date *dt)
{
    return dt->basis == DATE_EXPLICIT && dt->rel == DREL_NONE && dt->year &&
           dt->month && dt->day;
}

static bool near_story(const struct story *st, int year)
{
    return !st->year || abs(year - st->year) <= ANCHOR_YEAR_SLACK;
}

/* A document's anchor-worthy full dates: its publication date (when near
 * the story) and its explicit full dates outside captions. */
static bool doc_day_anchor(const struct date *dt, const struct story *st)
{
    return full_explicit(dt) && !(dt->flags & DATEF_CAPTION) &&
           near_story(st, dt->year);
}

struct votes {
    int *year;
    unsigned *count;
    size_t n, cap, capc;
};

static void vote(struct votes *v, int year)
{
    for (size_t i = 0; i < v->n; i++) {
        if (v->year[i] == year) {
            v->count[i]++;
            return;
        }
    }
    if (v->n == v->cap) {
        v->year = xgrow(v->year, &v->cap, v->n + 1, sizeof *v->year);
        v->count = xgrow(v->count, &v->capc, v->n + 1, sizeof *v->count);
    }
    v->year[v->n] = year;
    v->count[v->n++] = 1;
}

/* The year most explicit dates (with a month) and publication dates agree
 * on; a tie goes to the later year, since stories report recent events
 * and look back at older ones. Captions vote: a photo is usually of the
 * story's time even when its day is not the story's day. */
static int consensus_year(const struct corpus *c)
{
    struct votes v = {0};
    for (size_t i = 0; i < c->ndocs; i++) {
        const struct doc *doc = c->docs[i];
        struct ymd pub;
        if (publication(doc, &pub))
            vote(&v, pub.y);
        for (size_t k = 0; k < doc->ndates; k++) {
            const struct date *dt = &doc->dates[k];
            if (dt->basis == DATE_EXPLICIT && dt->rel == DREL_NONE &&
                dt->year && dt->month && !(dt->flags & DATEF_DATELINE))
                vote(&v, dt->year); /* a dateline voted as publication */
        }
    }
    int best = 0;
    unsigned most = 0;
    for (size_t i = 0; i < v.n; i++) {
        if (v.count[i] > most || (v.count[i] == most && v.year[i] > best)) {
            most = v.count[i];
            best = v.year[i];
        }
    }
    free(v.year);
    free(v.count);
    return best;
}

struct cand {
    long day;
    size_t doc;
};

static void add_cand(struct cand **v, size_t *n, size_t *cap, long day,
                     size_t doc)
{
    if (*n == *cap)
        *v = xgrow(*v, cap, *n + 1, sizeof **v);
    (*v)[*n].day = day;
    (*v)[*n].doc = doc;
    (*n)++;
}

static int by_day(const void *a, const void *b)
{
    const struct cand *x = a, *y = b;
    if (x->day != y->day)
        return (x->day > y->day) - (x->day < y->day);
    return (x->doc > y->doc) - (x->doc < y->doc);
}

/* The day the story's documents cluster around: for each candidate day
 * (a sane publication date or explicit full date), count the documents
 * with a candidate within ANCHOR_DAY_WINDOW days; the best supported wins,
 * the later on a tie (reports follow events). One document alone is no
 * consensus. */
static void consensus_day(const struct corpus *c, const struct ymd *pubs,
                          struct story *st)
{
    struct cand *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < c->ndocs; i++) {
        const struct doc *doc = c->docs[i];
        if (pubs[i].d)
            add_cand(&v, &n, &cap, days_of(pubs[i]), i);
        for (size_t k = 0; k < doc->ndates; k++)
            if (doc_day_anchor(&doc->dates[k], st))
                add_cand(&v, &n, &cap,
                         date_days(doc->dates[k].year,
                                         doc->dates[k].month,
                                         doc->dates[k].day),
                         i);
    }
    /* Sorted by day, the candidates within the window of each one are a
     * contiguous stretch; seen[] stamps the documents counted for it. */
    if (n > 1)
        qsort(v, n, sizeof *v, by_day);
    size_t *seen = xcalloc(c->ndocs + 1, sizeof *seen);
    size_t best_support = 1, lo = 0;
    for (size_t a = 0; a < n; a++) {
        while (v[a].day - v[lo].day > ANCHOR_DAY_WINDOW)
            lo++;
        size_t support = 0;
        for (size_t b = lo; b < n && v[b].day - v[a].day <= ANCHOR_DAY_WINDOW;
             b++) {
            if (seen[v[b].doc] != a + 1) {
                seen[v[b].doc] = a + 1;
                support++;
            }
        }
        /* Ascending days: ">=" lets the later day win a tie. */
        if (support > best_support ||
            (support == best_support && st->has_day)) {
            best_support = support;
            st->has_day = true;
            st->day = v[a].day;
        }
    }
    free(seen);
    free(v);
}

/* ---- one document ----------------------------------------------------- */

struct docctx {
    struct doc *doc;
    const struct story *st;
    struct ymd pub; /* sane publication date; y == 0 if none */
    struct ymd *res; /* resolved parts of each date, parallel to doc->dates */
    long *near_month; /* nearest anchor-worthy explicit date with a month */
    long *near_day;   /* the same with a day; both -1 if none */
    long last_day, last_month; /* latest date before the current one whose
                                  day (month) is known, -1 if none */
};

static bool explicit_anchor(const struct docctx *x, size_t j, bool need_day)
{
    const struct date *dt = &x->doc->dates[j];
    return dt->basis == DATE_EXPLICIT && dt->rel == DREL_NONE && dt->year &&
           dt->month && (dt->day || !need_day) &&
           !(dt->flags & DATEF_CAPTION) && near_story(x->st, dt->year);
}

/* For every date, the anchor-worthy explicit date nearest to it by offset
 * (ties to the earlier one; never itself), or -1: one sweep each way,
 * so a document with many dates stays linear. */
static void nearest_explicit(const struct docctx *x, bool need_day, long *out)
{
    const struct doc *doc = x->doc;
    long prev = -1;
    for (size_t k = 0; k < doc->ndates; k++) {
        out[k] = prev;
        if (explicit_anchor(x, k, need_day))
            prev = (long)k;
    }
    long next = -1;
    for (size_t k = doc->ndates; k-- > 0;) {
        if (next >= 0) {
            size_t at = doc->dates[k].span.start;
            size_t after = doc->dates[next].span.start - at;
            if (out[k] < 0 || after < at - doc->dates[out[k]].span.start)
                out[k] = next;
        }
        if (explicit_anchor(x, k, need_day))
            next = (long)k;
    }
}

/* The year that puts month/day closest to the anchor day. */
static int closest_year(int m, int d, struct ymd anchor)
{
    int best = anchor.y;
    long best_gap = -1;
    for (int y = anchor.y - 1; y <= anchor.y + 1; y++) {
        if (m == 2 && d == 29 && date_days(y, 3, 1) -
                                         date_days(y, 2, 28) != 2)
            continue;
        long gap = labs(date_days(y, m, d ? d : 15) - days_of(anchor));
        if (best_gap < 0 || gap < best_gap) {
            best_gap = gap;
            best = y;
        }
    }
    return best;
}

/* "28 July", "September": year from the nearest explicit date, the
 * publication date, or the story's year. */
static void resolve_year(struct docctx *x, size_t k)
{
    struct date *dt = &x->doc->dates[k];
    long j = x->near_month[k];
    struct ymd v = {0, dt->month, dt->day};
    if (j >= 0) {
        const struct date *a = &x->doc->dates[j];
        struct ymd anchor = {a->year, a->month, a->day};
        v.y = closest_year(dt->month, dt->day, anchor);
    } else if (x->pub.y && x->pub.m) {
        v.y = closest_year(dt->month, dt->day, x->pub);
    } else {
        v.y = x->pub.y ? x->pub.y : x->st->year;
    }
    if (v.d && v.y && ymd_of(date_days(v.y, v.m, v.d)).m != v.m)
        v.y = 0; /* 29 February in a year without one: leave it open */
    x->res[k] = v;
    write_value(dt, v);
}

/* The day a weekday is counted back from: publication date, nearest
 * explicit full date, story day. */
static bool weekday_ref(const struct docctx *x, size_t k, long *ref)
{
    if (x->pub.d) {
        *ref = days_of(x->pub);
        return true;
    }
    long j = x->near_day[k];
    if (j >= 0) {
        const struct date *a = &x->doc->dates[j];
        *ref = date_days(a->year, a->month, a->day);
        return true;
    }
    if (x->st->has_day) {
        *ref = x->st->day;
        return true;
    }
    return false;
}

static void resolve_weekday(struct docctx *x, size_t k)
{
    struct date *dt = &x->doc->dates[k];
    long ref;
    if (!weekday_ref(x, k, &ref))
        return;
    long back = (date_weekday(ref) - dt->weekday + 7) % 7;
    long day = ref - back;
    if (dt->amount < 0 && back == 0)
        day -= 7;
    else if (dt->amount > 0)
        day = ref + (dt->weekday - date_weekday(ref) + 6) % 7 + 1;
    x->res[k] = ymd_of(day);
    write_value(dt, x->res[k]);
}

/* The day the document speaks from ("today"): publication date, its latest
 * explicit full date, the latest weekday it names (a text names days up to
 * its own), the story day. */
static bool report_day(const struct docctx *x, long *ref)
{
    if (x->pub.d) {
        *ref = days_of(x->pub);
        return true;
    }
    bool found = false;
    for (int pass = 0; pass < 2 && !found; pass++) {
        for (size_t j = 0; j < x->doc->ndates; j++) {
            const struct date *dt = &x->doc->dates[j];
            bool ok = pass == 0 ? doc_day_anchor(dt, x->st)
                                : dt->rel == DREL_WEEKDAY && x->res[j].y;
            if (!ok)
                continue;
            long day = pass == 0 ? date_days(dt->year, dt->month,
                                                   dt->day)
                                 : days_of(x->res[j]);
            if (!found || day > *ref)
                *ref = day;
            found = true;
        }
    }
    if (!found && x->st->has_day) {
        *ref = x->st->day;
        found = true;
    }
    return found;
}

/* "the next day", "the 22nd": counted from the previous date, whose year
 * may itself be open (then so is this one). */
static void resolve_from_previous(struct docctx *x, size_t k)
{
    struct date *dt = &x->doc->dates[k];
    bool ordinal = dt->rel == DREL_ORDINAL_DAY;
    long j = ordinal ? x->last_month : x->last_day;
    if (j < 0)
        return;
    struct ymd prev = x->res[j];
    struct ymd v;
    if (ordinal) {
        v = (struct ymd){prev.y, prev.m, dt->day};
        if (dt->day > 28 && prev.y &&
            ymd_of(date_days(v.y, v.m, v.d)).m != v.m)
            return; /* no such day in that month */
    } else {
        /* An open year counts in a leap year so 29 February survives. */
        int y = prev.y ? prev.y : 2000;
        v = ymd_of(date_days(y, prev.m, prev.d) + dt->amount);
        if (!prev.y)
            v.y = 0;
    }
    x->res[k] = v;
    write_value(dt, v);
}

/* today, last week, this year, over the weekend: counted from the day the
 * document speaks from. */
static void resolve_from_report(struct docctx *x, size_t k, bool have,
                                long ref)
{
    struct date *dt = &x->doc->dates[k];
    struct ymd v = {0, 0, 0};
    if (!have) {
        if (dt->rel != DREL_YEAR || !x->st->year)
            return;
        v.y = x->st->year + dt->amount;
        x->res[k] = v;
        write_value(dt, v);
        return;
    }
    struct ymd r = ymd_of(ref);
    switch (dt->rel) {
    case DREL_DAY:
        v = ymd_of(ref + dt->amount);
        break;
    case DREL_WEEK: {
        /* Written as the month of the week's Monday (see date.h). */
        long monday = ref - (date_weekday(ref) - 1) + 7L * dt->amount;
        v = ymd_of(monday);
        v.d = 0;
        break;
    }
    case DREL_WEEKEND: {
        long saturday = ref - (date_weekday(ref) - 6 + 7) % 7;
        v = ymd_of(saturday + (dt->amount > 0 ? 7 : 0));
        break;
    }
    case DREL_MONTH: {
        int m0 = r.y * 12 + (r.m - 1) + dt->amount;
        v = (struct ymd){m0 / 12, m0 % 12 + 1, 0};
        break;
    }
    case DREL_YEAR:
        v.y = r.y + dt->amount;
        break;
    default:
        return;
    }
    /* Only the day itself is kept in res: coarser values anchor nothing. */
    x->res[k] = dt->rel == DREL_DAY || dt->rel == DREL_WEEKEND
                    ? v
                    : (struct ymd){v.y, 0, 0};
    write_value(dt, v);
}

static void resolve_doc(struct doc *doc, const struct story *st,
                        struct ymd pub)
{
    size_t n = doc->ndates + 1;
    struct docctx x = {doc, st, pub, xcalloc(n, sizeof *x.res),
                       xcalloc(n, sizeof *x.near_month),
                       xcalloc(n, sizeof *x.near_day), -1, -1};
    nearest_explicit(&x, false, x.near_month);
    nearest_explicit(&x, true, x.near_day);
    /* What the text fixes, and absolute dates missing their year. */
    for (size_t k = 0; k < doc->ndates; k++) {
        struct date *dt = &doc->dates[k];
        if (dt->rel != DREL_NONE)
            continue;
        x.res[k] = (struct ymd){dt->year, dt->month, dt->day};
        if (!dt->year && dt->month)
            resolve_year(&x, k);
    }
    for (size_t k = 0; k < doc->ndates; k++)
        if (doc->dates[k].rel == DREL_WEEKDAY)
            resolve_weekday(&x, k);
    long ref = 0;
    bool have = report_day(&x, &ref);
    for (size_t k = 0; k < doc->ndates; k++) {
        switch (doc->dates[k].rel) {
        case DREL_NONE:
        case DREL_WEEKDAY:
            break;
        case DREL_PREV_DAY:
        case DREL_ORDINAL_DAY:
            resolve_from_previous(&x, k);
            break;
        default:
            resolve_from_report(&x, k, have, ref);
            break;
        }
        if (x.res[k].m)
            x.last_month = (long)k;
        if (x.res[k].m && x.res[k].d)
            x.last_day = (long)k;
    }
    free(x.res);
    free(x.near_month);
    free(x.near_day);
}

/* The dateline of a page stamped years after the story is when the page
 * was saved, not something the story says. */
static void mark_page_stamps(struct doc *doc)
{
    for (size_t k = 0; k < doc->ndates; k++)
        if (doc->dates[k].flags & DATEF_DATELINE)
            doc->dates[k].flags |= DATEF_PAGE_STAMP;
}

/* Anchor the documents of one story, c being a view of just those. */
static void anchor_story(struct corpus *c)
{
    struct story st = {consensus_year(c), false, 0};
    struct ymd *pubs = xcalloc(c->ndocs + 1, sizeof *pubs);
    for (size_t i = 0; i < c->ndocs; i++) {
        struct doc *doc = c->docs[i];
        struct ymd pub;
        if (!publication(doc, &pub))
            continue;
        if (!near_story(&st, pub.y)) {
            doc_warn(doc,
                     "publication date %04d-%02d-%02d lies far from the "
                     "story's dates (%d); not used as an anchor",
                     pub.y, pub.m, pub.d, st.year);
            mark_page_stamps(doc);
            continue;
        }
        pubs[i] = pub;
    }
    consensus_day(c, pubs, &st);
    for (size_t i = 0; i < c->ndocs; i++)
        resolve_doc(c->docs[i], &st, pubs[i]);
    free(pubs);
}

/* Each story has its own year and day: a folder of unrelated stories
 * must not lend one story's year to another's "on Monday". */
void anchor_run(struct corpus *c)
{
    /* Bucket the documents by story (a counting sort: story ids are
     * document indexes), keeping input order within each. */
    size_t n = c->ndocs;
    size_t *start = xcalloc(n + 2, sizeof *start);
    struct doc **byst = xmalloc((n + 1) * sizeof *byst);
    for (size_t i = 0; i < n; i++)
        start[c->docs[i]->story + 1]++;
    for (size_t s = 0; s < n; s++)
        start[s + 1] += start[s];
    size_t *fill = xmalloc((n + 1) * sizeof *fill);
    memcpy(fill, start, (n + 1) * sizeof *fill);
    for (size_t i = 0; i < n; i++)
        byst[fill[c->docs[i]->story]++] = c->docs[i];
    for (size_t s = 0; s < n; s++) {
        if (start[s + 1] == start[s])
            continue;
        struct corpus view = *c;
        view.docs = byst + start[s];
        view.ndocs = start[s + 1] - start[s];
        anchor_story(&view);
    }
    free(fill);
    free(byst);
    free(start);
}

/* claim.h - checkable statements: event frames and the values they state.
 *
 * Last per-document stage, after quote: reads the sentences, mentions,
 * dates, numbers and quotes of a document and fills doc->claims. A
 * predicate from rules/claims/predicates.tsv ("shot down", "killed",
 * "crashed") opens a frame: an event class with the thing acted on (an
 * aircraft type, a flight), who asserts it and whether the text denies
 * it. Every value the frame's clause states becomes one claim of its own
 * (a count with its noun, a date, a place, an actor), all sharing the
 * frame number, so the comparator can weigh each value on its own slot.
 * Besides frames: each quotation and each "X said that ..." is a
 * statement claim of its speaker, and each role seen with a person
 * ("Foreign Minister Sergei Lavrov") or class noun seen with a group
 * ("the terrorist group al-Nusra Front") is a description claim.
 *
 * Claims hold no heap pointers: strings live in doc->arena or in the
 * claimer (class and slot names, which outlive every document of a run).
 * A claimer is read-only after claim_new and may be shared by threads.
 */
#ifndef CLAIMDIFF_CLAIM_H
#define CLAIMDIFF_CLAIM_H

#include <stdbool.h> /* bool */

#include "claimdiff/diag.h" /* enum cd_err, struct diag */
#include "claimdiff/doc.h"  /* struct span, struct doc */

struct rules;
struct claimer;

enum claim_kind {
    CLAIM_EVENT,     /* the frame itself: its class happened (or not) */
    CLAIM_COUNT,     /* how many: value is number_idx */
    CLAIM_DATE,      /* when: value is date_idx */
    CLAIM_PLACE,     /* where: value is mention_idx */
    CLAIM_ACTOR,     /* who did it: value is mention_idx */
    CLAIM_THING,     /* what was acted on: value is thing */
    CLAIM_ROLE,      /* what a person or group is: value is text */
    CLAIM_STATEMENT, /* what a speaker said: quote_idx or the content span */
    CLAIM_FATE,      /* what became of a person: text is the fate
                        ("dead", "rescued"), cls the person's group,
                        slot how the text singles them out (see fate.h) */
    CLAIM_TIME,      /* at what clock time: text is "HH:MM" (24 hours),
                        near when approximate ("around 10:45") */
};
#define CLAIM_NKINDS 10

/* The slots of a CLAIM_ACTOR that names who says an event happened, not
 * who did it: a source ("according to the ministry") and an outlet that
 * carried the words ("the Reuters news agency reported"). */
#define CLAIM_SLOT_SAID_BY "said by"
#define CLAIM_SLOT_REPORTED_BY "reported by"

/* The slot of a CLAIM_ROLE that describes the scene of a story's events
 * rather than an entity ("a remote area"): mention_idx is -1. */
#define CLAIM_SLOT_TERRAIN "terrain"

/* The slot of a CLAIM_ACTOR that names who is blamed for a happening
 * ("Russia blamed Israel", "X held Y responsible"): its cls is
 * CLAIM_CLASS_BLAME, or CLAIM_BLAME_FOR and the event class its
 * complement names ("blame for shootdown": "blamed X for the downing"),
 * its mention_idx the party (or -1 with the party's country in text,
 * for "the Israelis"), its attributed_to the blamer. */
#define CLAIM_SLOT_BLAMED "blamed"
#define CLAIM_CLASS_BLAME "blame"
#define CLAIM_BLAME_FOR "blame for "

/* The class of the event that a party gave no comment ("X declined to
 * comment"); its actor, if named, is the party. */
#define CLAIM_CLASS_NO_COMMENT "no comment"

/* The slot of a CLAIM_ACTOR that names what a happening was done with
 * ("shot down by anti-aircraft guns"): its text is the weapon's category
 * from rules/claims/weapons ("missile", "gun", "generic"), its cls the
 * happening's class and " weapon" ("shootdown weapon"). */
#define CLAIM_SLOT_WEAPON "weapon"

/* The class of the copies of the place claims of rules/claims/losses
 * frames ("crashed in X", "disappeared over X"): where the thing was
 * lost, whatever the verb. */
#define CLAIM_CLASS_LOST "lost"

/* The contract's name of a kind ("count", "location", ...). */
const char *claim_kind_name(enum claim_kind k);

/* Fields are ordered so that the 4-byte ones pair up and the kind (one
 * byte, not an enum's four) packs with the flags: 96 bytes, not 112. A
 * corpus holds one claim per ~50-70 bytes of text, so each byte here is
 * about 2 % of the input held again. */
struct claim {
    struct span span;     /* the words that state the value */
    unsigned sentence;    /* index into doc->sents */
    unsigned frame;       /* claims of one frame share it; 0 for none */
    const char *cls;      /* event class ("shootdown"), NULL outside frames */
    const char *slot;     /* what a count counts ("killed/people"), what a
                             measure measures ("altitude"), a
                             description's kind; for an event, whose
                             area it speaks of ("into Turkey": an
                             incursion, "in Syria": a presence) or
                             "unreal" (needed, hoped for, prevented:
                             neither told nor denied); NULL otherwise */
    const char *thing;    /* folded thing key ("mi8", "flight 9525") or NULL */
    const char *text;     /* string value: a role, a statement's folded
                             content words, a thing as written; or NULL */
    double scale;         /* a measure's unit in its dimension's base unit
                             (feet: 0.3048 metres); 0 for a plain count */
    int subject;          /* mention index of the actor, -1 */
    int object;           /* mention index of the target, -1 */
    int attributed_to;    /* mention index of who asserts it, -1 */
    int number_idx;       /* index into doc->numbers, -1 */
    int date_idx;         /* index into doc->dates, -1 */
    int mention_idx;      /* place, actor or described entity, -1 */
    int quote_idx;        /* a statement's quotation, -1 */
    unsigned char kind;   /* enum claim_kind */
    bool negated;         /* the text states the opposite */
    bool near;            /* a place given as "near X", "off X": approximate */
    bool subset;          /* a count of part of its slot's noun ("five
                             Russians" among people): it may agree, never
                             conflict */
};

/* How many claims doc has: doc->claims, then the statement claims align
 * made (doc->aligned). Every reader after align_run counts by this. */
static inline size_t claim_count(const struct doc *doc)
{
    return doc->nclaims + doc->naligned;
}

/* Claim k of doc (k < claim_count(doc)), wherever it is kept. The
 * pointer is valid until the claims of doc change. */
static inline const struct claim *claim_nth(const struct doc *doc, size_t k)
{
    return k < doc->nclaims ? &doc->claims[k]
                            : &doc->aligned[k - doc->nclaims];
}

/* Build the predicate lexicon, negators, count nouns and thing nouns of r
 * (rules/claims/...). r may be freed afterwards. On a malformed row returns
 * CD_ERR_RULE with its file and line in d and leaves *out NULL. */
CD_NODISCARD enum cd_err claim_new(const struct rules *r,
                                   struct claimer **out, struct diag *d);

/* Release the claimer. NULL is a no-op. */
void claim_free(struct claimer *c);

/* Replace doc->claims with the claims of doc, in text order of their
 * sentences. Needs segment, tag, date, number and quote to have run. */
void claim_run(const struct claimer *c, struct doc *doc);

/* Merge the claims v[0..n) (in sentence order; the caller keeps v) into
 * doc->claims, each after the claims of its sentence and those before:
 * how a stage after claim_run (fates, bearings) adds its own. */
void claim_merge(struct doc *doc, const struct claim *v, size_t n);

#endif

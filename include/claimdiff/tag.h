/* tag.h - named actors and places: people, organisations, groups,
 * countries and places, with the roles seen next to people.
 *
 * Third per-document stage, after segment: fills doc->mentions in text
 * order from the gazetteers and patterns in rules/. Mentions inside
 * boilerplate are never made. Strings live in doc->arena. A tagger's
 * lookups are read-only after tag_new and it may be shared by threads;
 * it also keeps caches of derived word data for tag_run to reuse across
 * documents, taken and returned under a mutex (never affecting output),
 * which live until tag_free.
 */
#ifndef CLAIMDIFF_TAG_H
#define CLAIMDIFF_TAG_H

#include "claimdiff/diag.h" /* enum cd_err, struct diag */
#include "claimdiff/doc.h"  /* struct span */

struct rules;
struct tagger;

enum ent_type {
    ENT_PERSON,
    ENT_ORGANIZATION,
    ENT_GROUP,
    ENT_COUNTRY,
    ENT_PLACE,
};
#define ENT_NTYPES 5

/* The contract's name of a type ("person", ...). */
const char *tag_type_name(enum ent_type t);

struct mention {
    struct span span;      /* the name as written, without role words */
    enum ent_type type;
    const char *canonical; /* the gazetteer's name, or NULL (arena) */
    const char *key;       /* folded key the linker joins on (arena):
                              case, diacritics, al-/an-, transliteration
                              folded; a person's full name (a surname
                              alone takes its full name's key); an
                              organisation's sorted words, its country
                              after '@' ("defense ministry@russia") */
    const char *role;      /* role/title seen with it, or NULL (arena) */
    struct span role_span; /* where the role is, {0,0} if none */
    int local;             /* local entity: mentions of one referent in
                              this document share it (0, 1, ...) */
    unsigned entity;       /* corpus entity index + 1 after link; 0 none */
};

/* Build the lookups (gazetteers, lexicons, patterns) of r; r may be freed
 * afterwards. On a malformed row returns CD_ERR_RULE with its file and
 * line in d and sets *out to NULL. */
CD_NODISCARD enum cd_err tag_new(const struct rules *r, struct tagger **out,
                                 struct diag *d);

/* Release everything. NULL is a no-op. */
void tag_free(struct tagger *t);

/* Append doc's mentions to doc->mentions, in text order, none inside
 * boilerplate. Uses doc->sents for sentence starts and headlines when
 * segment_run has filled them, its own scan of the text otherwise. */
void tag_run(const struct tagger *t, struct doc *doc);

#endif

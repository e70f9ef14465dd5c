/* link.h - one entity per real-world referent across documents.
 *
 * First per-corpus stage: joins the mentions of all documents into
 * corpus->entities through folded keys (case, diacritics, articles and
 * transliteration variants), aliases and surname/full-name matching, and
 * sets each mention's entity. Strings and arrays live in corpus->arena.
 */
#ifndef CLAIMDIFF_LINK_H
#define CLAIMDIFF_LINK_H

#include "claimdiff/diag.h" /* enum cd_err, struct diag */
#include "claimdiff/tag.h"  /* enum ent_type */

struct corpus;
struct rules;

struct entity_mention {
    unsigned doc;     /* index into corpus->docs */
    unsigned mention; /* index into that doc's mentions */
};

struct entity {
    enum ent_type type;
    const char *name;     /* the fullest form seen */
    const char **aliases; /* distinct surface forms, first-seen order */
    size_t naliases;
    const char **roles;   /* distinct roles seen with it */
    size_t nroles;
    struct entity_mention *mentions; /* in document, then text order */
    size_t nmentions;
};

struct linker;

CD_NODISCARD enum cd_err link_new(const struct rules *r, struct linker **out,
                                  struct diag *d);

void link_free(struct linker *l);

/* Build corpus->entities from every document's mentions, then put the
 * documents into stories (doc->story): those sharing several entities,
 * with dates within weeks of each other. Deterministic: entity order is
 * that of first mention (document, then offset). */
void link_run(const struct linker *l, struct corpus *c);

#endif

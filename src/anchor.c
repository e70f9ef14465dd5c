/* anchor.c - placeholder until this stage lands. */
#include "claimdiff/anchor.h"

void anchor_run(struct corpus *c)
{
    (void)c;
}

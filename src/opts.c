/* opts.c - getopt_long over one alphabetical option table. */
#include "claimdiff/opts.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "claimdiff/batch.h"

enum {
    OPT_ALL = 256,
    OPT_COLOR,
    OPT_DUMP_TEXT,
    OPT_EXPLAIN,
    OPT_FAIL_ON,
    OPT_FORMAT,
    OPT_ONLY,
    OPT_RULES,
    OPT_VERSION,
};

static const struct option long_options[] = {
    {"all", no_argument, NULL, OPT_ALL},
    {"color", required_argument, NULL, OPT_COLOR},
    {"colour", required_argument, NULL, OPT_COLOR},
    {"dump-text", optional_argument, NULL, OPT_DUMP_TEXT},
    {"explain", no_argument, NULL, OPT_EXPLAIN},
    {"fail-on", required_argument, NULL, OPT_FAIL_ON},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"help", no_argument, NULL, 'h'},
    {"jobs", required_argument, NULL, 'j'},
    {"only", required_argument, NULL, OPT_ONLY},
    {"rules", required_argument, NULL, OPT_RULES},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};

const char *opts_usage(void)
{
    return "usage: claimdiff [OPTIONS] PATH...\n"
           "       claimdiff extract [-j N] [--rules=DIR] PATH... > FILE.jsonl\n"
           "       claimdiff compare [OPTIONS] FILE.jsonl...\n"
           "Compare what several news articles about one story say: who,\n"
           "what, when, where, how many, who said what; report where the\n"
           "sources agree, partly agree and conflict.\n"
           "\n"
           "PATH is a .txt or .html file, a directory (its .txt/.html/.htm\n"
           "files, recursively, sorted) or - for standard input.\n"
           "extract writes one record a document (its text and all that was\n"
           "found in it) without comparing; compare reads such files (- for\n"
           "standard input) and reports as one run over all their documents.\n"
           "\n"
           "  --format=text|json|jsonl\n"
           "                        output format (default text); jsonl: one\n"
           "                        JSON object a line (see docs/scale.md)\n"
           "  --color=auto|always|never\n"
           "                        colour the text report (auto: on a tty,\n"
           "                        unless NO_COLOR is set)\n"
           "  --all                 also report facts only one source states\n"
           "  --explain             say why each verdict was given\n"
           "  --only=conflict|partial|agree\n"
           "                        show only comparisons with that verdict\n"
           "  --fail-on=conflict    exit 1 when a conflict is found\n"
           "  --dump-text[=marked|body]\n"
           "                        print each document's text: marked shows\n"
           "                        boilerplate regions, body leaves them out\n"
           "  -j, --jobs=N          read and analyse N documents at a time\n"
           "                        (0: one per processor; default 1); the\n"
           "                        output does not depend on N\n"
           "  --rules=DIR           add the rule files under DIR to the\n"
           "                        built-in rules (see rules/README.md)\n"
           "  -h, --help            show this help\n"
           "  --version             show version and rules version\n"
           "\n"
           "Exit status: 0 success, 1 a conflict with --fail-on=conflict,\n"
           "2 usage error or an unreadable input.\n";
}

static enum cd_err pick(const char *opt, const char *arg,
                        const char *const *names, int *out, struct diag *d)
{
    for (int i = 0; names[i]; i++) {
        if (strcmp(arg, names[i]) == 0) {
            *out = i;
            return CD_OK;
        }
    }
    return diag_set(d, CD_ERR_USAGE, NULL, 0, 0,
                    "--%s: unknown value '%s'", opt, arg);
}

/* The one parser of unsigned option values: decimal digits only, at most
 * max. */
static enum cd_err parse_unsigned(const char *opt, const char *arg,
                                  unsigned long max, unsigned *out,
                                  struct diag *d)
{
    char *end;
    unsigned long v;
    errno = 0;
    v = strtoul(arg, &end, 10);
    if (arg[0] < '0' || arg[0] > '9' || *end || errno == ERANGE || v > max)
        return diag_set(d, CD_ERR_USAGE, NULL, 0, 0,
                        "%s: expected a number from 0 to %lu, got '%s'", opt,
                        max, arg);
    *out = (unsigned)v;
    return CD_OK;
}

/* Options that make no sense with the command given. */
static enum cd_err check_combinations(const struct opts *o, struct diag *d)
{
    const char *bad = NULL;
    if (o->command == CMD_EXTRACT) {
        if (o->format != FORMAT_TEXT)
            bad = "--format";
        else if (o->all)
            bad = "--all";
        else if (o->explain)
            bad = "--explain";
        else if (o->only)
            bad = "--only";
        else if (o->fail_on_conflict)
            bad = "--fail-on";
        else if (o->dump != DUMP_NONE)
            bad = "--dump-text";
        else if (o->color != COLOR_AUTO)
            bad = "--color";
    }
    if (bad)
        return diag_set(d, CD_ERR_USAGE, NULL, 0, 0,
                        "extract does not take %s: it writes document records; "
                        "give %s to compare",
                        bad, bad);
    return CD_OK;
}

enum cd_err opts_parse(int argc, char **argv, struct opts *o, struct diag *d)
{
    static const char *const formats[] = {"text", "json", "jsonl", NULL};
    static const char *const colors[] = {"auto", "always", "never", NULL};
    static const char *const dumps[] = {"none", "marked", "body", NULL};
    static const char *const verdicts[] = {"conflict", "partial", "agree", NULL};
    static const char *const fail_ons[] = {"conflict", NULL};
    int c, v;
    enum cd_err err = CD_OK;
    memset(o, 0, sizeof *o);
    o->jobs = 1;
    /* A command word comes first; getopt then starts after it. */
    if (argc > 1 && !strcmp(argv[1], "extract"))
        o->command = CMD_EXTRACT;
    else if (argc > 1 && !strcmp(argv[1], "compare"))
        o->command = CMD_COMPARE;
    if (o->command != CMD_RUN) {
        argc--;
        argv++;
    }
    opterr = 0;
    optind = 1;
    while (!err && (c = getopt_long(argc, argv, "+:hj:", long_options, NULL)) != -1) {
        switch (c) {
        case OPT_ALL:
            o->all = true;
            break;
        case OPT_COLOR:
            err = pick("color", optarg, colors, &v, d);
            o->color = (enum opts_color)v;
            break;
        case OPT_DUMP_TEXT:
            v = DUMP_MARKED;
            if (optarg)
                err = pick("dump-text", optarg, dumps, &v, d);
            o->dump = v == DUMP_NONE ? DUMP_MARKED : (enum opts_dump)v;
            break;
        case OPT_EXPLAIN:
            o->explain = true;
            break;
        case OPT_FAIL_ON:
            err = pick("fail-on", optarg, fail_ons, &v, d);
            o->fail_on_conflict = true;
            break;
        case OPT_ONLY:
            err = pick("only", optarg, verdicts, &v, d);
            o->only = verdicts[v];
            break;
        case OPT_FORMAT:
            err = pick("format", optarg, formats, &v, d);
            o->format = (enum opts_format)v;
            break;
        case OPT_RULES:
            o->rules_dir = optarg;
            break;
        case 'h':
            o->help = true;
            break;
        case 'j':
            err = parse_unsigned("--jobs", optarg, BATCH_MAX_THREADS, &o->jobs,
                                 d);
            break;
        case OPT_VERSION:
            o->version = true;
            break;
        case ':':
            err = diag_set(d, CD_ERR_USAGE, NULL, 0, 0,
                           "%s needs a value", argv[optind - 1]);
            break;
        default:
            err = diag_set(d, CD_ERR_USAGE, NULL, 0, 0, "unknown option '%s'",
                           argv[optind - 1]);
            break;
        }
    }
    if (err)
        return err;
    o->inputs = argv + optind;
    o->ninputs = (size_t)(argc - optind);
    err = check_combinations(o, d);
    if (err)
        return err;
    if (!o->help && !o->version && o->ninputs == 0)
        return diag_set(d, CD_ERR_USAGE, NULL, 0, 0, "no input given");
    return CD_OK;
}

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
    OPT_EXPECT,
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
    {"expect", required_argument, NULL, OPT_EXPECT},
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

/* One screen: at most 24 lines (tests/docs.sh checks). Lines stay within
 * 65 columns so that each is one source line; claimdiff(1) has the rest. */
const char *opts_usage(void)
{
    return "usage: claimdiff [OPTIONS] PATH...\n"
           "       claimdiff extract [OPTIONS] PATH...\n"
           "       claimdiff compare [OPTIONS] FILE.jsonl...\n"
           "PATH: a .txt or .html file, a directory of them, or - (stdin).\n"
           "extract: JSON Lines, a record per document; compare: read them.\n"
           "\n"
           "  --format=text|json|jsonl|html  output format (default text)\n"
           "  --color=auto|always|never  colour (auto: a tty, no NO_COLOR)\n"
           "  --all                  also list facts only one source states\n"
           "  --explain              say why each verdict was given\n"
           "  --only=conflict|partial|agree\n"
           "                         show only comparisons with that verdict\n"
           "  --fail-on=conflict|partial  exit 1 on that verdict or worse\n"
           "  --expect=EXPECTED.json exit 1 and show the drift from EXPECTED\n"
           "  -j, --jobs=N           extract N documents at a time\n"
           "  --dump-text[=marked|body]\n"
           "                         print each text; body: drop boilerplate\n"
           "  --rules=DIR            add the rule files under DIR\n"
           "  -h, --help             show this help\n"
           "  --version              show the version and the rules' version\n"
           "\n"
           "Exit: 0 ok; 1 --fail-on matched, --expect drifted; 2 usage error\n"
           "or an unreadable input. The manual: man claimdiff.\n";
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
        else if (o->fail_on != FAIL_ON_NONE)
            bad = "--fail-on";
        else if (o->dump != DUMP_NONE)
            bad = "--dump-text";
        else if (o->color != COLOR_AUTO)
            bad = "--color";
        else if (o->expect)
            bad = "--expect";
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
    static const char *const formats[] = {"text", "json", "jsonl", "html",
                                          NULL};
    static const char *const colors[] = {"auto", "always", "never", NULL};
    static const char *const dumps[] = {"none", "marked", "body", NULL};
    static const char *const verdicts[] = {"conflict", "partial", "agree", NULL};
    /* in enum opts_fail_on order, after FAIL_ON_NONE */
    static const char *const fail_ons[] = {"conflict", "partial", NULL};
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
        case OPT_EXPECT:
            o->expect = optarg;
            break;
        case OPT_EXPLAIN:
            o->explain = true;
            break;
        case OPT_FAIL_ON:
            err = pick("fail-on", optarg, fail_ons, &v, d);
            o->fail_on = (enum opts_fail_on)(v + 1);
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
    if (o->expect && o->dump != DUMP_NONE)
        return diag_set(d, CD_ERR_USAGE, NULL, 0, 0,
                        "--expect checks comparisons; --dump-text makes none");
    return CD_OK;
}

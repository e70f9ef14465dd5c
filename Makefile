# claimdiff - plain GNU make. `make` builds build/claimdiff (release),
# `make check` builds with sanitizers and runs every test, `make demo` runs
# the tool on the fixtures. Both demo and check install missing Debian
# packages first through scripts/deps.sh.

PREFIX ?= /usr/local
DESTDIR ?=
CC ?= cc
PKGS = libxml-2.0 libpcre2-8 libcjson
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS = $(shell pkg-config --libs $(PKGS))
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka)

WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wcast-qual -Wno-overlength-strings
ifdef CI
WARN += -Werror
endif
OPT ?= -O2 -g
SANITIZE ?=
ifeq ($(SANITIZE),1)
OPT = -O1 -g -fno-omit-frame-pointer
SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined
endif
# The fuzz flavour (make fuzz): clang, ASan+UBSan, and libFuzzer's coverage
# hooks in every object; the harnesses add libFuzzer's main when linked.
ifeq ($(FUZZ),1)
CC = clang
OPT = -O1 -g -fno-omit-frame-pointer
SAN = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
endif
CFLAGS_ALL = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) $(SAN) \
	$(WARN) -Iinclude -Isrc -I$(OUT) $(PKG_CFLAGS) $(CFLAGS)
LDFLAGS_ALL = $(SAN) $(LDFLAGS)
# libstemmer (Snowball) ships no pkg-config file; align.c alone uses it.
LIBS = $(PKG_LIBS) -lstemmer -lpthread -lm

# Each build flavour gets its own directory so a sanitized test build never
# mixes with the release binary.
ifeq ($(FUZZ),1)
OUT = build/fuzz
else ifeq ($(SANITIZE),1)
OUT = build/san
else
OUT = build
endif

LIB_SRC = $(filter-out src/main.c,$(sort $(wildcard src/*.c)))
LIB_OBJ = $(LIB_SRC:src/%.c=$(OUT)/obj/%.o) $(OUT)/obj/rules_data.o
RULE_FILES = $(shell find rules -name '*.tsv' | LC_ALL=C sort)
TEST_SRC = $(sort $(wildcard tests/test_*.c))
TEST_BIN = $(TEST_SRC:tests/%.c=$(OUT)/tests/%)
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN = $(FUZZ_SRC:tests/fuzz/%.c=$(OUT)/%)
FUZZ_TIME ?= 60

ifneq ($(V),1)
Q = @
say = @printf '  %-6s %s\n' $(1) $(2);
endif

.PHONY: all demo check check-run test-bin deps deps-test deps-fuzz bench \
	check-browser install install-docs check-docs clean headers lint \
	valgrind regen fuzz fuzz-bin fuzz-run

all: $(OUT)/claimdiff

$(OUT)/claimdiff: $(OUT)/obj/main.o $(OUT)/libclaimdiff.a
	$(call say,LD,$@)$(CC) $(LDFLAGS_ALL) -o $@ $^ $(LIBS)

$(OUT)/libclaimdiff.a: $(LIB_OBJ)
	$(call say,AR,$@)rm -f $@ && ar rcs $@ $^

$(OUT)/obj/%.o: src/%.c | $(OUT)/obj
	$(call say,CC,$<)$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

$(OUT)/obj/rules_data.o: $(OUT)/rules_data.c | $(OUT)/obj
	$(call say,CC,$<)$(CC) $(CFLAGS_ALL) -w -c -o $@ $<

$(OUT)/rules_data.c: $(RULE_FILES) build/embed | $(OUT)
	$(call say,EMBED,rules)build/embed rules $(RULE_FILES) > $@.tmp && mv $@.tmp $@

build/embed: tools/embed.c | build
	$(call say,CC,$<)$(CC) -std=c11 -O1 -Wall -Wextra -o $@ $<

# Every test links the shared pipeline harness (tests/harness.c).
$(OUT)/tests/%: tests/%.c tests/harness.c tests/harness.h tests/rulesdir.h $(OUT)/libclaimdiff.a | $(OUT)/tests
	$(call say,CC,$<)$(CC) $(CFLAGS_ALL) $(CMOCKA_CFLAGS) -o $@ $< \
		tests/harness.c $(OUT)/libclaimdiff.a $(LDFLAGS_ALL) $(LIBS) \
		$(CMOCKA_LIBS)

$(OUT) $(OUT)/obj $(OUT)/tests:
	@mkdir -p $@
ifneq ($(OUT),build)
build:
	@mkdir -p $@
endif

deps:
	@sh scripts/deps.sh

deps-test:
	@sh scripts/deps.sh --test

deps-fuzz:
	@sh scripts/deps.sh --fuzz

# The first of the README's two commands.
demo: deps
	@$(MAKE) --no-print-directory all
	./build/claimdiff fixtures/seeds/*.txt

# The second: sanitized build, then every test.
check: deps-test
	@$(MAKE) --no-print-directory SANITIZE=1 CI=1 test-bin
	@$(MAKE) --no-print-directory CI=1 valgrind
	@$(MAKE) --no-print-directory SANITIZE=1 CI=1 check-run

test-bin: $(OUT)/claimdiff $(TEST_BIN)

check-run:
	@CLAIMDIFF=$(OUT)/claimdiff TESTBIN=$(OUT)/tests sh tests/run.sh

# Every libFuzzer harness of tests/fuzz/ for FUZZ_TIME seconds each, built
# with clang into build/fuzz/ against the same sources as the tool.
fuzz: deps-fuzz
	@$(MAKE) --no-print-directory FUZZ=1 CI=1 fuzz-bin
	@$(MAKE) --no-print-directory FUZZ=1 fuzz-run

fuzz-bin: $(FUZZ_BIN)

fuzz-run:
	@FUZZ_TIME=$(FUZZ_TIME) sh tests/fuzz/run.sh $(OUT)

$(OUT)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.c tests/fuzz/fuzz.h \
		$(OUT)/libclaimdiff.a
	$(call say,CC,$<)$(CC) $(CFLAGS_ALL) -fsanitize=fuzzer -o $@ $< \
		tests/fuzz/fuzz.c $(OUT)/libclaimdiff.a $(LDFLAGS_ALL) \
		-fsanitize=fuzzer $(LIBS)

# The seeds' HTML report rendered in headless Chromium: build/report.png
# and checks that the matrix rendered (needs the chromium package, which
# deps.sh --browser installs; not part of check).
check-browser: all
	@sh scripts/deps.sh --browser
	@CLAIMDIFF=build/claimdiff sh tests/browser/check.sh

# Accept the current output of the golden tests (review the diff first).
regen: all
	@CLAIMDIFF=build/claimdiff sh tests/golden.sh --regen
	@CLAIMDIFF=build/claimdiff sh tests/html.sh --regen

# Throughput of the release build (prints figures, judges nothing).
bench: all
	@CLAIMDIFF=build/claimdiff sh tests/bench/bench.sh

# Memcheck on the release build (not the ASan one, which valgrind cannot
# run) over the seeds and the golden inputs, text and HTML. PCRE2's JIT
# code reads past the subject in wide words, which memcheck reports, so the
# patterns run in the interpreter here (CLAIMDIFF_NO_JIT, see rules.c).
VALGRIND_INPUTS = fixtures/seeds/*.txt fixtures/golden/*.txt fixtures/golden/*.html
valgrind: all
	$(call say,VG,claimdiff)CLAIMDIFF_NO_JIT=1 valgrind --error-exitcode=1 \
		--leak-check=full --errors-for-leak-kinds=definite,indirect -q \
		./build/claimdiff --format json $(VALGRIND_INPUTS) > /dev/null
	@echo "valgrind: clean on $(words $(wildcard $(VALGRIND_INPUTS))) inputs"

headers:
	@for h in include/claimdiff/*.h; do \
		printf '#include "%s"\n' "$${h#include/}" | \
		$(CC) -std=c11 $(WARN) -Werror -Iinclude -fsyntax-only -x c - || exit 1; \
	done; echo "headers: each compiles alone"

lint:
	@! grep -nE '\b(atoi|sprintf|strcpy|strcat|strtok|gets|sscanf)\(' src/*.c tools/*.c || \
		{ echo "lint: banned function"; exit 1; }
	@echo "lint: ok"

install: all install-docs
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 build/claimdiff $(DESTDIR)$(PREFIX)/bin/claimdiff

# The manual page and the bash completion (bash-completion loads
# completions/<command> on first use). Separate so tests/docs.sh can install
# them without a release build.
install-docs:
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 644 docs/claimdiff.1 $(DESTDIR)$(PREFIX)/share/man/man1/claimdiff.1
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 644 completion/claimdiff.bash \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions/claimdiff

# Only the documentation tests: man page, completion, --help, README recipes.
check-docs: all
	@CLAIMDIFF=build/claimdiff sh tests/docs.sh
	@CLAIMDIFF=build/claimdiff sh tests/readme.sh

clean:
	rm -rf build

-include $(wildcard $(OUT)/obj/*.d)

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
CFLAGS_ALL = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(OPT) $(SAN) \
	$(WARN) -Iinclude -Isrc -I$(OUT) $(PKG_CFLAGS) $(CFLAGS)
LDFLAGS_ALL = $(SAN) $(LDFLAGS)
LIBS = $(PKG_LIBS) -lpthread -lm

# Each build flavour gets its own directory so a sanitized test build never
# mixes with the release binary.
ifeq ($(SANITIZE),1)
OUT = build/san
else
OUT = build
endif

LIB_SRC = $(filter-out src/main.c,$(sort $(wildcard src/*.c)))
LIB_OBJ = $(LIB_SRC:src/%.c=$(OUT)/obj/%.o) $(OUT)/obj/rules_data.o
RULE_FILES = $(shell find rules -name '*.tsv' | LC_ALL=C sort)
TEST_SRC = $(sort $(wildcard tests/test_*.c))
TEST_BIN = $(TEST_SRC:tests/%.c=$(OUT)/tests/%)

ifneq ($(V),1)
Q = @
say = @printf '  %-6s %s\n' $(1) $(2);
endif

.PHONY: all demo check check-run test-bin deps deps-test bench check-browser \
	install clean headers lint valgrind regen

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

$(OUT)/tests/%: tests/%.c $(OUT)/libclaimdiff.a | $(OUT)/tests
	$(call say,CC,$<)$(CC) $(CFLAGS_ALL) $(CMOCKA_CFLAGS) -o $@ $< \
		$(OUT)/libclaimdiff.a $(LDFLAGS_ALL) $(LIBS) $(CMOCKA_LIBS)

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

# The first of the README's two commands.
demo: deps
	@$(MAKE) --no-print-directory all
	./build/claimdiff fixtures/seeds/*.txt

# The second: sanitized build, then every test.
check: deps-test
	@$(MAKE) --no-print-directory SANITIZE=1 CI=1 test-bin
	@$(MAKE) --no-print-directory SANITIZE=1 CI=1 check-run

test-bin: $(OUT)/claimdiff $(TEST_BIN)

check-run:
	@CLAIMDIFF=$(OUT)/claimdiff TESTBIN=$(OUT)/tests sh tests/run.sh

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

valgrind: all
	valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		-q ./build/claimdiff --format json fixtures/seeds/*.txt > /dev/null

headers:
	@for h in include/claimdiff/*.h; do \
		printf '#include "%s"\n' "$${h#include/}" | \
		$(CC) -std=c11 $(WARN) -Werror -Iinclude -fsyntax-only -x c - || exit 1; \
	done; echo "headers: each compiles alone"

lint:
	@! grep -nE '\b(atoi|sprintf|strcpy|strcat|strtok|gets|sscanf)\(' src/*.c tools/*.c || \
		{ echo "lint: banned function"; exit 1; }
	@echo "lint: ok"

install: all
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 build/claimdiff $(DESTDIR)$(PREFIX)/bin/claimdiff
	@if [ -f docs/claimdiff.1 ]; then \
		install -d $(DESTDIR)$(PREFIX)/share/man/man1 && \
		install -m 644 docs/claimdiff.1 $(DESTDIR)$(PREFIX)/share/man/man1/; fi

clean:
	rm -rf build

-include $(wildcard $(OUT)/obj/*.d)

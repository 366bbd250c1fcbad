# figcheck - one non-recursive Makefile.
#
#   make            build every program into build/bin
#   make check      build and run every test (unit, rule examples, end-to-end)
#   make demo       install missing packages, build, run the pipeline on corpus/
#   make bench      throughput and memory benchmarks
#   make install    PREFIX=/usr/local DESTDIR=
#   make SANITIZE=address,undefined check
#   make WERROR=1   warnings are errors (CI)

.DEFAULT_GOAL := all

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/figcheck
MANDIR ?= $(PREFIX)/share/man
VERSION := 0.1.0

CC ?= cc
PKG_CONFIG ?= pkg-config
DEPS := libpcre2-8 libxml-2.0 sqlite3 libcrypto zlib
TEST_DEPS := cmocka

B := build
BIN := $(B)/bin

WARN := -Wall -Wextra -Wshadow -Wformat=2 -Wwrite-strings -Wmissing-prototypes \
	-Wstrict-prototypes -Wno-unused-parameter
OPT ?= -O2 -g
CFLAGS ?= $(OPT)
ifeq ($(WERROR),1)
WARN += -Werror
endif
ifneq ($(SANITIZE),)
CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer
LDFLAGS += -fsanitize=$(SANITIZE)
endif

DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(DEPS))
DEP_LIBS := $(shell $(PKG_CONFIG) --libs $(DEPS)) -lm
TEST_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(TEST_DEPS) 2>/dev/null)
TEST_LIBS := $(shell $(PKG_CONFIG) --libs $(TEST_DEPS) 2>/dev/null)

ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) \
	-Ipipeline/lib -Ipipeline/cli -Iextractors -I$(B)/gen $(DEP_CFLAGS) \
	-DFC_VERSION='"$(VERSION)"' -DFC_DATADIR='"$(DATADIR)"' $(CFLAGS)

# The library: every module of pipeline/lib and extractors/.
LIB_SRC := $(sort $(wildcard pipeline/lib/*.c extractors/*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o)
LIB := $(B)/libfigcheck.a

# Stage programs: pipeline/cmd/NAME.c becomes figcheck-NAME; figcheck.c the dispatcher.
CMD_SRC := $(sort $(wildcard pipeline/cmd/*.c))
STAGES := $(filter-out figcheck,$(notdir $(CMD_SRC:.c=)))
PROGS := $(BIN)/figcheck $(STAGES:%=$(BIN)/figcheck-%)

# Unit tests: tests/unit/test_NAME.c, one program per module.
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TESTS := $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)

GEN := $(B)/gen/schema_sql.h $(B)/gen/report_css.h

MANPAGES := $(PROGS:$(BIN)/%=$(B)/man/%.1)

$(B)/man/%.1: $(BIN)/% scripts/gen-man.sh
	@mkdir -p $(@D)
	sh scripts/gen-man.sh $< $@

man: $(MANPAGES)

.SECONDARY:

.PHONY: man all check unit e2e examples demo bench bench-strip install uninstall clean fuzz deps
all: $(PROGS)

$(B)/gen/schema_sql.h: pipeline/lib/schema.sql scripts/embed.sh
	@mkdir -p $(@D)
	sh scripts/embed.sh fc_schema_sql $< > $@.tmp && mv $@.tmp $@

$(B)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/gen/report_css.h: pipeline/lib/report.css scripts/embed.sh
	@mkdir -p $(@D)
	sh scripts/embed.sh fc_report_css $< > $@.tmp && mv $@.tmp $@

$(B)/pipeline/lib/store.o $(B)/pipeline/lib/output.o: $(GEN)

$(LIB): $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

CLI_OBJ := $(B)/pipeline/cli/cli.o

$(BIN)/figcheck: $(B)/pipeline/cmd/figcheck.o $(CLI_OBJ) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(DEP_LIBS)

$(BIN)/figcheck-%: $(B)/pipeline/cmd/%.o $(CLI_OBJ) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $^ $(DEP_LIBS)

$(B)/tests/%.o: tests/unit/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/tests/%: $(B)/tests/%.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(TEST_LIBS) $(DEP_LIBS)

# Every test: cmocka unit programs, every rule file's examples, end-to-end goldens.
check: all $(TESTS)
	@sh scripts/run-tests.sh $(TESTS)

unit: $(TESTS)
	@sh scripts/run-tests.sh --unit-only $(TESTS)

demo: deps
	@$(MAKE) --no-print-directory all
	@sh scripts/demo.sh

deps:
	@sh scripts/install-deps.sh

bench: all
	@sh scripts/bench.sh

bench-strip: all
	@sh scripts/bench.sh strip

# Fuzz harnesses (clang, libFuzzer): make fuzz FUZZ_SECONDS=60
FUZZ_SECONDS ?= 30
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
fuzz:
	@sh scripts/fuzz.sh $(FUZZ_SECONDS) $(FUZZ_SRC)

install: all man
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rules $(DESTDIR)$(DATADIR)/packs $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(PROGS) $(DESTDIR)$(BINDIR)
	install -m 644 extractors/rules/* $(DESTDIR)$(DATADIR)/rules
	for p in corpus/*/pack; do n=$$(basename $$(dirname $$p)); \
		install -d $(DESTDIR)$(DATADIR)/packs/$$n; \
		cp -R $$p/. $(DESTDIR)$(DATADIR)/packs/$$n/; done
	install -m 644 $(MANPAGES) $(DESTDIR)$(MANDIR)/man1

uninstall:
	rm -f $(PROGS:$(BIN)/%=$(DESTDIR)$(BINDIR)/%)
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(MANPAGES:$(B)/man/%=$(DESTDIR)$(MANDIR)/man1/%)

clean:
	rm -rf $(B) figcheck.db figcheck.db-wal figcheck.db-shm

-include $(shell find $(B) -name '*.d' 2>/dev/null)

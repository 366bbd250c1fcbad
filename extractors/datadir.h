/* datadir.h - where figcheck's data files (rules/, hedges.tsv) live. */
#ifndef FC_DATADIR_H
#define FC_DATADIR_H

/*
 * The data directory, the one holding rules/NAME.rules and rules/hedges.tsv:
 * $FIGCHECK_DATADIR if set and not empty; else, when the running program
 * sits in a source tree's build/bin/, that tree's extractors/ directory
 * (if it has a rules/ subdirectory); else the compiled-in FC_DATADIR.
 * The string is static storage, valid until exit; not thread-safe on the
 * first call.
 */
const char *fc_datadir(void);

#endif

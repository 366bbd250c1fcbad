#!/bin/sh
# gen-man.sh PROGRAM OUT - write a man page for a figcheck program from its --help text,
# so the page can never drift from the code.
set -eu
prog=$1
out=$2
name=$(basename "$prog")
help=$("$prog" --help)
version=$("$prog" --version | awk '{print $2}')
# NAME line: the first sentence of the description.
summary=$(printf '%s\n' "$help" | awk 'NR > 2 && NF { p = p (p ? " " : "") $0; next } p { exit } END { print p }' |
	sed 's/\([^.]\)\.  *\([A-Z]\).*/\1./')
{
	printf '.TH %s 1 "" "figcheck %s" "figcheck manual"\n' "$(echo "$name" | tr a-z A-Z)" "$version"
	printf '.SH NAME\n%s \\- %s\n' "$name" "$(printf '%s' "$summary" | sed 's/\\/\\\\/g')"
	printf '.SH SYNOPSIS\n.nf\n'
	printf '%s\n' "$help" | awk '/^usage:/,/^$/' | sed 's/^usage: //; s/\\/\\e/g; s/^\./\\\&./'
	printf '.fi\n.SH DESCRIPTION\n.nf\n'
	printf '%s\n' "$help" | awk 'f && !/^Exit status/ {print} /^$/ && !f {f=1} /^Exit status/ {exit}' |
		sed 's/\\/\\e/g; s/^\./\\\&./; s/^-/\\-/'
	printf '.fi\n.SH EXIT STATUS\n'
	printf '%s\n' "$help" | awk '/^Exit status/ {f=1} f' | sed 's/^Exit status: //; s/\\/\\e/g'
	printf '.SH SEE ALSO\n.BR figcheck (1)\n'
} >"$out"

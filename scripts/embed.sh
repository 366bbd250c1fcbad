#!/bin/sh
# embed.sh NAME FILE - print FILE as a C string constant NAME (build-time embedding).
set -eu
name=$1
file=$2
printf '/* generated from %s by scripts/embed.sh: do not edit */\n' "$file"
printf 'static const char %s[] =\n' "$name"
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t"/' -e 's/$/\\n"/' "$file"
printf ';\n'

#!/bin/sh
# ctest docs_site: generate the documentation of the built-in graph twice
# (both languages, HTML and Markdown), require byte-identical output, then
# check the site (tests/docs/check_site.mjs). usage: run_site_check.sh KG OUT_DIR
set -eu
kg=$1 out=$2 here=$(cd "$(dirname "$0")" && pwd) data="$here/../../ontology"
rm -rf "$out/a" "$out/b"
"$kg" docs --data "$data" --out "$out/a" --lang nl,en --format both
"$kg" docs --data "$data" --out "$out/b" --lang nl,en --format both
diff -r "$out/a" "$out/b" >/dev/null || { echo "kg docs: two runs differ:"; diff -rq "$out/a" "$out/b" | head; exit 1; }
echo "two runs byte-identical"
cd "$here"
test -d node_modules/html-validate || npm ci --no-audit --no-fund --loglevel=error
node check_site.mjs "$out/a" --kg "$kg" --data "$data" --lang nl,en

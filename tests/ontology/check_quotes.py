#!/usr/bin/python3
"""Check that every oa:exact quote (and every Dutch ul:exampleText) in ontology/*.ttl really occurs in the brochure.

The brochure text (../shared/seed/000_13797ca6efe70431.txt relative to the repository,
or --brochure PATH) is normalised the way the quotes are: column line breaks joined,
runs of whitespace collapsed, words hyphenated across lines repaired.  Footnote markers
(bare numbers 1-22 after a word) are removed from quotes, so a marker may appear in the
brochure wherever the quote has a space or punctuation.

Exit 0 when all quotes are found, 1 when one is not. When the brochure is not available it
prints a SKIP line and exits 0 (or 77 with --skip-code 77, for a ctest SKIP_RETURN_CODE).
"""
import argparse
import glob
import os
import re
import sys

import rdflib

OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
UL = rdflib.Namespace("https://w3id.org/utrecht-leert/def#")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_BROCHURE = os.path.join(ROOT, "..", "shared", "seed", "000_13797ca6efe70431.txt")


def normalise(text: str) -> str:
    # repair words split over a line ("BSO-\nlocatie" keeps its hyphen: it is a compound)
    text = re.sub(r"-[ \t]*\n\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip()


MARKER = r"(?: \d{1,2})*"


def quote_regex(quote: str) -> re.Pattern:
    parts = []
    for ch in quote:
        if ch == " ":
            parts.append(MARKER + " ")
        elif ch in ".,:;)’":
            parts.append(MARKER + re.escape(ch))
        else:
            parts.append(re.escape(ch))
    return re.compile("".join(parts))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--brochure", default=DEFAULT_BROCHURE)
    ap.add_argument("--data", default=os.path.join(ROOT, "ontology"))
    ap.add_argument("--skip-code", type=int, default=0, help="exit code when the brochure is missing")
    args = ap.parse_args()
    if not os.path.exists(args.brochure):
        print(f"SKIP: brochure not found at {args.brochure}")
        return args.skip_code
    with open(args.brochure, encoding="utf-8") as f:
        text = normalise(f.read())
    g = rdflib.Graph()
    files = sorted(glob.glob(os.path.join(args.data, "*.ttl")))
    for path in files:
        g.parse(path, format="turtle")
    quotes = sorted({str(o) for o in g.objects(None, OA.exact)}
                    | {str(o) for o in g.objects(None, OA.prefix)}
                    | {str(o) for o in g.objects(None, OA.suffix)}
                    | {str(o) for o in g.objects(None, UL.exampleText) if o.language == "nl"})
    missing = [q for q in quotes if not quote_regex(q).search(text)]
    for q in missing:
        print(f"NOT IN BROCHURE: {q!r}")
    print(f"{len(quotes) - len(missing)} passed, {len(missing)} failed")
    return 1 if missing or not quotes else 0


if __name__ == "__main__":
    sys.exit(main())

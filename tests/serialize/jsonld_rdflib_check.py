#!/usr/bin/python3
"""Independent cross-check of kg's JSON-LD writer with rdflib's JSON-LD parser.

Usage: jsonld_rdflib_check.py FILE.jsonld FILE.nt
Exit 0 iff rdflib parses FILE.jsonld into a graph isomorphic (blank nodes
matched up to renaming) to the N-Triples graph in FILE.nt; 1 if they differ
(the differences are printed); 2 on usage or parse errors.
Needs python3-rdflib (Debian bookworm ships 6.1.1, which has a JSON-LD parser).
"""
import sys

try:
    import rdflib
    from rdflib.compare import graph_diff, isomorphic, to_isomorphic
except ImportError as e:  # pragma: no cover
    print(f"rdflib missing: {e}", file=sys.stderr)
    sys.exit(2)


def main(argv):
    # Compare lexical forms exactly: "042"^^xsd:integer must not equal "42".
    rdflib.NORMALIZE_LITERALS = False
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            jsonld = rdflib.Graph().parse(data=f.read(), format="json-ld")
        with open(argv[2], encoding="utf-8") as f:
            nt = rdflib.Graph().parse(data=f.read(), format="nt")
    except Exception as e:  # rdflib raises many types; any is a failure here
        print(f"parse error: {e}", file=sys.stderr)
        return 2
    if isomorphic(jsonld, nt):
        return 0
    _, only_jsonld, only_nt = graph_diff(to_isomorphic(jsonld), to_isomorphic(nt))
    print(f"graphs differ: {len(jsonld)} triples from JSON-LD, {len(nt)} from N-Triples",
          file=sys.stderr)
    for label, g in (("only in JSON-LD", only_jsonld), ("only in N-Triples", only_nt)):
        for t in sorted(g):
            print(f"{label}: {' '.join(x.n3() for x in t)}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/python3
"""Prove the ontology tests can fail: copy ontology/ to a temporary directory, break it in one
known way at a time, and require the matching checker to reject the broken copy (and to accept
the unbroken copy first).

Checkers: check_rapper.sh (parsing), validate-shacl.mjs (SHACL), run_queries.py (SKOS checks and
competency questions), check_quotes.py (quotes against the brochure; skipped if the brochure is
not available).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ONTOLOGY = os.path.join(ROOT, "ontology")
PY = sys.executable

CHECKERS = {
    "rapper": lambda d: ["sh", os.path.join(HERE, "check_rapper.sh"), d],
    "shacl": lambda d: ["node", os.path.join(HERE, "validate-shacl.mjs"), d],
    "checks": lambda d: [PY, os.path.join(HERE, "run_queries.py"), "--data", d, "--only", "checks"],
    "competency": lambda d: [PY, os.path.join(HERE, "run_queries.py"), "--data", d, "--only", "competency"],
    "quotes": lambda d: [PY, os.path.join(HERE, "check_quotes.py"), "--data", d],
}

# (name, checker, file, regex to replace, replacement, text that must appear in the output)
MUTATIONS = [
    ("syntax error", "rapper", "examples.ttl",
     r"ul:illustrates begrip:reflectie ;", "ul:illustrates begrip:reflectie", "FAIL"),
    ("undeclared prefix", "rapper", "programme.ttl",
     r"@prefix prov:[^\n]*\n", "", "FAIL"),
    ("concept without English definition", "shacl", "concepts.ttl",
     r'"Social or cultural differences that lead to[^"]*"@en', '"x"@fr', "skos:definition in het Engels"),
    ("work without year", "shacl", "works.ttl",
     r'(werk:vyt-2012 a bibo:Book ;(?:\n[^\n]*)*?)\n    dcterms:issued "2012"\^\^xsd:gYear ;', r"\1", "jaar"),
    ("example without mechanism", "shacl", "examples.ttl",
     r"\n    ul:illustrates begrip:coordinatie ;", "", "leermechanisme"),
    ("concept without provenance", "shacl", "concepts.ttl",
     r"\n    prov:wasDerivedFrom passage:kader-boundary-crossing-1-discontinuiteit \.", " .", "passage"),
    ("cycle in broader", "checks", "concepts.ttl",
     r"(begrip:sociale-basis a skos:Concept ;)", r"\1 skos:broader begrip:pedagogische-basis ;", "06-broader-cycles"),
    ("broader and related", "checks", "concepts.ttl",
     r"(begrip:inclusie skos:related begrip:inclusief-onderwijs \.)", r"\1\nbegrip:inclusie skos:related begrip:wicked-problems .\nbegrip:wicked-problems skos:related begrip:inclusie .", "07-broader-and-related"),
    ("label clash", "checks", "concepts.ttl",
     r'skos:prefLabel "continuïteit"@nl', 'skos:prefLabel "Discontinuïteit"@nl', "08-label-clashes"),
    ("orphan concept", "checks", "concepts.ttl",
     r"(begrip:grenspraktijken a skos:Concept ;\n    skos:inScheme scheme:boundary-crossing ;) skos:topConceptOf scheme:boundary-crossing ;", r"\1", "05-orphan-concepts"),
    ("second Dutch prefLabel", "checks", "concepts.ttl",
     r'skos:prefLabel "reflectie"@nl ,', 'skos:prefLabel "reflectie"@nl , "bezinning"@nl ,', "02-multiple-preflabels"),
    ("citation without footnote", "checks", "concepts.ttl",
     r"(prov:wasDerivedFrom passage:kader-boundary-crossing-1-discontinuiteit) \.", r"\1 ; cito:citesAsAuthority werk:bronfenbrenner-1979 .", "11-footnoted-work-not-cited"),
    ("collaboration forms reordered", "competency", "concepts.ttl",
     r"ul:boundaryCrossingRank 4 ;", "ul:boundaryCrossingRank 0 ;", "01-collaboration-forms"),
    ("example linked to the wrong mechanism", "competency", "examples.ttl",
     r"begrip:transformatie ul:hasExample voorbeeld:transformatie-gezamenlijke-aanpak-pesten \.", "", "02-learning-mechanisms"),
    ("quote not in the brochure", "quotes", "passages.ttl",
     r"gelukkig opgroeien\.", "heel gelukkig opgroeien.", "NOT IN BROCHURE"),
]


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout + p.stderr


def main() -> int:
    passed = failed = skipped = 0
    with tempfile.TemporaryDirectory() as tmp:
        clean = os.path.join(tmp, "clean")
        shutil.copytree(ONTOLOGY, clean)
        baseline = {}
        for name, mk in CHECKERS.items():
            rc, out = run(mk(clean))
            baseline[name] = "skip" if (rc == 0 and "SKIP:" in out) else rc
            if rc != 0:
                print(f"FAIL baseline {name} rejects the unbroken copy:\n{out}")
                failed += 1
        for label, checker, fname, pattern, repl, expect in MUTATIONS:
            if baseline.get(checker) == "skip":
                print(f"skip {label} ({checker} unavailable)"); skipped += 1; continue
            d = os.path.join(tmp, re.sub(r"\W+", "-", label))
            shutil.copytree(ONTOLOGY, d)
            path = os.path.join(d, fname)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            new, n = re.subn(pattern, repl, text, count=1)
            if n != 1:
                print(f"FAIL {label}: mutation pattern not found in {fname}"); failed += 1; continue
            with open(path, "w", encoding="utf-8") as f:
                f.write(new)
            rc, out = run(CHECKERS[checker](d))
            if rc != 0 and expect in out:
                print(f"ok   {label}: {checker} rejects it"); passed += 1
            else:
                print(f"FAIL {label}: {checker} exit {rc}, expected a failure mentioning {expect!r}\n{out}")
                failed += 1
    print(f"mutations: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

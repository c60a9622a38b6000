#!/usr/bin/python3
"""Run the SPARQL checks and competency questions against the knowledge graph.

* queries/checks/*.rq      must return no rows (every row is printed as a failure);
* queries/competency/*.rq  must return exactly the rows in the file next to it with the same
                           stem and the extension .expected.tsv (header line = variable names,
                           then one row per line, cells separated by tabs). The comparison is
                           order-sensitive only when the query has ORDER BY.

Cells are compared as plain strings: IRIs in full, literals by their lexical form (no language
tag or datatype), empty string for an unbound variable.

Engines:
  --engine rdflib (default) loads every ontology/*.ttl, each file into its own named graph (as
                  the server does), and queries their union with rdflib (full SPARQL 1.1).
  --engine kg     runs `KG query --data ONTOLOGY_DIR --format tsv FILE` for every query, with
                  KG given by --kg PATH, and parses its TSV output (header + rows).
"""
import argparse
import csv
import glob
import io
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def cell_rdflib(term) -> str:
    return "" if term is None else str(term)


class RdflibEngine:
    def __init__(self, data_dir: str):
        import rdflib
        from rdflib import Dataset, URIRef
        self.ds = Dataset(default_union=True)
        files = sorted(glob.glob(os.path.join(data_dir, "*.ttl")))
        if not files:
            raise SystemExit(f"no .ttl files in {data_dir}")
        for path in files:
            g = self.ds.graph(URIRef("file://" + os.path.abspath(path)))
            g.parse(path, format="turtle")
        self.size = len(self.ds)

    def run(self, query_file: str):
        with open(query_file, encoding="utf-8") as f:
            q = f.read()
        res = self.ds.query(q)
        header = [str(v) for v in res.vars]
        rows = [[cell_rdflib(r[v]) for v in res.vars] for r in res]
        return header, rows


def unterm(cell: str) -> str:
    """Turn a SPARQL TSV term (<iri>, "lit"@nl, "1"^^<xsd:..>, _:b) into a plain string."""
    cell = cell.strip()
    if cell.startswith("<") and cell.endswith(">"):
        return cell[1:-1]
    m = re.match(r'^"(.*)"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?$', cell, re.S)
    if m:
        return (m.group(1).replace('\\t', '\t').replace('\\n', '\n')
                .replace('\\"', '"').replace('\\\\', '\\'))
    return cell


class KgEngine:
    def __init__(self, data_dir: str, kg: str):
        if not kg:
            raise SystemExit("--engine kg needs --kg PATH")
        self.kg, self.data_dir, self.size = kg, data_dir, None

    def run(self, query_file: str):
        out = subprocess.run([self.kg, "query", "--data", self.data_dir, "--format", "tsv", "--file", query_file],
                             capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            raise RuntimeError(f"kg query failed ({out.returncode}): {out.stderr.strip()}")
        lines = [l for l in out.stdout.split("\n") if l != ""]
        if not lines:
            raise RuntimeError("kg query printed no header")
        header = [h.lstrip("?") for h in lines[0].split("\t")]
        rows = [[unterm(c) for c in l.split("\t")] for l in lines[1:]]
        return header, rows


def read_expected(path: str):
    with open(path, encoding="utf-8", newline="") as f:
        lines = [l.rstrip("\n") for l in f if l.strip() != "" and not l.startswith("#")]
    header = lines[0].split("\t")
    rows = [l.split("\t") for l in lines[1:]]
    return header, rows


def has_order_by(query_file: str) -> bool:
    with open(query_file, encoding="utf-8") as f:
        text = "\n".join(l for l in f if not l.lstrip().startswith("#"))
    return re.search(r"\bORDER\s+BY\b", text, re.I) is not None


def fmt(rows, limit=40):
    out = ["    " + " | ".join(r) for r in rows[:limit]]
    if len(rows) > limit:
        out.append(f"    ... {len(rows) - limit} more")
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--engine", choices=["rdflib", "kg"], default="rdflib")
    ap.add_argument("--kg", help="path of the kg binary (for --engine kg)")
    ap.add_argument("--data", default=os.path.join(ROOT, "ontology"), help="directory with the .ttl files")
    ap.add_argument("--queries", default=os.path.join(ROOT, "queries"), help="directory with checks/ and competency/")
    ap.add_argument("--only", choices=["checks", "competency"], help="run only one kind of query")
    args = ap.parse_args()

    engine = RdflibEngine(args.data) if args.engine == "rdflib" else KgEngine(args.data, args.kg)
    passed = failed = 0

    if args.only in (None, "checks"):
        checks = sorted(glob.glob(os.path.join(args.queries, "checks", "*.rq")))
        if not checks:
            print("no check queries found"); failed += 1
        for q in checks:
            name = os.path.relpath(q, args.queries)
            try:
                header, rows = engine.run(q)
            except Exception as e:  # noqa: BLE001
                print(f"FAIL {name}: {e}"); failed += 1; continue
            if rows:
                print(f"FAIL {name}: {len(rows)} row(s)\n    " + " | ".join(header) + "\n" + fmt(rows))
                failed += 1
            else:
                print(f"ok   {name}"); passed += 1

    if args.only in (None, "competency"):
        cqs = sorted(glob.glob(os.path.join(args.queries, "competency", "*.rq")))
        if not cqs:
            print("no competency queries found"); failed += 1
        for q in cqs:
            name = os.path.relpath(q, args.queries)
            exp_path = q[:-3] + ".expected.tsv"
            if not os.path.exists(exp_path):
                print(f"FAIL {name}: no expected answer {os.path.basename(exp_path)}"); failed += 1; continue
            try:
                header, rows = engine.run(q)
            except Exception as e:  # noqa: BLE001
                print(f"FAIL {name}: {e}"); failed += 1; continue
            eh, er = read_expected(exp_path)
            problems = []
            if header != eh:
                problems.append(f"header {header} != expected {eh}")
            ordered = has_order_by(q)
            same = rows == er if ordered else sorted(rows) == sorted(er)
            if not same:
                missing = [r for r in er if r not in rows]
                extra = [r for r in rows if r not in er]
                problems.append(("order-sensitive " if ordered else "") + "rows differ")
                if missing:
                    problems.append("missing:\n" + fmt(missing))
                if extra:
                    problems.append("unexpected:\n" + fmt(extra))
                if not missing and not extra:
                    problems.append("got (in this order):\n" + fmt(rows))
            if problems:
                print(f"FAIL {name}: " + "\n  ".join(problems)); failed += 1
            else:
                print(f"ok   {name} ({len(rows)} rows{', ordered' if ordered else ''})"); passed += 1

    size = f" over {engine.size} triples" if engine.size else ""
    print(f"queries ({args.engine}){size}: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

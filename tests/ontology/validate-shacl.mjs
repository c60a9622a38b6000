#!/usr/bin/env node
// SHACL validation of the knowledge graph with rdf-validate-shacl (a real SHACL engine).
// Data: every ontology/*.ttl except shapes.ttl (each parsed on its own, like the server's
// named graphs, then unioned); shapes: ontology/shapes.ttl.
// Usage: node validate-shacl.mjs [ONTOLOGY_DIR]   (default: ../../ontology)
// Prints every violation and exits 1 if there is any, 2 on a parse error.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import factory from 'rdf-validate-shacl/src/defaultEnv.js';

const here = dirname(fileURLToPath(import.meta.url));
const dir = resolve(process.argv[2] ?? join(here, '..', '..', 'ontology'));

function parse(file) {
  const text = readFileSync(file, 'utf8');
  // each file must parse on its own: no base IRI or prefixes are shared between files
  return new Parser({ format: 'text/turtle', baseIRI: 'file://' + file }).parse(text);
}

const files = readdirSync(dir).filter((f) => f.endsWith('.ttl')).sort();
if (!files.includes('shapes.ttl')) {
  console.error(`no shapes.ttl in ${dir}`);
  process.exit(2);
}
const data = factory.dataset();
const shapes = factory.dataset();
try {
  for (const f of files) {
    const quads = parse(join(dir, f));
    const target = f === 'shapes.ttl' ? shapes : data;
    for (const q of quads) target.add(factory.quad(q.subject, q.predicate, q.object));
  }
} catch (e) {
  console.error(`parse error: ${e.message}`);
  process.exit(2);
}

const validator = new SHACLValidator(shapes, { factory });
const report = await validator.validate(data);
const short = (t) => (t ? t.value.replace('https://w3id.org/utrecht-leert/', '') : '');
for (const r of report.results) {
  const msg = r.message.map((m) => m.value).join(' / ');
  console.log(`VIOLATION ${short(r.focusNode)} path=${short(r.path)} value=${short(r.value)}` +
    ` [${short(r.sourceConstraintComponent).replace('http://www.w3.org/ns/shacl#', 'sh:')}] ${msg}`);
}
console.log(`SHACL: ${data.size} data triples from ${files.length - 1} files, ${shapes.size} shape triples; ` +
  `${report.results.length} violation(s); conforms=${report.conforms}`);
process.exit(report.conforms ? 0 : 1);

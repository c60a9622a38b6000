// Validates the OpenAPI document kg serves: starts a real `kg serve` on a free
// loopback port, fetches /api/openapi.json, checks it against the OpenAPI 3.1
// schema (@seriousme/openapi-schema-validator), checks that every concept-API
// operation is described, compiles every component schema with Ajv (JSON
// Schema 2020-12, the dialect of OpenAPI 3.1) and validates real answers of
// every concept-API operation, in JSON and JSON-LD, against the schema the
// document declares for them.
//   node validate-openapi.mjs --kg PATH --data ontology/ --queries queries/
import { startKg } from "../browser/kg_serve.mjs";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => {
    if (a.startsWith("--")) pairs.push([a.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
for (const k of ["kg", "data", "queries"])
  if (!args[k]) {
    console.error(`usage: node validate-openapi.mjs --kg PATH --data DIR --queries DIR (missing --${k})`);
    process.exit(2);
  }

let failures = 0;
let passes = 0;
const check = (ok, what, detail) => {
  if (ok) passes++;
  else {
    failures++;
    console.error(`FAIL ${what}${detail ? ": " + detail : ""}`);
  }
};

// A real kg serve on a free loopback port (the helper the browser tests use).
const kg = await startKg(args.kg, ["--data", args.data, "--queries", args.queries]);
const base = kg.base;

try {
  const doc = await (await fetch(`${base}/api/openapi.json`)).json();
  const validator = new Validator();
  const res = await validator.validate(structuredClone(doc));
  check(res.valid, "openapi.json matches the OpenAPI schema", JSON.stringify(res.errors, null, 2));
  check(validator.version === "3.1", "OpenAPI version 3.1", validator.version);
  // The validator can fail: a copy without the required "info" is refused.
  const broken = structuredClone(doc);
  delete broken.info;
  check(!(await new Validator().validate(broken)).valid, "a document without info is refused");

  const expected = {
    "/api/concepts": "SearchResults",
    "/api/concepts/{id}": "Concept",
    "/api/concepts/{id}/broader": "Neighbours",
    "/api/concepts/{id}/narrower": "Neighbours",
    "/api/concepts/{id}/related": "Neighbours",
    "/api/concepts/{id}/hierarchy": "Hierarchy",
    "/api/schemes": "Schemes",
    "/api/schemes/{id}": "SchemeTree",
    "/api/works": "Works",
    "/api/works/{id}": "WorkView",
  };
  for (const [path, schema] of Object.entries(expected)) {
    const op = doc.paths?.[path]?.get;
    check(op, `operation ${path} is described`);
    if (!op) continue;
    for (const type of ["application/json", "application/ld+json"])
      check(op.responses?.["200"]?.content?.[type]?.schema?.$ref === `#/components/schemas/${schema}`,
            `${path} ${type} answer declares schema ${schema}`);
    if (path.includes("{id}"))
      check(op.parameters?.some((p) => p.in === "path" && p.name === "id" && p.required),
            `${path} declares its path parameter`);
    check(op.responses?.["404"] || !path.includes("{id}"), `${path} documents 404`);
    check(op.responses?.["400"], `${path} documents 400`);
  }
  check(doc.paths["/api/concepts"]?.get?.parameters?.some((p) => p.name === "q" && p.required),
        "search declares q as required");

  // Every component schema compiles; real answers validate against them.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: "urn:kg:openapi", components: doc.components });
  for (const name of Object.keys(doc.components?.schemas ?? {}))
    check(ajv.getSchema(`urn:kg:openapi#/components/schemas/${name}`), `schema ${name} compiles`);
  const samples = [
    ["/api/concepts?q=coordinatie&lang=en", "SearchResults"],
    ["/api/concepts?q=grens", "SearchResults"],
    ["/api/concepts/grens", "Concept"],
    ["/api/concepts/coordinatie", "Concept"],
    ["/api/concepts/vernieuwend-opleiden", "Concept"],
    ["/api/concepts/coordinatie/broader", "Neighbours"],
    ["/api/concepts/leermechanisme/narrower", "Neighbours"],
    ["/api/concepts/grens/related", "Neighbours"],
    ["/api/concepts/pedagogische-sociale-relaties/hierarchy", "Hierarchy"],
    ["/api/schemes", "Schemes"],
    ["/api/schemes/boundary-crossing", "SchemeTree"],
    ["/api/works", "Works"],
    ["/api/works/akkerman-bakker-2011", "WorkView"],
  ];
  for (const [path, name] of samples) {
    const validate = ajv.getSchema(`urn:kg:openapi#/components/schemas/${name}`);
    if (!validate) continue;
    for (const accept of ["application/json", "application/ld+json"]) {
      const r = await fetch(base + path, { headers: { Accept: accept } });
      check(r.status === 200, `GET ${path} (${accept}) is 200`, String(r.status));
      const body = await r.json();
      check(validate(body), `GET ${path} (${accept}) matches ${name}`,
            JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    }
  }
} catch (e) {
  failures++;
  console.error("FAIL " + (e.stack || e));
} finally {
  await kg.stop();
}
console.log(`${passes} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);

// The documentation's stylesheet: the palette of the service's pages
// (ui/assets/kg.css: WCAG 2.1 AA contrast), a reading column for long
// texts, and print rules so a page can go into a report. No web fonts, no
// external assets.
#include "docs/html_site.h"

namespace kg::docs {

const char* Stylesheet() {
  return R"css(/* kg docs */
:root {
  --fg: #1a1a1a; --bg: #ffffff; --muted: #4a5560; --link: #0b4f8a; --link-visited: #5b2a86;
  --accent: #1f4e79; --accent-fg: #ffffff; --soft: #eef3f8; --line: #c5d0db;
  --quote: #f6f1e7; --focus: #d4590b; --mark: #7a4b00;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  line-height: 1.55; color: var(--fg); background: var(--bg);
}
* { box-sizing: border-box; }
body { margin: 0; font-size: 1.0625rem; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:visited { color: var(--link-visited); }
a:focus-visible, svg a:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; background: var(--bg); padding: 0.5rem 1rem; }
.skip-link:focus { top: 0.5rem; }
.site-header { background: var(--accent); color: var(--accent-fg); padding: 0.75rem 1.25rem;
  display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5rem 1.5rem; }
.site-header a, .site-header a:visited { color: var(--accent-fg); }
.brand { margin: 0; font-size: 1.15rem; }
.brand a { font-weight: 700; text-decoration: none; }
.tagline { font-weight: 400; opacity: 0.9; margin-left: 0.4rem; }
.lang-switch { margin: 0 0 0 auto; order: 2; }
.lang-switch a { border: 1px solid var(--accent-fg); border-radius: 4px; padding: 0.1rem 0.6rem; text-decoration: none; }
.site-header nav { flex-basis: 100%; order: 3; }
.nav { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.nav a { text-decoration: none; }
.nav a[aria-current="page"] { border-bottom: 3px solid var(--accent-fg); font-weight: 600; }
main { max-width: 60rem; margin: 0 auto; padding: 1.25rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 0.75rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.4rem; }
p, li, dd { max-width: 46rem; }
.lead { font-size: 1.15rem; color: var(--muted); }
.muted, .meta, .iri { color: var(--muted); }
.meta { margin: 0.25rem 0; font-size: 0.95rem; }
.meta .type, .meta .scheme { margin-right: 0.75rem; }
.iri code { word-break: break-all; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em;
  background: var(--soft); padding: 0.05rem 0.3rem; border-radius: 3px; }
.lang-tag { font-size: 0.72em; text-transform: uppercase; letter-spacing: 0.04em; border: 1px solid currentColor;
  border-radius: 3px; padding: 0 0.25rem; margin-right: 0.35rem; color: var(--muted); vertical-align: 0.1em; }
.fallback { color: var(--mark); }
.definition p { font-size: 1.15rem; margin: 0.25rem 0 0.5rem; }
.translation, .note { margin: 0.35rem 0; max-width: 46rem; }
.translation { color: var(--muted); }
blockquote { margin: 0.75rem 0; padding: 0.6rem 1rem; background: var(--quote); border-left: 4px solid var(--mark); max-width: 46rem; }
blockquote p { margin: 0 0 0.4rem; }
blockquote footer, .where, .footnote { font-size: 0.92rem; color: var(--muted); }
.footnote { margin: 0.3rem 0 0; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.75rem 0.35rem 0; border-bottom: 1px solid var(--line); }
thead th { font-size: 0.9rem; color: var(--muted); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
dl.relations, dl.facts { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: 0.35rem 1rem; }
dl.relations dt, dl.facts dt { font-weight: 600; }
dl.relations dd, dl.facts dd { margin: 0; }
ul.refs { margin: 0; padding-left: 1.1rem; }
.breadcrumbs ol { list-style: none; padding: 0; margin: 0.25rem 0; display: flex; flex-wrap: wrap; font-size: 0.95rem; }
.breadcrumbs li + li::before { content: "›"; margin: 0 0.4rem; color: var(--muted); }
.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1rem; }
.cards > li { border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; background: #fbfcfd; }
.cards h2, .cards h3 { margin: 0 0 0.3rem; border: 0; }
.programme { background: var(--soft); border-radius: 6px; padding: 0.25rem 1.25rem 0.75rem; }
.programme h2 { border: 0; }
.tree { padding-left: 1.2rem; margin: 0.2rem 0; }
.toc > .tree { columns: 2 22rem; }
.tree li { break-inside: avoid; }
.letters { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4rem; }
.letters a { display: inline-block; min-width: 2rem; text-align: center; padding: 0.15rem 0.4rem;
  border: 1px solid var(--line); border-radius: 4px; text-decoration: none; }
ul.index { columns: 2 18rem; padding-left: 1.1rem; }
ul.index li { break-inside: avoid; }
.bibliography { list-style: none; padding: 0; }
.bibliography li { margin-bottom: 0.7rem; }
.bibliography p { margin: 0; padding-left: 2rem; text-indent: -2rem; }
.bibliography .cited-by { text-indent: 0; font-size: 0.92rem; color: var(--muted); }
.reference .more { text-decoration: none; margin-left: 0.3rem; }
.example { border-left: 4px solid var(--line); padding-left: 1rem; margin: 0.75rem 0; }
.diagram { margin: 0.5rem 0; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem; background: #fbfcfd; }
.diagram svg { max-width: 100%; height: auto; }
.diagram svg a:hover polygon, .diagram svg a:focus polygon { stroke-width: 3; }
.site-footer { border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; padding: 1rem 1.25rem 2rem;
  max-width: 60rem; margin: 2rem auto 0; }
.choose { padding-top: 3rem; }
@media print {
  .site-header nav, .skip-link, .lang-switch { display: none; }
  .site-header { background: none; color: var(--fg); padding: 0; }
  .site-header a { color: var(--fg); }
  a { color: var(--fg); text-decoration: none; }
  h2 { break-after: avoid; }
  .diagram { border: 0; }
}
)css";
}

}  // namespace kg::docs

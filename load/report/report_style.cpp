#include "report_style.h"

namespace blogshift::report {

const char* const kReportCss = R"CSS(
:root {
  --ink: #1f2328; --muted: #57606a; --line: #d9dee3; --soft: #f5f7f9; --accent: #1d5a94;
  --ok: #2f6f3e; --ok-bg: #eef6f0; --warn: #8a5a00; --warn-bg: #fdf6e7; --bad: #a4281c; --bad-bg: #fbeeec;
  color-scheme: light;
}
* { box-sizing: border-box; }
body {
  margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "DejaVu Sans", Arial, sans-serif;
}
.page { max-width: 66rem; margin: 0 auto; padding: 2.5rem 1.5rem 4rem; }
a { color: var(--accent); text-underline-offset: 2px; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: -100vw; top: 0; }
.skip:focus { left: 1rem; top: 1rem; z-index: 10; background: #fff; padding: .5rem 1rem; border: 2px solid var(--accent); }
h1 { font-size: 2rem; line-height: 1.2; margin: .2rem 0 .4rem; font-weight: 650; letter-spacing: -.01em; }
h2 { font-size: 1.35rem; margin: 3.2rem 0 1rem; padding-top: 1.2rem; border-top: 1px solid var(--line); font-weight: 620; }
h3 { font-size: 1.05rem; margin: 2rem 0 .6rem; font-weight: 620; }
p { margin: .6rem 0; max-width: 46rem; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: .78rem; color: var(--muted); margin: 0; }
.muted, .meta { color: var(--muted); }
.meta { font-size: .92rem; margin: 0; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .88em; }
.digest { overflow-wrap: anywhere; word-break: break-all; color: var(--muted); }
.wrap { overflow-wrap: anywhere; }
.nowrap { white-space: nowrap; }

nav.toc { margin: 1.8rem 0 0; padding: .9rem 1.1rem; background: var(--soft); border-radius: 8px; }
nav.toc h2 { font-size: .78rem; text-transform: uppercase; letter-spacing: .08em; color: var(--muted);
  margin: 0 0 .4rem; padding: 0; border: 0; font-weight: 600; }
nav.toc ol { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: .2rem 1.4rem; }
nav.toc a { text-decoration: none; }
nav.toc a:hover { text-decoration: underline; }

.verdict { margin-top: 2rem; padding: 1.2rem 1.4rem; border-radius: 8px; border-left: 6px solid var(--ok); background: var(--ok-bg); }
.verdict.no { border-left-color: var(--warn); background: var(--warn-bg); }
.verdict h2 { margin: 0 0 .4rem; padding: 0; border: 0; font-size: 1rem; color: var(--muted); font-weight: 600; }
.verdict .answer { font-size: 1.25rem; line-height: 1.45; margin: 0; max-width: none; }

.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr)); gap: .8rem; margin: 1.4rem 0 0; }
.cards div { border: 1px solid var(--line); border-radius: 8px; padding: .7rem .9rem; background: #fff; }
.cards dt { font-size: .82rem; color: var(--muted); }
.cards dd { margin: .15rem 0 0; font-size: 1.45rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.cards dd small { font-size: .8rem; font-weight: 400; color: var(--muted); }

table { border-collapse: collapse; width: 100%; margin: .8rem 0 1.2rem; font-size: .92rem; }
caption { text-align: left; font-weight: 600; padding: 0 0 .4rem; }
th, td { text-align: left; vertical-align: top; padding: .45rem .7rem .45rem 0; border-bottom: 1px solid var(--line); }
th { font-weight: 600; color: var(--muted); font-size: .85rem; }
tbody th { font-weight: 500; color: var(--ink); font-size: inherit; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.compact { width: auto; min-width: 22rem; }
tr.failed > td:first-child { box-shadow: inset 3px 0 0 var(--bad); padding-left: .6rem; }
td .sub { display: block; color: var(--muted); font-size: .85rem; }
ul.diffs { margin: .2rem 0 0; padding-left: 1.1rem; }
ul.diffs li { margin: .1rem 0; white-space: pre-wrap; }  /* a lost space is a difference too */

.pill { display: inline-block; padding: 0 .5rem; border-radius: 999px; font-size: .78rem; font-weight: 600; line-height: 1.5rem; }
.pill.error, .pill.failed { color: var(--bad); background: var(--bad-bg); }
.pill.warning, .pill.pending { color: var(--warn); background: var(--warn-bg); }
.pill.info { color: var(--muted); background: var(--soft); }
.pill.ok { color: var(--ok); background: var(--ok-bg); }

details { border: 1px solid var(--line); border-radius: 8px; margin: .7rem 0; padding: 0 1rem; }
details > summary { cursor: pointer; padding: .65rem 0; font-weight: 550; }
details[open] > summary { border-bottom: 1px solid var(--line); margin-bottom: .2rem; }
details table { margin-top: .4rem; }
summary .count { color: var(--muted); font-weight: 400; }

figure { margin: 1.2rem 0; }
figcaption { font-size: .9rem; color: var(--muted); margin-top: .3rem; }
svg.plot { width: 100%; height: auto; max-width: 56rem; display: block; }
.none { color: var(--muted); font-style: italic; }
footer { margin-top: 4rem; padding-top: 1rem; border-top: 1px solid var(--line); font-size: .85rem; color: var(--muted); }

@media print {
  @page { margin: 16mm 14mm; }
  body { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  .skip, nav.toc { display: none; }
  section.major { break-before: page; }
  h2 { border-top: 0; margin-top: 0; }
  details { border: 0; padding: 0; }
  details::details-content { content-visibility: visible; display: block; }
  details > summary { list-style: none; padding: .3rem 0; }
  details > summary::-webkit-details-marker { display: none; }
  a { color: inherit; text-decoration: none; }
  tr, figure, .cards div { break-inside: avoid; }
  .verdict { border: 1px solid var(--line); border-left-width: 6px; }
}
)CSS";

}  // namespace blogshift::report

// Turndown (HTML to Markdown in Node, parsing with domino) over the bodies
// transform_bench wrote: NAME.bodies, bodies separated by NUL bytes.
// Prints one line like the transform_bench table; single thread.
// Usage: node turndown_bench.js NODE_MODULES FILE.bodies...
'use strict';
const fs = require('fs');
const path = require('path');
const TurndownService = require(path.join(process.argv[2], 'turndown'));
const td = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced' });
for (const file of process.argv.slice(3)) {
  const text = fs.readFileSync(file, 'utf8');
  const bodies = text.split('\0');
  bodies.pop();  // after the last NUL
  const bytes = bodies.reduce((n, b) => n + Buffer.byteLength(b, 'utf8'), 0);
  let runs = 0, failed = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  do {
    for (const b of bodies) {
      try { td.turndown(b); } catch (e) { if (runs === 0) ++failed; }
    }
    ++runs;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  } while (elapsed < 1.0);
  const seconds = elapsed / runs, mb = bytes / 1e6;
  const name = path.basename(file, '.bodies') + ' [turndown ' + require(path.join(process.argv[2], 'turndown', 'package.json')).version + ']';
  console.log(`${name.padEnd(48)} ${String(bodies.length).padStart(6)} ${mb.toFixed(1).padStart(8)} ` +
              `${seconds.toFixed(3).padStart(8)} ${(mb / seconds).toFixed(1).padStart(9)} ` +
              `${(bodies.length / seconds).toFixed(0).padStart(9)}` + (failed ? `  (${failed} threw)` : ''));
}

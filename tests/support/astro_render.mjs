// astro_render.mjs: Astro 5's Markdown rendering of content-collection entries,
// for astro_agreement.py.
//
//   node astro_render.mjs NODE_MODULES REQUEST.json > response.json
//
// request:  {"smartypants": true, "docs": [{"path": ..., "source": ..., "cmark": ...}]}
// response: [{"astro": HTML | null, "cmark": HTML, "error": null | message}]
//
// Each document goes the way Astro's glob() loader takes an index.md:
// markdownContentEntryType.getEntryInfo (parseFrontmatter with
// "empty-with-spaces", then .trim()), then createMarkdownProcessor with the
// config Astro resolves for a site that sets no `markdown` options (the
// blogshift skeleton sets none: markdownConfigDefaults, i.e. GFM on,
// smartypants on, Shiki github-dark, excludeLangs ["math"]) and image options
// without domains/remotePatterns, rendered with the file's URL (so local
// images are collected as Astro does).
//
// Local images: the processor leaves __ASTRO_IMAGE_="{json}" on such an
// <img>; at build time content/runtime.js updateImageReferencesInBody puts the
// image's attributes there (alt, title, ...) with src = the hashed copy in
// /_astro/. Here src is the original reference instead (the same file, by
// construction), and a reference to a file that does not exist beside the
// document is an error (Astro's build fails on it).
//
// "cmark" is cmark-gfm's HTML (from the caller) parsed by parse5 into a
// fragment and serialised again, as a browser's HTML parser would build it,
// so a raw-HTML fix-up both a browser (cmark side) and rehype-raw (Astro side)
// make is no difference.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const modules = resolve(process.argv[2] ?? "node_modules");
const require = createRequire(join(modules, "noop.js"));
const load = (name) => import(pathToFileURL(require.resolve(name)).href);

const md = await load("@astrojs/markdown-remark");
const { fromHtml } = await load("hast-util-from-html");
const { toHtml } = await load("hast-util-to-html");

const request = JSON.parse(readFileSync(process.argv[3], "utf8"));
const config = {
  ...md.markdownConfigDefaults,
  syntaxHighlight: { ...md.syntaxHighlightDefaults },
  smartypants: request.smartypants !== false,
  image: { domains: [], remotePatterns: [] },
};
const processor = await md.createMarkdownProcessor(config);

const IMAGE = /__ASTRO_IMAGE_="([^"]+)"/g;
const { escape } = await load("html-escaper"); // what updateImageReferencesInBody uses

function resolveImages(html, file) {
  let missing = null;
  const out = html.replace(IMAGE, (_full, json) => {
    const props = JSON.parse(json.replaceAll("&#x22;", '"')); // as Astro decodes it
    const { index, inferSize, src, ...rest } = props;
    const target = resolve(dirname(file), src.split(/[?#]/)[0]);
    if (!existsSync(target)) missing ??= src;
    return Object.entries({ ...rest, src })
      .filter(([, v]) => v) // as Astro does: falsy values, alt="" too, are dropped
      .map(([k, v]) => `${k}="${escape(String(v))}"`)
      .join(" ");
  });
  return { html: out, missing };
}

const results = [];
for (const doc of request.docs) {
  const result = { astro: null, cmark: null, error: null };
  try {
    result.cmark = toHtml(fromHtml(doc.cmark, { fragment: true }));
  } catch (e) {
    result.cmark = doc.cmark;
  }
  try {
    const parsed = md.parseFrontmatter(doc.source, { frontmatter: "empty-with-spaces" });
    const body = parsed.content.trim();
    const file = resolve(doc.path);
    const { code } = await processor.render(body, {
      frontmatter: parsed.frontmatter,
      fileURL: pathToFileURL(file),
    });
    const { html, missing } = resolveImages(code, file);
    result.astro = html;
    if (missing) result.error = `Astro build fails: image not found: ${missing}`;
  } catch (e) {
    result.error = `Astro fails: ${String(e?.message ?? e).split("\n").slice(0, 2).join(" ")}`;
  }
  results.push(result);
}
process.stdout.write(JSON.stringify(results));

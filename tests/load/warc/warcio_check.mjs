// Reads a WARC file with warcio.js (Webrecorder's implementation, installed
// by scripts/install-deps.sh into .tools/node) and prints one tab-separated
// line per record: where warcio found it (offset, length), its type, URI, id,
// date and Content-Length, whether its WARC-Block-Digest and
// WARC-Payload-Digest match the bytes warcio read ("match", "mismatch",
// "absent", "skipped"), and the HTTP status warcio parsed.
//
//   node warcio_check.mjs TOOLS_DIR FILE.warc.gz
//
// warcio.js frames the records (gzip members, Content-Length) and parses the
// HTTP heads; the digests are computed here with node's crypto, over the
// whole block (read without HTTP parsing) and over the payload warcio hands
// back after the HTTP head (a second pass with HTTP parsing).
import { createReadStream } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";

const [toolsDir, file] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(toolsDir), "node_modules") + "/");
const { WARCParser } = require("warcio");

function base32(bytes) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0, value = 0, out = "";
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  while (out.length % 8) out += "=";
  return out;
}

// "match", "mismatch" or "absent" for a digest header against `data`.
function check(header, data) {
  if (!header) return "absent";
  const [algo, value] = header.split(":", 2);
  if (algo === "sha1") return base32(createHash("sha1").update(data).digest()) === value ? "match" : "mismatch";
  if (algo === "sha256") return createHash("sha256").update(data).digest("hex") === value ? "match" : "mismatch";
  return "unknown-algorithm";
}

async function records(parseHttp) {
  const out = [];
  const parser = new WARCParser(createReadStream(file), { parseHttp });
  for await (const record of parser) {
    const data = await record.readFully(false);
    out.push({ record, data: Buffer.from(data), offset: parser.offset, length: parser.recordLength });
  }
  return out;
}

const blocks = await records(false);
const payloads = await records(true);
if (blocks.length !== payloads.length) throw new Error("the two passes found different record counts");
blocks.forEach(({ record, data, offset, length }, i) => {
  const type = record.warcType;
  const http = payloads[i].record.httpHeaders;
  const payload = http && (type === "response" || type === "request") ? payloads[i].data : data;
  const fields = [
    offset,
    length,
    type,
    record.warcTargetURI || "",
    record.warcHeader("WARC-Record-ID") || "",
    record.warcDate || "",
    record.warcContentLength,
    check(record.warcBlockDigest, data),
    type === "revisit" || type === "warcinfo" ? "skipped" : check(record.warcPayloadDigest, payload),
    http && http.statusCode ? String(http.statusCode) : "",
  ];
  process.stdout.write(fields.join("\t") + "\n");
});

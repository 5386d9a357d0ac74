// The staging database schema: version 1 (extract's tables) and the
// migrations to versions 2 (transform's tables), 3 (load's), 4 (incremental
// transform), 5 (fetch's), 6 (feed evidence), 7 (site settings), 8 (site
// authors) and 9 (listing pages). docs/staging-schema.md
// describes every table and which stage writes it; keep the two in step.
#include "staging_schema.h"

namespace blogshift {

const char* const kStagingSchemaV1 = R"SQL(
CREATE TABLE sources (
  id          INTEGER PRIMARY KEY,
  path        TEXT NOT NULL UNIQUE,      -- absolute path of the file or folder
  kind        TEXT NOT NULL,             -- takeout | classic | mirror | warc | page
  size        INTEGER NOT NULL,          -- bytes (a folder: sum of its files)
  sha256      TEXT NOT NULL,             -- a folder: over its sorted "path\0sha256\n" list
  complete    INTEGER NOT NULL DEFAULT 0 -- 1 once every unit was staged or reported
);

CREATE TABLE blogs (
  id     TEXT PRIMARY KEY,               -- Blogger's numeric id, or host:<name>
  title  TEXT
);

CREATE TABLE blog_hosts (
  host     TEXT PRIMARY KEY,             -- lower case host name the blog answered on
  blog_id  TEXT NOT NULL REFERENCES blogs(id)
);

CREATE TABLE authors (
  id       INTEGER PRIMARY KEY,
  blog_id  TEXT NOT NULL REFERENCES blogs(id),
  name     TEXT NOT NULL,
  uri      TEXT NOT NULL DEFAULT '',     -- Blogger profile URI
  UNIQUE (blog_id, name, uri)
);

CREATE TABLE labels (
  id       INTEGER PRIMARY KEY,
  blog_id  TEXT NOT NULL REFERENCES blogs(id),
  name     TEXT NOT NULL,
  UNIQUE (blog_id, name)
);

CREATE TABLE items (
  id               INTEGER PRIMARY KEY,
  blog_id          TEXT NOT NULL REFERENCES blogs(id),
  kind             TEXT NOT NULL CHECK (kind IN ('post','page','comment','settings','template')),
  blogger_id       TEXT,                 -- numeric id from the source; NULL when the source had none
  parent_id        INTEGER REFERENCES items(id),  -- comments: the post, once known
  parent_ref       TEXT,                 -- comments: the parent's blogger id or legacy path as the source gave it
  status           TEXT NOT NULL CHECK (status IN ('LIVE','DRAFT','SCHEDULED','TRASHED','UNKNOWN')),
  status_raw       TEXT,
  title            TEXT,
  author_id        INTEGER REFERENCES authors(id),
  published        TEXT,                 -- as written in the source, offset kept
  published_utc    TEXT,                 -- normalised, ...Z
  published_offset INTEGER,              -- minutes east of UTC; NULL when the source gave none
  updated          TEXT,
  updated_utc      TEXT,
  updated_offset   INTEGER,
  created          TEXT,
  created_utc      TEXT,
  created_offset   INTEGER,
  legacy_path      TEXT,                 -- /YYYY/MM/slug.html or /p/slug.html
  body_html        TEXT,
  body_sha256      TEXT,                 -- SHA-256 of body_html
  evidence         INTEGER NOT NULL,     -- 3 export (4 since version 6, 3 the public feed), 2 permalink page, 1 listing page
  template_family  TEXT,                 -- scraped pages: which template matched
  extra_json       TEXT,
  source_id        INTEGER REFERENCES sources(id),  -- the sighting the fields came from
  source_file      TEXT,
  source_line      INTEGER,
  source_column    INTEGER,
  source_offset    INTEGER
);
CREATE UNIQUE INDEX items_by_blogger_id ON items (blog_id, kind, blogger_id) WHERE blogger_id IS NOT NULL;
CREATE INDEX items_by_path ON items (blog_id, legacy_path);
CREATE INDEX items_by_parent ON items (parent_id);

CREATE TABLE item_labels (
  item_id   INTEGER NOT NULL REFERENCES items(id),
  label_id  INTEGER NOT NULL REFERENCES labels(id),
  PRIMARY KEY (item_id, label_id)
) WITHOUT ROWID;

CREATE TABLE item_urls (
  item_id  INTEGER NOT NULL REFERENCES items(id),
  url      TEXT NOT NULL,
  PRIMARY KEY (item_id, url)
) WITHOUT ROWID;

CREATE TABLE blobs (
  sha256  TEXT PRIMARY KEY,              -- content address
  size    INTEGER NOT NULL,
  bytes   BLOB NOT NULL
);

CREATE TABLE assets (
  id            INTEGER PRIMARY KEY,
  url           TEXT NOT NULL UNIQUE,
  content_type  TEXT,
  size          INTEGER NOT NULL,
  sha256        TEXT NOT NULL REFERENCES blobs(sha256),
  source_id     INTEGER REFERENCES sources(id),
  source_file   TEXT,
  source_offset INTEGER
);

-- Every unit a reader consumed and what became of it: the ledger that lets
-- `verify` prove nothing was dropped. Rewritten whenever its source is read.
CREATE TABLE source_units (
  source_id  INTEGER NOT NULL REFERENCES sources(id),
  seq        INTEGER NOT NULL,           -- order within the source
  file       TEXT NOT NULL,
  line       INTEGER,
  col        INTEGER,
  offset     INTEGER,
  unit       TEXT NOT NULL,              -- post, page, comment, settings, template, asset, or what was skipped
  outcome    TEXT NOT NULL CHECK (outcome IN ('item','asset','skipped','problem')),
  item_id    INTEGER REFERENCES items(id),
  asset_id   INTEGER REFERENCES assets(id),
  detail     TEXT,
  PRIMARY KEY (source_id, seq)
) WITHOUT ROWID;

CREATE TABLE problems (
  id         INTEGER PRIMARY KEY,
  stage      TEXT NOT NULL,              -- extract | transform | load
  source_id  INTEGER REFERENCES sources(id),
  file       TEXT,
  line       INTEGER,
  col        INTEGER,
  offset     INTEGER,
  item       TEXT,
  severity   TEXT NOT NULL CHECK (severity IN ('info','warning','error')),
  code       TEXT NOT NULL,
  message    TEXT NOT NULL
);
CREATE INDEX problems_by_source ON problems (stage, source_id);
)SQL";

// Version 2: what transform writes. Transform replaces all of it on each run.
const char* const kStagingSchemaV2 = R"SQL(
CREATE TABLE documents (
  item_id        INTEGER PRIMARY KEY REFERENCES items(id),
  kind           TEXT NOT NULL CHECK (kind IN ('post','page')),
  slug           TEXT NOT NULL,
  route          TEXT NOT NULL,          -- the new URL path: /2023/07/slug
  path           TEXT NOT NULL UNIQUE,   -- the file, relative to the output folder
  front_matter   TEXT NOT NULL,          -- "---\n...---\n"
  markdown       TEXT NOT NULL,          -- the body
  comments_yaml  TEXT NOT NULL DEFAULT '', -- comments.yaml beside it (--comments), or ''

  source_sha256  TEXT NOT NULL,          -- items.body_sha256 it was made from
  options_sha256 TEXT NOT NULL,          -- of the options that shaped it (re-runs redo only what changed)
  fidelity_passed INTEGER NOT NULL,
  text_recall    REAL NOT NULL,
  break_recall   REAL NOT NULL,
  links_kept     INTEGER NOT NULL,
  links_total    INTEGER NOT NULL,
  images_kept    INTEGER NOT NULL,
  images_total   INTEGER NOT NULL,
  code_ok        INTEGER NOT NULL,
  fidelity_detail TEXT
);
CREATE UNIQUE INDEX documents_by_route ON documents (route);

-- Every link and image of every document and what became of it.
CREATE TABLE document_links (
  item_id   INTEGER NOT NULL REFERENCES documents(item_id),
  seq       INTEGER NOT NULL,
  kind      TEXT NOT NULL CHECK (kind IN ('link','image')),
  url       TEXT NOT NULL,             -- as the post had it
  outcome   TEXT NOT NULL CHECK (outcome IN ('external','rewritten','missing','local','remote')),
  target    TEXT,                      -- the new route, or the local file name
  asset_id  INTEGER REFERENCES assets(id),
  PRIMARY KEY (item_id, seq)
) WITHOUT ROWID;

-- Old URL paths of the blog and the route each now lives at (redirect maps
-- are written from here).
CREATE TABLE redirects (
  old_path  TEXT PRIMARY KEY,          -- /2023/07/slug.html, /p/about.html, ...
  new_route TEXT NOT NULL,
  item_id   INTEGER REFERENCES items(id),
  shape     TEXT NOT NULL              -- post, page, collision-suffix, ...
) WITHOUT ROWID;
)SQL";

// Version 3: what load writes. Load replaces its rows on each run.
const char* const kStagingSchemaV3 = R"SQL(
-- Where a document's images and comments go in the site layout chosen
-- ('' = beside the document, as comments.yaml).
ALTER TABLE documents ADD COLUMN asset_dir TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN comments_path TEXT NOT NULL DEFAULT '';

-- Every file load wrote under the output folder, with the digest it had when
-- written: a re-run leaves alone a file whose bytes no longer match (a person
-- edited it) unless --overwrite is given.
CREATE TABLE written_files (
  path    TEXT PRIMARY KEY,            -- relative to the output folder
  sha256  TEXT NOT NULL,
  size    INTEGER NOT NULL,
  role    TEXT NOT NULL                -- document, asset, comments, redirect-map, report, archive, ...
) WITHOUT ROWID;

-- Full-text search over the migrated documents (`blogshift search`), rebuilt
-- by load from documents, items and labels.
CREATE VIRTUAL TABLE document_search USING fts5(
  title, body, tags,
  item_id UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- The archives, bags and WARC files load made, so `blogshift verify` knows
-- what to re-read and what to expect.
CREATE TABLE outputs (
  path      TEXT PRIMARY KEY,          -- relative to the output folder
  kind      TEXT NOT NULL,             -- tar.gz, tar.zst, zip, bagit, warc, cdxj, redirect-map
  sha256    TEXT,                      -- of the file (NULL for a bag folder)
  size      INTEGER,
  entries   INTEGER NOT NULL,          -- entries, payload files or records inside
  verified  TEXT,                      -- 'ok' or the first problem found, after verify
  detail    TEXT                       -- format-specific JSON
) WITHOUT ROWID;
)SQL";

// Version 4: what makes transform incremental. A document is converted
// again only when what it was made from changed (input_sha256) or when one
// of the plan lookups its links made gives another answer now.
const char* const kStagingSchemaV4 = R"SQL(
-- Digest of everything a document was converted from except the site plan:
-- body, metadata, comments, options, zone, hosts and the transform's own
-- build ('' = unknown, always converted again).
ALTER TABLE documents ADD COLUMN input_sha256 TEXT NOT NULL DEFAULT '';

-- The plan lookups each document's links made while converting, with the
-- answer: a re-run converts the document again when any answer changed
-- (a post it links to appeared, moved or went away).
CREATE TABLE document_lookups (
  item_id  INTEGER NOT NULL REFERENCES documents(item_id),
  kind     TEXT NOT NULL,              -- route | asset
  key      TEXT NOT NULL,              -- old path, or asset_key() of a file
  answer   TEXT NOT NULL,              -- the route, "asset_id content_type size", or '' for none
  PRIMARY KEY (item_id, kind, key)
) WITHOUT ROWID;

-- The document a transform problem concerns (items.id), so that a re-run
-- replaces only the problems of the documents it converts again.
ALTER TABLE problems ADD COLUMN item_id INTEGER;
CREATE INDEX problems_by_item ON problems (stage, item_id);
)SQL";

// Version 5: what fetch writes. Each fetch replaces the rows of its WARC
// file (a resumed crawl's earlier URLs come back as 'held').
const char* const kStagingSchemaV5 = R"SQL(
-- Every URL a crawl decided on, and what became of it.
CREATE TABLE fetched_urls (
  warc_path   TEXT NOT NULL,           -- the WARC file of the crawl, as fetch wrote it
  url         TEXT NOT NULL,
  role        TEXT NOT NULL,           -- robots, home, post, page, label, archive, feed, comment-feed, sitemap, image, attachment, favicon
  outcome     TEXT NOT NULL,           -- fetched | held (in the file from an earlier run) | failed | robots (disallowed)
  http_status INTEGER NOT NULL,        -- the last status seen, 0 when none
  attempts    INTEGER NOT NULL,
  bytes       INTEGER NOT NULL,        -- body bytes as received
  warc_offset INTEGER NOT NULL,        -- of the response record, -1 when none
  error       TEXT NOT NULL DEFAULT '',-- why it failed, or the robots.txt rule
  PRIMARY KEY (warc_path, url)
) WITHOUT ROWID;

-- One row per fetch run, for status and the report.
CREATE TABLE fetch_runs (
  id          INTEGER PRIMARY KEY,
  warc_path   TEXT NOT NULL,
  seeds       TEXT NOT NULL,           -- the URLs asked for, one per line
  started_at  TEXT NOT NULL,           -- UTC, ISO 8601
  seconds     REAL NOT NULL,
  requests    INTEGER NOT NULL,
  bytes       INTEGER NOT NULL,
  fetched     INTEGER NOT NULL,        -- URLs fetched by this run
  held        INTEGER NOT NULL,        -- URLs already in the file
  failed      INTEGER NOT NULL,
  robots      INTEGER NOT NULL,
  refused     INTEGER NOT NULL         -- URLs found but outside the blog's scope
);
)SQL";

// Version 6: the blog's public feeds as a source in a crawl. A feed entry
// ranks between the export and a post's own page, so the export moves from 3
// to 4; a feed entry with only a summary has exact fields but an excerpt for
// a body, so the body keeps a rank of its own.
const char* const kStagingSchemaV6 = R"SQL(
UPDATE items SET evidence = 4 WHERE evidence = 3;
-- The rank of the sighting body_html came from (NULL: the same as evidence).
ALTER TABLE items ADD COLUMN body_evidence INTEGER;
UPDATE items SET body_evidence = evidence;
)SQL";

// Version 7: the site transform planned, for load's site files (the feed):
// which layout the tree is in and the routes load must write at. Transform
// replaces the rows on each run.
const char* const kStagingSchemaV7 = R"SQL(
CREATE TABLE site_settings (
  key    TEXT PRIMARY KEY,             -- layout, feed_route
  value  TEXT NOT NULL
) WITHOUT ROWID;
)SQL";

// Version 8: authors as the new site knows them. Extract keeps the profile
// image a Blogger export gives (gd:image); transform gives every author a
// document names the id its records and front matter use, replacing the
// rows on each run (no foreign key: a re-run of extract may renumber the
// authors, and the transform after it writes the table again).
const char* const kStagingSchemaV8 = R"SQL(
ALTER TABLE authors ADD COLUMN avatar TEXT NOT NULL DEFAULT '';  -- profile image URL, '' when none (or Blogger's placeholder)
CREATE TABLE site_authors (
  site_id          TEXT PRIMARY KEY,     -- content/authors/<site_id>.json; the documents' author field
  name             TEXT NOT NULL,
  profile          TEXT NOT NULL,        -- Blogger profile URI, or ''
  avatar           TEXT NOT NULL,        -- profile image URL, or ''
  avatar_asset_id  INTEGER,              -- assets.id of the staged copy of the avatar, NULL when none
  avatar_file      TEXT NOT NULL         -- its file name in the site (<site_id>.<ext>), '' when none
) WITHOUT ROWID;
CREATE TABLE author_site_ids (
  author_id  INTEGER PRIMARY KEY,      -- authors.id
  site_id    TEXT NOT NULL             -- site_authors.site_id
);
)SQL";

// Version 9: the listing pages the new site needs, one per route (a tag
// page per label a live post carries, a year and a month archive per period
// with a live post, a page per author of live posts), so that every label
// and archive redirect ends on a page the generator builds. Transform
// replaces the rows on each run; load writes them in the layout's form.
const char* const kStagingSchemaV9 = R"SQL(
CREATE TABLE site_listings (
  route   TEXT PRIMARY KEY,            -- /tags/bread/, /archive/2019/02/, /authors/maggie-lindqvist/
  kind    TEXT NOT NULL,               -- tag | year | month | author
  title   TEXT NOT NULL,               -- Bread, 2019, February 2019, Maggie Lindqvist
  year    INTEGER,                     -- year and month archives
  month   INTEGER,                     -- month archives (1-12)
  author  TEXT,                        -- author pages: site_authors.site_id
  posts   INTEGER NOT NULL             -- live posts listed there
) WITHOUT ROWID;
CREATE TABLE site_listing_tags (
  route  TEXT NOT NULL,                -- site_listings.route of a tag page
  tag    TEXT NOT NULL,                -- a label it lists (two labels may share a route: Bread, bread)
  PRIMARY KEY (route, tag)
) WITHOUT ROWID;
)SQL";

}  // namespace blogshift

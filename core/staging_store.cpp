#include "staging_store.h"

#include <algorithm>
#include <tuple>
#include <csignal>
#include <cstdlib>

#include "digest.h"
#include "errors.h"
#include "staging_schema.h"
#include "timestamp.h"

namespace blogshift {

namespace {
constexpr int kUnitsPerCommit = 500;

// Test hook: BLOGSHIFT_TEST_KILL_AFTER_UNITS=N kills the process with SIGKILL
// after the N-th unit, mid-transaction, so tests can prove that a killed
// extract leaves a consistent database. Read once; 0 when unset.
int64_t kill_after_units() {
  static const int64_t n = [] {
    const char* v = std::getenv("BLOGSHIFT_TEST_KILL_AFTER_UNITS");
    return v ? std::atoll(v) : 0;
  }();
  return n;
}

struct TimeColumns {
  std::string utc;
  std::optional<int64_t> offset;
};
// A time written in UTC ("...Z", as Takeout writes every time) says nothing
// about the blog's own zone, so its offset stays unknown (NULL) and another
// sighting (a rendered page's local time) or --timezone can supply it.
TimeColumns time_columns(const std::string& text) {
  TimeColumns out;
  if (auto t = parse_timestamp(text)) {
    out.utc = t->utc;
    const std::string_view trimmed = trim(text);
    const bool zulu = !trimmed.empty() && (trimmed.back() == 'Z' || trimmed.back() == 'z');
    if (t->has_offset && !zulu) out.offset = t->offset_minutes;
  }
  return out;
}
}  // namespace

// Writes one source's units inside rolling transactions.
class StagingStore::Writer : public ExtractSink {
public:
  Writer(Database& db, int64_t source_id) : db_(db), source_id_(source_id) { db_.exec("BEGIN IMMEDIATE"); }
  ~Writer() override {
    if (open_) {
      // Not finished: keep what was staged so far (each unit is whole).
      try { db_.exec("COMMIT"); } catch (...) {}
    }
  }

  void finish() {
    db_.exec(
        // Two indexed look-ups (by Blogger id, then by legacy path): an OR of
        // the two would scan every item for every comment.
        "UPDATE items SET parent_id = COALESCE("
        " (SELECT p.id FROM items p WHERE p.blog_id = items.blog_id AND p.kind IN ('post','page')"
        "  AND p.blogger_id = items.parent_ref),"
        " (SELECT p.id FROM items p WHERE p.blog_id = items.blog_id AND p.legacy_path = items.parent_ref"
        "  AND p.kind IN ('post','page') ORDER BY p.id LIMIT 1))"
        " WHERE kind = 'comment' AND parent_id IS NULL AND parent_ref IS NOT NULL");
    // An author only a losing sighting named (a feed's RSS form names the
    // blog's author without the profile the Atom form gives) stays no one's.
    db_.exec("DELETE FROM authors WHERE id NOT IN (SELECT author_id FROM items WHERE author_id IS NOT NULL)");
    auto& mark = db_.cached("UPDATE sources SET complete = 1 WHERE id = ?");
    mark.bind(1, source_id_).run();
    db_.exec("COMMIT");
    open_ = false;
  }

  void blog(const BlogRecord& blog) override {
    std::string id = resolve_blog(blog.blog_id, blog.hosts);
    if (id.rfind("host:", 0) != 0) adopt_host_blogs(id, blog.hosts);
    auto& upsert = db_.cached(
        "INSERT INTO blogs (id, title) VALUES (?1, ?2)"
        " ON CONFLICT(id) DO UPDATE SET title = COALESCE(blogs.title, excluded.title)");
    upsert.bind(1, id).bind_or_null(2, blog.title).run();
    auto& host = db_.cached("INSERT OR IGNORE INTO blog_hosts (host, blog_id) VALUES (?, ?)");
    for (const auto& h : blog.hosts) host.bind(1, h).bind(2, id).run();
  }

  void item(ItemRecord&& item) override {
    Unit unit(db_);
    stage_item(item);
    unit.release();
    after_unit();
  }

  void asset(AssetRecord&& asset) override {
    Unit unit(db_);
    stage_asset(asset);
    unit.release();
    after_unit();
  }

  void skipped(const SourcePosition& where, const std::string& what, const std::string& why) override {
    ledger(where, what, "skipped", 0, 0, why);
    after_unit();
  }

private:
  // A savepoint around one unit's writes: an exception half-way through
  // rolls back that unit alone, so no half-written item is ever committed.
  class Unit {
  public:
    explicit Unit(Database& db) : db_(db) { db_.exec("SAVEPOINT unit"); }
    ~Unit() {
      if (!released_) {
        char* ignored = nullptr;
        sqlite3_exec(db_.handle(), "ROLLBACK TO unit; RELEASE unit", nullptr, nullptr, &ignored);
        sqlite3_free(ignored);
      }
    }
    void release() {
      db_.exec("RELEASE unit");
      released_ = true;
    }

  private:
    Database& db_;
    bool released_ = false;
  };

  void stage_item(ItemRecord& item) {
    std::string blog_id = ensure_blog(item.blog_id);
    int64_t id = find_item(blog_id, item);
    int64_t author_id = item.author_name.empty() && item.author_uri.empty() ? 0 : ensure_author(blog_id, item);
    if (id == 0) {
      id = insert_item(blog_id, item, author_id);
    } else {
      merge_item(id, item, author_id);
    }
    auto& label = db_.cached("INSERT OR IGNORE INTO labels (blog_id, name) VALUES (?, ?)");
    auto& link = db_.cached(
        "INSERT OR IGNORE INTO item_labels (item_id, label_id)"
        " SELECT ?, id FROM labels WHERE blog_id = ? AND name = ?");
    for (const auto& name : item.labels) {
      label.bind(1, blog_id).bind(2, name).run();
      link.bind(1, id).bind(2, blog_id).bind(3, name).run();
    }
    auto& url = db_.cached("INSERT OR IGNORE INTO item_urls (item_id, url) VALUES (?, ?)");
    for (const auto& u : item.urls) url.bind(1, id).bind(2, u).run();
    ledger(item.position, to_string(item.kind), "item", id, 0, item.legacy_path);
  }

  void stage_asset(const AssetRecord& asset) {
    std::string sha = sha256_hex(asset.bytes);
    auto& blob = db_.cached("INSERT OR IGNORE INTO blobs (sha256, size, bytes) VALUES (?, ?, ?)");
    blob.bind(1, sha).bind(2, static_cast<int64_t>(asset.bytes.size())).bind_blob(3, asset.bytes).run();
    // The first sighting of a URL wins; later ones are recorded in the ledger only.
    auto& insert = db_.cached(
        "INSERT INTO assets (url, content_type, size, sha256, source_id, source_file, source_offset)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO NOTHING");
    insert.bind(1, asset.url)
        .bind_or_null(2, asset.content_type)
        .bind(3, static_cast<int64_t>(asset.bytes.size()))
        .bind(4, sha)
        .bind(5, source_id_)
        .bind(6, asset.position.file);
    if (asset.position.offset >= 0) insert.bind(7, asset.position.offset);
    insert.run();
    auto& find = db_.cached("SELECT id FROM assets WHERE url = ?");
    find.bind(1, asset.url);
    find.step();
    int64_t id = find.column_int(0);
    ledger(asset.position, "asset", "asset", 0, id, asset.url);
  }

public:
  void problem(ProblemRecord&& problem) override {
    insert_problem(db_, problem, source_id_);
    if (problem.severity == Severity::Error && !problem.file_level) {
      ledger(problem.position, "unit", "problem", 0, 0, problem.code);
      after_unit();
    }
  }

private:
  // A blog named only by host ("host:x") joins the real blog that owns the host.
  std::string resolve_blog(const std::string& blog_id, const std::vector<std::string>& hosts) {
    if (blog_id.rfind("host:", 0) != 0) return blog_id;
    std::vector<std::string> candidates = hosts;
    candidates.push_back(blog_id.substr(5));
    auto& find = db_.cached("SELECT blog_id FROM blog_hosts WHERE host = ?");
    for (const auto& h : candidates) {
      find.bind(1, h);
      if (find.step()) {
        std::string owner = find.column_text(0);
        find.reset();
        return owner;
      }
      find.reset();
    }
    return blog_id;
  }

  // A crawl read before the export may have staged the blog under its host
  // name alone ("host:x"). When a blog with a real id claims that host, the
  // host-only blog is folded into it, so the result does not depend on the
  // order the sources were read in.
  void adopt_host_blogs(const std::string& real_id, const std::vector<std::string>& hosts) {
    auto& owner = db_.cached("SELECT blog_id FROM blog_hosts WHERE host = ?");
    for (const auto& host : hosts) {
      owner.bind(1, host);
      std::string pseudo = owner.step() ? owner.column_text(0) : std::string();
      owner.reset();
      if (pseudo.rfind("host:", 0) == 0) fold_blog(pseudo, real_id);
    }
  }

  void fold_blog(const std::string& from, const std::string& into) {
    auto run = [&](const char* sql) {
      auto st = db_.prepare(sql);
      st.bind(1, from).bind(2, into).run();
    };
    run("INSERT OR IGNORE INTO blogs (id, title) SELECT ?2, title FROM blogs WHERE id = ?1");
    // Labels and authors: the receiving blog's rows, by name (and profile).
    run("INSERT OR IGNORE INTO labels (blog_id, name) SELECT ?2, name FROM labels WHERE blog_id = ?1");
    run("UPDATE OR IGNORE item_labels SET label_id = (SELECT r.id FROM labels r JOIN labels f ON f.name = r.name"
        " WHERE f.id = item_labels.label_id AND r.blog_id = ?2)"
        " WHERE label_id IN (SELECT id FROM labels WHERE blog_id = ?1)");
    run("DELETE FROM item_labels WHERE label_id IN (SELECT id FROM labels WHERE blog_id = ?1) AND ?2 = ?2");
    run("INSERT OR IGNORE INTO authors (blog_id, name, uri, avatar) SELECT ?2, name, uri, avatar FROM authors"
        " WHERE blog_id = ?1");
    run("UPDATE items SET author_id = (SELECT r.id FROM authors r JOIN authors f ON f.name = r.name AND f.uri = r.uri"
        " WHERE f.id = items.author_id AND r.blog_id = ?2)"
        " WHERE author_id IN (SELECT id FROM authors WHERE blog_id = ?1)");
    // Items: one already in the receiving blog absorbs its twin; the rest move.
    auto items = db_.prepare("SELECT id, kind, COALESCE(blogger_id, ''), COALESCE(legacy_path, '') FROM items"
                             " WHERE blog_id = ? ORDER BY id");
    items.bind(1, from);
    std::vector<std::tuple<int64_t, std::string, std::string, std::string>> moving;
    while (items.step())
      moving.emplace_back(items.column_int(0), items.column_text(1), items.column_text(2), items.column_text(3));
    for (const auto& [id, kind, blogger_id, path] : moving) {
      auto twin = db_.prepare(
          "SELECT id FROM items WHERE blog_id = ?1 AND kind = ?2 AND ((?3 <> '' AND blogger_id = ?3)"
          " OR (?4 <> '' AND legacy_path = ?4 AND (blogger_id IS NULL OR ?3 = '' OR blogger_id = ?3)))"
          " ORDER BY id LIMIT 1");
      twin.bind(1, into).bind(2, kind).bind(3, blogger_id).bind(4, path);
      if (!twin.step()) {
        auto move = db_.prepare("UPDATE items SET blog_id = ? WHERE id = ?");
        move.bind(1, into).bind(2, id).run();
        continue;
      }
      const int64_t keep = twin.column_int(0);
      for (const char* sql : {"UPDATE OR IGNORE item_urls SET item_id = ?2 WHERE item_id = ?1",
                              "UPDATE OR IGNORE item_labels SET item_id = ?2 WHERE item_id = ?1",
                              "DELETE FROM item_urls WHERE item_id = ?1 AND ?2 = ?2",
                              "DELETE FROM item_labels WHERE item_id = ?1 AND ?2 = ?2",
                              "UPDATE source_units SET item_id = ?2 WHERE item_id = ?1",
                              "UPDATE items SET parent_id = ?2 WHERE parent_id = ?1",
                              "DELETE FROM items WHERE id = ?1 AND ?2 = ?2"}) {
        auto st = db_.prepare(sql);
        st.bind(1, id).bind(2, keep).run();
      }
    }
    run("DELETE FROM labels WHERE blog_id = ?1 AND ?2 = ?2");
    run("DELETE FROM authors WHERE blog_id = ?1 AND ?2 = ?2");
    run("UPDATE blog_hosts SET blog_id = ?2 WHERE blog_id = ?1");
    run("DELETE FROM blogs WHERE id = ?1 AND ?2 = ?2");
  }

  std::string ensure_blog(const std::string& blog_id) {
    // A page that named neither blog id nor host still belongs to some blog.
    std::string id = resolve_blog(blog_id.empty() ? "host:unknown" : blog_id, {});
    auto& insert = db_.cached("INSERT OR IGNORE INTO blogs (id) VALUES (?)");
    insert.bind(1, id).run();
    if (id.rfind("host:", 0) == 0) {
      auto& host = db_.cached("INSERT OR IGNORE INTO blog_hosts (host, blog_id) VALUES (?, ?)");
      host.bind(1, id.substr(5)).bind(2, id).run();
    }
    return id;
  }

  // A Blogger profile URI names one person whatever name a page printed for
  // it; without a URI, the name is all there is.
  int64_t ensure_author(const std::string& blog_id, const ItemRecord& item) {
    const int64_t id = find_or_add_author(blog_id, item);
    if (!item.author_avatar.empty()) {  // the latest sighting's image: profiles change theirs
      auto& avatar = db_.cached("UPDATE authors SET avatar = ? WHERE id = ? AND avatar <> ?1");
      avatar.bind(1, item.author_avatar).bind(2, id).run();
    }
    return id;
  }

  int64_t find_or_add_author(const std::string& blog_id, const ItemRecord& item) {
    if (!item.author_uri.empty()) {
      auto& by_uri = db_.cached("SELECT id, name FROM authors WHERE blog_id = ? AND uri = ? ORDER BY id LIMIT 1");
      by_uri.bind(1, blog_id).bind(2, item.author_uri);
      if (by_uri.step()) {
        const int64_t id = by_uri.column_int(0);
        if (by_uri.column_text(1).empty() && !item.author_name.empty()) {
          auto& name = db_.cached("UPDATE authors SET name = ? WHERE id = ?");
          name.bind(1, item.author_name).bind(2, id).run();
        }
        return id;
      }
    }
    auto& insert = db_.cached("INSERT OR IGNORE INTO authors (blog_id, name, uri) VALUES (?, ?, ?)");
    insert.bind(1, blog_id).bind(2, item.author_name).bind(3, item.author_uri).run();
    auto& find = db_.cached("SELECT id FROM authors WHERE blog_id = ? AND name = ? AND uri = ?");
    find.bind(1, blog_id).bind(2, item.author_name).bind(3, item.author_uri);
    find.step();
    return find.column_int(0);
  }

  // The same item seen before: by Blogger id, else by legacy path (a
  // scraped page without ids meets the export's entry for the same post).
  int64_t find_item(const std::string& blog_id, const ItemRecord& item) {
    const char* kind = to_string(item.kind);
    if (!item.blogger_id.empty()) {
      auto& by_id = db_.cached("SELECT id FROM items WHERE blog_id = ? AND kind = ? AND blogger_id = ?");
      by_id.bind(1, blog_id).bind(2, kind).bind(3, item.blogger_id);
      if (by_id.step()) return by_id.column_int(0);
    }
    if (!item.legacy_path.empty() && item.kind != ItemKind::Settings && item.kind != ItemKind::Template) {
      // Only adopt an item whose id does not contradict ours.
      auto& by_path = db_.cached(
          "SELECT id FROM items WHERE blog_id = ? AND kind = ? AND legacy_path = ?"
          " AND (blogger_id IS NULL OR ?4 = '' OR blogger_id = ?4) ORDER BY id LIMIT 1");
      by_path.bind(1, blog_id).bind(2, kind).bind(3, item.legacy_path).bind(4, item.blogger_id);
      if (by_path.step()) return by_path.column_int(0);
    }
    return 0;
  }

  int64_t insert_item(const std::string& blog_id, const ItemRecord& item, int64_t author_id) {
    auto& insert = db_.cached(
        "INSERT INTO items (blog_id, kind, blogger_id, parent_ref, status, status_raw, title, author_id,"
        " published, published_utc, published_offset, updated, updated_utc, updated_offset,"
        " created, created_utc, created_offset, legacy_path, body_html, body_sha256, evidence,"
        " template_family, extra_json, source_id, source_file, source_line, source_column, source_offset,"
        " body_evidence)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,"
        " ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)");
    insert.bind(1, blog_id).bind(2, to_string(item.kind)).bind_or_null(3, item.blogger_id);
    bind_item_fields(insert, item, author_id, 4);
    insert.run();
    return db_.last_insert_rowid();
  }

  // Columns 4.. of the insert; merge uses the same order.
  void bind_item_fields(Statement& s, const ItemRecord& item, int64_t author_id, int first) {
    int i = first;
    std::string parent_ref = !item.parent_blogger_id.empty() ? item.parent_blogger_id : item.parent_path;
    s.bind_or_null(i++, parent_ref);
    s.bind(i++, to_string(item.status));
    s.bind_or_null(i++, item.status_raw);
    s.bind(i++, item.title);
    if (author_id > 0) s.bind(i++, author_id); else s.bind_null(i++);
    for (const std::string* t : {&item.published, &item.updated, &item.created}) {
      TimeColumns tc = time_columns(*t);
      s.bind_or_null(i++, *t);
      s.bind_or_null(i++, tc.utc);
      if (tc.offset) s.bind(i++, *tc.offset); else s.bind_null(i++);
    }
    s.bind_or_null(i++, item.legacy_path);
    s.bind(i++, item.body_html);
    s.bind(i++, sha256_hex(item.body_html));
    s.bind(i++, static_cast<int64_t>(item.evidence));
    s.bind_or_null(i++, item.template_family);
    s.bind_or_null(i++, item.extra_json);
    s.bind(i++, source_id_);
    s.bind(i++, item.position.file);
    if (item.position.line > 0) s.bind(i++, item.position.line); else s.bind_null(i++);
    if (item.position.column > 0) s.bind(i++, item.position.column); else s.bind_null(i++);
    if (item.position.offset >= 0) s.bind(i++, item.position.offset); else s.bind_null(i++);
    s.bind(i++, body_rank(item));
  }

  static int64_t body_rank(const ItemRecord& item) {
    return static_cast<int64_t>(item.body_evidence.value_or(item.evidence));
  }

  // Stronger evidence replaces what it has; equal or weaker only fills gaps.
  // The body goes by its own rank (body_evidence: a feed's summary is an
  // excerpt): a stronger body replaces it whatever the other fields do.
  // Either way the result does not depend on the order sources are read in
  // (for different evidence levels), and re-reading changes nothing.
  void merge_item(int64_t id, const ItemRecord& item, int64_t author_id) {
    auto& current = db_.cached("SELECT evidence FROM items WHERE id = ?");
    current.bind(1, id);
    current.step();
    const bool stronger = static_cast<int64_t>(item.evidence) > current.column_int(0);
    if (stronger) {
      auto& update = db_.cached(
          "UPDATE items SET parent_ref = COALESCE(?4, parent_ref), status = ?5, status_raw = ?6,"
          " title = CASE WHEN ?7 = '' THEN title ELSE ?7 END, author_id = COALESCE(?8, author_id),"
          " published = COALESCE(?9, published), published_utc = COALESCE(?10, published_utc),"
          " published_offset = COALESCE(?11, published_offset), updated = COALESCE(?12, updated),"
          " updated_utc = COALESCE(?13, updated_utc), updated_offset = COALESCE(?14, updated_offset),"
          " created = COALESCE(?15, created), created_utc = COALESCE(?16, created_utc),"
          " created_offset = COALESCE(?17, created_offset), legacy_path = COALESCE(?18, legacy_path),"
          " body_html = CASE WHEN ?29 > COALESCE(body_evidence, evidence) THEN ?19 ELSE body_html END,"
          " body_sha256 = CASE WHEN ?29 > COALESCE(body_evidence, evidence) THEN ?20 ELSE body_sha256 END,"
          " body_evidence = MAX(?29, COALESCE(body_evidence, evidence)), evidence = ?21, template_family = ?22,"
          " extra_json = COALESCE(?23, extra_json), source_id = ?24, source_file = ?25, source_line = ?26,"
          " source_column = ?27, source_offset = ?28, blogger_id = COALESCE(blogger_id, ?3)"
          " WHERE id = ?1");
      update.bind(1, id).bind_or_null(3, item.blogger_id);
      bind_item_fields(update, item, author_id, 4);
      update.run();
    } else {
      auto& fill = db_.cached(
          "UPDATE items SET blogger_id = COALESCE(blogger_id, ?2), parent_ref = COALESCE(parent_ref, ?3),"
          " title = CASE WHEN COALESCE(title, '') = '' THEN ?4 ELSE title END,"
          " author_id = COALESCE(author_id, ?5), published = COALESCE(published, ?6),"
          " published_utc = COALESCE(published_utc, ?7), published_offset = COALESCE(published_offset, ?8),"
          " legacy_path = COALESCE(legacy_path, ?9), updated = COALESCE(updated, ?10),"
          " updated_utc = COALESCE(updated_utc, ?11), updated_offset = COALESCE(updated_offset, ?12),"
          " body_html = CASE WHEN ?13 > COALESCE(body_evidence, evidence) THEN ?14 ELSE body_html END,"
          " body_sha256 = CASE WHEN ?13 > COALESCE(body_evidence, evidence) THEN ?15 ELSE body_sha256 END,"
          " body_evidence = MAX(?13, COALESCE(body_evidence, evidence)) WHERE id = ?1");
      TimeColumns tc = time_columns(item.published);
      TimeColumns updated = time_columns(item.updated);
      fill.bind(1, id).bind_or_null(2, item.blogger_id);
      fill.bind_or_null(3, !item.parent_blogger_id.empty() ? item.parent_blogger_id : item.parent_path);
      fill.bind(4, item.title);
      if (author_id > 0) fill.bind(5, author_id); else fill.bind_null(5);
      fill.bind_or_null(6, item.published).bind_or_null(7, tc.utc);
      if (tc.offset) fill.bind(8, *tc.offset); else fill.bind_null(8);
      fill.bind_or_null(9, item.legacy_path);
      fill.bind_or_null(10, item.updated).bind_or_null(11, updated.utc);
      if (updated.offset) fill.bind(12, *updated.offset); else fill.bind_null(12);
      fill.bind(13, body_rank(item)).bind(14, item.body_html).bind(15, sha256_hex(item.body_html));
      fill.run();
    }
  }

  void ledger(const SourcePosition& pos, const std::string& unit, const char* outcome, int64_t item_id,
              int64_t asset_id, const std::string& detail) {
    auto& insert = db_.cached(
        "INSERT INTO source_units (source_id, seq, file, line, col, offset, unit, outcome, item_id, asset_id, detail)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, source_id_).bind(2, ++seq_).bind(3, pos.file);
    if (pos.line > 0) insert.bind(4, pos.line);
    if (pos.column > 0) insert.bind(5, pos.column);
    if (pos.offset >= 0) insert.bind(6, pos.offset);
    insert.bind(7, unit).bind(8, outcome);
    if (item_id > 0) insert.bind(9, item_id);
    if (asset_id > 0) insert.bind(10, asset_id);
    insert.bind_or_null(11, detail).run();
  }

  // Commits every kUnitsPerCommit units, between units only.
  void after_unit() {
    if (kill_after_units() > 0 && seq_ >= kill_after_units()) std::raise(SIGKILL);
    if (++since_commit_ >= kUnitsPerCommit) {
      db_.exec("COMMIT; BEGIN IMMEDIATE");
      since_commit_ = 0;
    }
  }

  Database& db_;
  int64_t source_id_;
  int64_t seq_ = 0;
  int since_commit_ = 0;
  bool open_ = true;
};

StagingStore::StagingStore(const std::string& path) : db_(path) {
  const int64_t version = db_.user_version();
  if (version > kStagingSchemaVersion) {
    throw FatalError(path, "staging database has schema version " + std::to_string(version) +
                               ", this blogshift knows versions up to " + std::to_string(kStagingSchemaVersion),
                     "use the blogshift that wrote it, or extract into a new --db");
  }
  if (version < kStagingSchemaVersion) {
    // Older databases are brought up to date in one transaction.
    Transaction t(db_);
    if (version < 1) db_.exec(kStagingSchemaV1);
    if (version < 2) db_.exec(kStagingSchemaV2);
    if (version < 3) db_.exec(kStagingSchemaV3);
    if (version < 4) db_.exec(kStagingSchemaV4);
    if (version < 5) db_.exec(kStagingSchemaV5);
    if (version < 6) db_.exec(kStagingSchemaV6);
    if (version < 7) db_.exec(kStagingSchemaV7);
    if (version < 8) db_.exec(kStagingSchemaV8);
    if (version < 9) db_.exec(kStagingSchemaV9);
    db_.exec("PRAGMA user_version = " + std::to_string(kStagingSchemaVersion));
    t.commit();
  }
}

StagingStore::~StagingStore() = default;

std::pair<int64_t, int64_t> StagingStore::recorded_problems(const std::string& path) {
  auto count = db_.prepare(
      "SELECT COALESCE(SUM(p.severity = 'error'), 0), COALESCE(SUM(p.severity = 'warning'), 0)"
      " FROM problems p JOIN sources s ON s.id = p.source_id WHERE s.path = ? AND p.stage = 'extract'");
  count.bind(1, path);
  count.step();
  return {count.column_int(0), count.column_int(1)};
}

bool StagingStore::is_complete(const SourceInfo& source) {
  auto find = db_.prepare("SELECT 1 FROM sources WHERE path = ? AND size = ? AND sha256 = ? AND complete = 1");
  find.bind(1, source.path).bind(2, source.size).bind(3, source.sha256);
  return find.step();
}

ExtractSink& StagingStore::begin_source(const SourceInfo& source) {
  writer_.reset();
  Transaction t(db_);
  auto upsert = db_.prepare(
      "INSERT INTO sources (path, kind, size, sha256, complete) VALUES (?, ?, ?, ?, 0)"
      " ON CONFLICT(path) DO UPDATE SET kind = excluded.kind, size = excluded.size,"
      " sha256 = excluded.sha256, complete = 0");
  upsert.bind(1, source.path).bind(2, source.kind).bind(3, source.size).bind(4, source.sha256).run();
  auto find = db_.prepare("SELECT id FROM sources WHERE path = ?");
  find.bind(1, source.path);
  find.step();
  const int64_t id = find.column_int(0);
  auto clear_units = db_.prepare("DELETE FROM source_units WHERE source_id = ?");
  clear_units.bind(1, id).run();
  auto clear_problems = db_.prepare("DELETE FROM problems WHERE stage = 'extract' AND source_id = ?");
  clear_problems.bind(1, id).run();
  t.commit();
  writer_ = std::make_unique<Writer>(db_, id);
  return *writer_;
}

void StagingStore::end_source() {
  if (writer_) writer_->finish();
  writer_.reset();
}

void StagingStore::abandon_source() { writer_.reset(); }

void StagingStore::record_problem(const ProblemRecord& problem) { insert_problem(db_, problem); }

void insert_problem(Database& db, const ProblemRecord& p, int64_t source_id) {
  auto& insert = db.cached(
      "INSERT INTO problems (stage, source_id, file, line, col, offset, item, severity, code, message, item_id)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, p.stage);
  if (source_id > 0) insert.bind(2, source_id);
  insert.bind_or_null(3, p.position.file);
  if (p.position.line > 0) insert.bind(4, p.position.line);
  if (p.position.column > 0) insert.bind(5, p.position.column);
  if (p.position.offset >= 0) insert.bind(6, p.position.offset);
  insert.bind_or_null(7, p.item).bind(8, to_string(p.severity)).bind(9, p.code).bind(10, p.message);
  if (p.item_id > 0) insert.bind(11, p.item_id);
  insert.run();
}

}  // namespace blogshift

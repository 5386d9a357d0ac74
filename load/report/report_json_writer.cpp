#include "report_json_writer.h"

#include <vector>

#include "json_writer.h"
#include "report_markup.h"

namespace blogshift {
namespace {

// A streaming JSON writer that indents: each member or element on its own
// line. The caller keeps the nesting right; keys come in the order written.
class JsonOut {
public:
  JsonOut& object() { return open('{'); }
  JsonOut& array() { return open('['); }
  JsonOut& end() {
    const bool empty = counts_.back() == 0;
    const char close = closers_.back();
    counts_.pop_back();
    closers_.pop_back();
    if (!empty) newline();
    out_ += close;
    return *this;
  }
  JsonOut& key(std::string_view name) {
    item();
    out_ += json_quote(name) + ": ";
    pending_key_ = true;
    return *this;
  }
  JsonOut& value(std::string_view text) { return raw(json_quote(text)); }
  JsonOut& value(const char* text) { return value(std::string_view(text)); }
  JsonOut& value(int64_t n) { return raw(std::to_string(n)); }
  JsonOut& value(bool b) { return raw(b ? "true" : "false"); }
  JsonOut& value(double d) {
    const std::string n = report::format_number(d);  // "" for NaN and infinities
    return n.empty() ? null() : raw(n);
  }
  JsonOut& null() { return raw("null"); }
  // A value that is null when `known` is false.
  JsonOut& maybe(bool known, int64_t n) { return known ? value(n) : null(); }
  JsonOut& maybe_text(std::string_view text) { return text.empty() ? null() : value(text); }

  JsonOut& field(std::string_view name, std::string_view text) { return key(name).value(text); }
  JsonOut& field(std::string_view name, const char* text) { return key(name).value(text); }
  JsonOut& field(std::string_view name, const std::string& text) { return key(name).value(std::string_view(text)); }
  JsonOut& field(std::string_view name, int64_t n) { return key(name).value(n); }
  JsonOut& field(std::string_view name, bool b) { return key(name).value(b); }
  JsonOut& field(std::string_view name, double d) { return key(name).value(d); }

  std::string take() { return std::move(out_) + "\n"; }

private:
  JsonOut& open(char c) {
    raw(std::string(1, c));
    counts_.push_back(0);
    closers_.push_back(c == '{' ? '}' : ']');
    return *this;
  }
  JsonOut& raw(const std::string& text) {
    if (!pending_key_) item();
    pending_key_ = false;
    out_ += text;
    return *this;
  }
  // Separates this member or element from the one before it.
  void item() {
    if (counts_.empty()) return;
    if (counts_.back()++ > 0) out_ += ',';
    newline();
  }
  void newline() {
    out_ += '\n';
    out_.append(2 * counts_.size(), ' ');
  }

  std::string out_;
  std::vector<int64_t> counts_;
  std::vector<char> closers_;
  bool pending_key_ = false;
};

void strings(JsonOut& j, std::string_view name, const std::vector<std::string>& list) {
  j.key(name).array();
  for (const auto& s : list) j.value(std::string_view(s));
  j.end();
}

void links(JsonOut& j, std::string_view name, const std::vector<ReportData::Link>& list) {
  j.key(name).array();
  for (const auto& l : list)
    j.object().field("path", l.path).field("route", l.route).field("title", l.title).field("url", l.url).end();
  j.end();
}

void output(JsonOut& j, const ReportData::Output& o, bool map) {
  j.object().field("path", o.path);
  if (map) j.key("format").maybe_text(o.format).field("rules", o.entries);
  else j.field("kind", o.kind).field("entries", o.entries);
  j.key("size").maybe(o.size >= 0, o.size).key("sha256").maybe_text(o.sha256);
  j.key("verified").maybe_text(o.verified).key("detail").maybe_text(o.detail).end();
}

void problems(JsonOut& j, const ReportData& d) {
  j.key("problems").object();
  j.field("total", d.problems_total()).field("error", d.problems_error).field("warning", d.problems_warning);
  j.field("info", d.problems_info).key("groups").array();
  for (const auto& g : d.problems) {
    j.object().field("code", g.code).field("severity", g.severity);
    strings(j, "stages", g.stages);
    j.field("count", static_cast<int64_t>(g.rows.size())).key("rows").array();
    for (const auto& p : g.rows) {
      j.object().field("stage", p.stage).key("file").maybe_text(p.file);
      j.key("line").maybe(p.line > 0, p.line).key("col").maybe(p.col > 0, p.col);
      j.key("offset").maybe(p.offset >= 0, p.offset).key("item").maybe_text(p.item);
      j.field("message", p.message).end();
    }
    j.end().end();
  }
  j.end().end();
}

void fidelity(JsonOut& j, const ReportData& d) {
  const auto documents = static_cast<int64_t>(d.fidelity.size());
  j.key("fidelity").object().field("documents", documents).field("passed", d.fidelity_passed);
  j.field("failed", documents - d.fidelity_passed).key("text_recall_histogram").array();
  for (const auto& b : d.recall_histogram)
    j.object().field("from", b.from).field("to", b.to).field("label", b.label).field("documents", b.documents).end();
  j.end().key("documents_worst_first").array();
  for (const auto& f : d.fidelity) {
    j.object().field("path", f.path).field("route", f.route).field("title", f.title).field("kind", f.kind);
    j.field("status", f.status).field("passed", f.passed).field("text_recall", f.text_recall);
    j.field("break_recall", f.break_recall).field("links_kept", f.links_kept).field("links_total", f.links_total);
    j.field("images_kept", f.images_kept).field("images_total", f.images_total).field("code_ok", f.code_ok);
    strings(j, "differences", f.differences);
    j.end();
  }
  j.end().end();
}

void fetch_tally(JsonOut& j, const ReportData::FetchTally& t) {
  j.field("urls", t.urls).field("fetched", t.fetched).field("held", t.held).field("failed", t.failed);
  j.field("robots", t.robots);
}

void fetch(JsonOut& j, const ReportData& d) {
  const auto& f = d.fetch;
  if (!f.any()) return;  // no crawl: no "fetch" at all
  j.key("fetch").object().key("totals").object();
  fetch_tally(j, f.total);
  j.field("out_of_scope", f.out_of_scope).field("bytes", f.bytes).end().key("files").array();
  for (const auto& file : f.files) {
    j.object().field("warc_path", file.warc_path);
    fetch_tally(j, file.total);
    j.field("out_of_scope", file.out_of_scope).field("bytes", file.bytes).key("by_role").array();
    for (const auto& t : file.by_role) {
      j.object().field("role", t.role);
      fetch_tally(j, t);
      j.end();
    }
    j.end().end();
  }
  j.end().key("runs").array();
  for (const auto& run : f.runs) {
    j.object().field("warc_path", run.warc_path).field("started_at", run.started_at);
    j.field("seed_count", run.seed_count);
    strings(j, "seeds", run.seeds);
    j.field("seconds", run.seconds).field("requests", run.requests).field("bytes", run.bytes);
    j.field("fetched", run.fetched).field("held", run.held).field("failed", run.failed).field("robots", run.robots);
    j.field("out_of_scope", run.out_of_scope).end();
  }
  j.end().key("failed").object().field("count", f.failed_count).key("urls").array();
  for (const auto& u : f.failed) {
    j.object().field("url", u.url).field("role", u.role).key("status").maybe(u.status > 0, u.status);
    j.field("attempts", u.attempts).field("error", u.error).field("warc_path", u.warc_path).end();
  }
  j.end().end().key("robots").object().field("count", f.robots_count).key("by_rule").array();
  for (const auto& rule : f.robots_rules) j.object().field("rule", rule.rule).field("urls", rule.urls).end();
  j.end().key("urls").array();
  for (const auto& u : f.robots)
    j.object().field("url", u.url).field("role", u.role).field("rule", u.error).field("warc_path", u.warc_path).end();
  j.end().end().end();
}

}  // namespace

std::string report_json(const ReportData& d, const ReportOptions& options) {
  JsonOut j;
  j.object().field("report_version", static_cast<int64_t>(kReportJsonVersion));
  if (!options.generated_at.empty()) j.field("generated_at", options.generated_at);
  j.field("switch_off", d.switch_off).field("verdict", verdict_sentence(d)).key("reasons").array();
  for (const auto& r : d.reasons)
    j.object().field("what", r.what).field("section", r.section).field("text", r.text).field("count", r.count).end();
  j.end();

  j.key("blogs").array();
  for (const auto& b : d.blogs) {
    j.object().field("id", b.id).field("title", b.title);
    strings(j, "hosts", b.hosts);
    j.end();
  }
  j.end().key("sources").array();
  for (const auto& s : d.sources)
    j.object().field("path", s.path).field("kind", s.kind).field("size", s.size).field("sha256", s.sha256)
        .field("complete", s.complete).end();
  j.end();
  fetch(j, d);

  const auto& m = d.migrated;
  j.key("migrated").object().field("posts", m.posts).field("pages", m.pages).field("drafts", m.drafts);
  j.field("comments", m.comments).field("comments_written", m.comments_written);
  j.field("images_local", m.images_local).field("images_remote", m.images_remote);
  j.field("links_rewritten", m.links_rewritten).field("links_external", m.links_external);
  j.field("links_missing", m.links_missing).end();
  j.key("authors").array();
  for (const auto& a : d.authors)
    j.object().field("id", a.id).field("name", a.name).field("profile", a.profile).field("avatar", a.avatar)
        .field("avatar_local", a.avatar_local).field("documents", a.documents).end();
  j.end();
  j.key("not_migrated").array();
  for (const auto& n : d.not_migrated)
    j.object().field("what", n.what).field("reason", n.reason).field("count", n.count).end();
  j.end().key("by_year").array();
  for (const auto& y : d.years) {
    j.object().key("year").maybe(y.year != 0, y.year).field("posts", y.posts).field("pages", y.pages);
    j.field("drafts", y.drafts).field("comments", y.comments).field("images_local", y.images_local);
    j.field("images_remote", y.images_remote).end();
  }
  j.end().key("posts_per_month").array();
  for (const auto& month : d.months) j.object().field("month", month.month).field("posts", month.posts).end();
  j.end();

  problems(j, d);
  fidelity(j, d);
  links(j, "remote_images", d.remote_images);
  links(j, "missing_links", d.missing_links);

  j.key("redirects").object().field("total", d.redirects_total);
  j.field("documents_with_old_path", d.documents_with_legacy_path).field("documents_redirected", d.documents_redirected);
  j.key("by_shape").array();
  for (const auto& s : d.redirect_shapes) j.object().field("shape", s.shape).field("count", s.count).end();
  j.end().key("maps").array();
  for (const auto& o : d.redirect_maps) output(j, o, true);
  j.end().end();

  j.key("archives").object().field("total", static_cast<int64_t>(d.archives.size()));
  j.field("verified", d.archives_verified).field("failed", d.archives_failed).key("items").array();
  for (const auto& o : d.archives) output(j, o, false);
  j.end();
  // This copy sits inside a bag: the bag is not among the items, and is verified on its own.
  j.key("inside_bag");
  if (d.inside_bag.empty()) j.null();
  else j.object().field("path", d.inside_bag).field("verified", "separately").end();
  j.end();
  return j.end().take();
}

}  // namespace blogshift

#include "report_html_writer.h"

#include <algorithm>

#include "report_markup.h"
#include "report_style.h"
#include "report_svg_plots.h"

namespace blogshift {
namespace {

using report::escape;
using report::format_count;
using report::format_percent;

// A list longer than this sits in a closed <details>, so the page stays short.
constexpr size_t kOpenListLimit = 20;

std::string plural(int64_t n, const char* one, const char* many) {
  return format_count(n) + " " + (n == 1 ? one : many);
}

std::string count_cell(const std::string& name, int64_t n) {
  return "<td class=\"num\" id=\"count-" + name + "\" data-count=\"" + std::to_string(n) + "\">" + format_count(n) +
         "</td>";
}

std::string num_cell(int64_t n) { return "<td class=\"num\">" + format_count(n) + "</td>"; }

std::string none(const std::string& text) { return "<p class=\"none\">" + escape(text) + "</p>\n"; }

struct Section {
  const char* id;
  const char* title;
};
constexpr Section kSections[] = {
    {"verdict", "Can I switch the old site off?"},
    {"migrated", "What was migrated"},
    {"not-migrated", "What was not migrated, and why"},
    {"problems", "Problems"},
    {"fidelity", "Fidelity of every document"},
    {"remote-images", "Images still remote"},
    {"missing-links", "Links to old posts not found"},
    {"redirects", "Redirects"},
    {"archives", "Archives"},
    {"fetch", "Fetched from the live blog"},
    {"sources", "Sources read"},
};

std::string open_section(const Section& s) {
  return "<section id=\"" + std::string(s.id) + "\" class=\"major\" aria-labelledby=\"" + s.id + "-h\">\n<h2 id=\"" +
         s.id + "-h\">" + escape(s.title) + "</h2>\n";
}

// Opens a <details> around a long list; returns "" (and the list stays in
// the page as it is) for a short one.
std::string open_list(size_t rows, const std::string& summary, bool open = false) {
  if (rows <= kOpenListLimit && !open) return {};
  return std::string("<details") + (open ? " open" : "") + "><summary>" + summary + "</summary>\n";
}
std::string close_list(size_t rows, bool open = false) { return rows <= kOpenListLimit && !open ? "" : "</details>\n"; }

std::string where(const ReportData::Problem& p) {
  std::string at = p.file;
  if (p.line > 0) {
    at += ":" + std::to_string(p.line);
    if (p.col > 0) at += ":" + std::to_string(p.col);
  } else if (p.offset >= 0) {
    at += (at.empty() ? "offset " : " at offset ") + std::to_string(p.offset);
  }
  return at;
}

std::string document_cell(const std::string& title, const std::string& path) {
  return "<td class=\"wrap\">" + (title.empty() ? "<span class=\"muted\">(no title)</span>" : escape(title)) +
         "<span class=\"sub mono\">" + escape(path) + "</span></td>";
}

void head(std::string& out, const ReportData& d) {
  std::string name = d.blogs.size() == 1 ? (d.blogs[0].title.empty() ? d.blogs[0].id : d.blogs[0].title)
                                         : format_count(static_cast<int64_t>(d.blogs.size())) + " blogs";
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
         "<title>Migration report: " + escape(name) + "</title>\n<style>" + report::kReportCss + "</style>\n</head>\n";
  out += "<body>\n<a class=\"skip\" href=\"#main\">Skip to the report</a>\n<div class=\"page\">\n<header>\n"
         "<p class=\"eyebrow\">blogshift migration report</p>\n<h1 id=\"blog-title\">" + escape(name) + "</h1>\n";
  for (const auto& b : d.blogs) {
    out += "<p class=\"meta\">";
    if (d.blogs.size() > 1) out += escape(b.title.empty() ? b.id : b.title) + " · ";
    for (size_t i = 0; i < b.hosts.size(); ++i) out += (i ? ", " : "") + escape(b.hosts[i]);
    out += std::string(b.hosts.empty() ? "" : " · ") + "blog id <span class=\"mono\">" + escape(b.id) + "</span></p>\n";
  }
  out += "</header>\n<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n";
  for (const auto& s : kSections)
    out += "<li><a href=\"#" + std::string(s.id) + "\">" + escape(s.title) + "</a></li>\n";
  out += "</ol>\n</nav>\n<main id=\"main\" tabindex=\"-1\">\n";
}

void verdict(std::string& out, const ReportData& d) {
  out += "<section id=\"verdict\" class=\"verdict " + std::string(d.switch_off ? "yes" : "no") +
         "\" aria-labelledby=\"verdict-h\">\n<h2 id=\"verdict-h\">" + kSections[0].title + "</h2>\n";
  const std::string sentence = verdict_sentence(d, [](const ReportData::Reason& r) {
    return "<a href=\"#" + escape(r.section) + "\">" + escape(r.text) + "</a>";
  });
  out += "<p class=\"answer\" id=\"verdict-sentence\" data-switch-off=\"" + std::string(d.switch_off ? "yes" : "no") +
         "\">" + sentence + "</p>\n<dl class=\"cards\">\n";
  auto card = [&](const char* label, const std::string& value, const std::string& small = {}) {
    out += "<div><dt>" + std::string(label) + "</dt><dd>" + value + (small.empty() ? "" : " <small>" + small + "</small>") +
           "</dd></div>\n";
  };
  const auto& m = d.migrated;
  const auto documents = static_cast<int64_t>(d.fidelity.size());
  card("Posts", format_count(m.posts));
  card("Pages", format_count(m.pages));
  card("Drafts", format_count(m.drafts));
  card("Comments", format_count(m.comments));
  card("Images copied", format_count(m.images_local), m.images_remote ? format_count(m.images_remote) + " remote" : "");
  card("Fidelity passed", format_count(d.fidelity_passed), "of " + format_count(documents));
  card("Errors", format_count(d.problems_error), plural(d.problems_warning, "warning", "warnings"));
  card("Archives verified", format_count(d.archives_verified), "of " + format_count(static_cast<int64_t>(d.archives.size())));
  if (d.fetch.any())
    card("URLs fetched", format_count(d.fetch.total.fetched + d.fetch.total.held),
         d.fetch.total.failed ? format_count(d.fetch.total.failed) + " failed" : "");
  out += "</dl>\n</section>\n";
}

void migrated(std::string& out, const ReportData& d) {
  const auto& m = d.migrated;
  out += open_section(kSections[1]);
  out += "<table class=\"compact\">\n<caption>Posts, pages and what is in them</caption>\n"
         "<thead><tr><th scope=\"col\">What</th><th scope=\"col\" class=\"num\">Count</th></tr></thead>\n<tbody>\n";
  auto row = [&](const char* what, const char* name, int64_t n) {
    out += "<tr><th scope=\"row\">" + std::string(what) + "</th>" + count_cell(name, n) + "</tr>\n";
  };
  row("Posts, published", "posts", m.posts);
  row("Pages", "pages", m.pages);
  row("Drafts and scheduled posts (written as drafts)", "drafts", m.drafts);
  row("Comments on them", "comments", m.comments);
  row("… written to comment files", "comments-written", m.comments_written);
  row("Images copied beside their post", "images-local", m.images_local);
  row("Images still on the old servers", "images-remote", m.images_remote);
  row("Links to old posts, pointed at the new ones", "links-rewritten", m.links_rewritten);
  row("Links to other sites, kept", "links-external", m.links_external);
  row("Links to old posts not found", "links-missing", m.links_missing);
  out += "</tbody>\n</table>\n";

  out += "<h3 id=\"authors\">Authors</h3>\n";
  if (d.authors.empty()) {
    out += none("No document names an author.");
  } else {
    // The profile is shown as text: nothing in the report reaches the network.
    out += "<table class=\"compact\">\n<caption>Each has an author record in the new site under its id, which "
           "the posts' author field names</caption>\n<thead><tr><th scope=\"col\">Id</th><th scope=\"col\">Name"
           "</th><th scope=\"col\">Profile</th><th scope=\"col\" class=\"num\">Documents</th><th scope=\"col\">"
           "Avatar</th></tr></thead>\n<tbody>\n";
    for (const auto& a : d.authors)
      out += "<tr class=\"author\" data-id=\"" + escape(a.id) + "\"><th scope=\"row\"><code>" + escape(a.id) +
             "</code></th><td>" + escape(a.name) + "</td><td>" +
             (a.profile.empty() ? std::string("none") : "<code>" + escape(a.profile) + "</code>") + "</td>" +
             num_cell(a.documents) + "<td>" +
             (a.avatar.empty() ? std::string("none") : a.avatar_local ? "copied" : "still on the old servers") +
             "</td></tr>\n";
    out += "</tbody>\n</table>\n";
  }

  out += "<h3 id=\"posts-per-month\">Posts per month</h3>\n";
  const std::string plot = report::posts_per_month_svg(d.months, "plot-posts-per-month");
  if (plot.empty()) {
    out += none("No published post has a date, so there is nothing to plot.");
  } else {
    out += "<figure>\n" + plot + "\n<figcaption>Published posts per month, from the first to the last. "
           "The same numbers are in the tables below.</figcaption>\n</figure>\n";
    out += "<details><summary>Posts per month as a table <span class=\"count\">(" +
           plural(static_cast<int64_t>(d.months.size()), "month", "months") +
           " with posts)</span></summary>\n<table class=\"compact\">\n<thead><tr><th scope=\"col\">Month</th>"
           "<th scope=\"col\" class=\"num\">Posts</th></tr></thead>\n<tbody>\n";
    for (const auto& month : d.months)
      out += "<tr class=\"month\" data-month=\"" + escape(month.month) + "\"><td>" + escape(month.month) + "</td>" +
             num_cell(month.posts) + "</tr>\n";
    out += "</tbody>\n</table>\n</details>\n";
  }

  out += "<h3 id=\"by-year\">By year</h3>\n";
  if (d.years.empty()) {
    out += none("Nothing was migrated yet.");
  } else {
    out += "<table>\n<thead><tr><th scope=\"col\">Year</th><th scope=\"col\" class=\"num\">Posts</th>"
           "<th scope=\"col\" class=\"num\">Pages</th><th scope=\"col\" class=\"num\">Drafts</th>"
           "<th scope=\"col\" class=\"num\">Comments</th><th scope=\"col\" class=\"num\">Images copied</th>"
           "<th scope=\"col\" class=\"num\">Images remote</th></tr></thead>\n<tbody>\n";
    for (const auto& y : d.years)
      out += "<tr class=\"year\" data-year=\"" + std::to_string(y.year) + "\"><th scope=\"row\">" +
             (y.year ? std::to_string(y.year) : std::string("no date")) + "</th>" + num_cell(y.posts) +
             num_cell(y.pages) + num_cell(y.drafts) + num_cell(y.comments) + num_cell(y.images_local) +
             num_cell(y.images_remote) + "</tr>\n";
    out += "</tbody>\n</table>\n";
  }
  out += "</section>\n";
}

void not_migrated(std::string& out, const ReportData& d) {
  out += open_section(kSections[2]);
  if (d.not_migrated.empty()) {
    out += none("Everything staged from the sources became part of the new site.");
  } else {
    out += "<table>\n<thead><tr><th scope=\"col\">What</th><th scope=\"col\" class=\"num\">Count</th>"
           "<th scope=\"col\">Why</th></tr></thead>\n<tbody>\n";
    for (const auto& n : d.not_migrated)
      out += "<tr class=\"not-migrated\" data-count=\"" + std::to_string(n.count) + "\"><th scope=\"row\">" +
             escape(n.what) + "</th>" + num_cell(n.count) + "<td>" + escape(n.reason) + "</td></tr>\n";
    out += "</tbody>\n</table>\n";
  }
  out += "</section>\n";
}

void problems(std::string& out, const ReportData& d) {
  out += open_section(kSections[3]);
  if (d.problems.empty()) {
    out += none("No problems: every entry, file and record of the sources was read, and every document converted "
                "without a remark.");
    out += "</section>\n";
    return;
  }
  out += "<p id=\"problems-total\" data-count=\"" + std::to_string(d.problems_total()) + "\">" +
         plural(d.problems_total(), "problem", "problems") + ": " + plural(d.problems_error, "error", "errors") + ", " +
         plural(d.problems_warning, "warning", "warnings") + " and " + plural(d.problems_info, "note", "notes") +
         ", grouped by code, errors first. An error lost something; a warning kept it with a remark; a note only "
         "says how something was kept.</p>\n";
  for (const auto& g : d.problems) {
    const bool open = g.severity != "info" && g.rows.size() <= kOpenListLimit;
    std::string stages;
    for (size_t i = 0; i < g.stages.size(); ++i) stages += (i ? ", " : "") + g.stages[i];
    out += "<details class=\"problem-group\" data-code=\"" + escape(g.code) + "\" data-severity=\"" +
           escape(g.severity) + "\" data-count=\"" + std::to_string(g.rows.size()) + "\"" + (open ? " open" : "") +
           "><summary><span class=\"pill " + escape(g.severity) + "\">" + escape(g.severity) + "</span> <code>" +
           escape(g.code) + "</code> <span class=\"count\">" + format_count(static_cast<int64_t>(g.rows.size())) +
           " · " + escape(stages) + "</span></summary>\n<table>\n<thead><tr><th scope=\"col\">Where</th>"
           "<th scope=\"col\">Item</th><th scope=\"col\">Message</th></tr></thead>\n<tbody>\n";
    for (const auto& p : g.rows)
      out += "<tr class=\"problem\"><td class=\"mono wrap\">" + escape(where(p)) + "</td><td class=\"mono wrap\">" +
             escape(p.item) + "</td><td class=\"wrap\">" + escape(p.message) + "</td></tr>\n";
    out += "</tbody>\n</table>\n</details>\n";
  }
  out += "</section>\n";
}

void fidelity_rows(std::string& out, const std::vector<const ReportData::Fidelity*>& rows) {
  out += "<table>\n<thead><tr><th scope=\"col\">Document</th><th scope=\"col\" class=\"num\">Text</th>"
         "<th scope=\"col\" class=\"num\">Breaks</th><th scope=\"col\" class=\"num\">Links</th>"
         "<th scope=\"col\" class=\"num\">Images</th><th scope=\"col\">Code</th><th scope=\"col\">What differs</th>"
         "</tr></thead>\n<tbody>\n";
  for (const auto* f : rows) {
    out += "<tr class=\"fidelity-row" + std::string(f->passed ? "" : " failed") + "\" data-path=\"" + escape(f->path) +
           "\" data-passed=\"" + (f->passed ? "1" : "0") + "\" data-text-recall=\"" +
           report::format_number(f->text_recall) + "\">" + document_cell(f->title, f->path) + "<td class=\"num\">" +
           format_percent(f->text_recall) + "</td><td class=\"num\">" + format_percent(f->break_recall) +
           "</td><td class=\"num\">" + format_count(f->links_kept) + "/" + format_count(f->links_total) +
           "</td><td class=\"num\">" + format_count(f->images_kept) + "/" + format_count(f->images_total) + "</td><td>" +
           (f->code_ok ? "same" : "<span class=\"pill failed\">changed</span>") + "</td><td class=\"wrap\">";
    if (f->differences.empty()) {
      out += "<span class=\"muted\">nothing</span>";
    } else {
      out += "<ul class=\"diffs\">";
      for (const auto& line : f->differences) out += "<li>" + escape(line) + "</li>";
      out += "</ul>";
    }
    out += "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n";
}

void fidelity(std::string& out, const ReportData& d) {
  out += open_section(kSections[4]);
  const auto documents = static_cast<int64_t>(d.fidelity.size());
  if (documents == 0) {
    out += none("No document was converted yet.") + "</section>\n";
    return;
  }
  out += "<p id=\"fidelity-summary\" data-passed=\"" + std::to_string(d.fidelity_passed) + "\" data-documents=\"" +
         std::to_string(documents) + "\">" + format_count(d.fidelity_passed) + " of " +
         plural(documents, "document", "documents") +
         " passed: rendered back to HTML, the Markdown keeps at least 99.5% of the words and 98% of the line breaks of "
         "the original, every link and image, and the code exactly.</p>\n";
  out += "<figure>\n" + report::recall_histogram_svg(d.recall_histogram, "plot-text-recall") +
         "\n<figcaption>Documents by text recall, the share of the original's words the Markdown keeps.</figcaption>\n"
         "</figure>\n<details><summary>Text recall as a table</summary>\n<table class=\"compact\">\n<thead><tr>"
         "<th scope=\"col\">Text recall</th><th scope=\"col\" class=\"num\">Documents</th></tr></thead>\n<tbody>\n";
  for (size_t i = 0; i < d.recall_histogram.size(); ++i)
    out += "<tr class=\"recall-bin\" data-bin=\"" + std::to_string(i) + "\" data-count=\"" +
           std::to_string(d.recall_histogram[i].documents) + "\"><td>" + escape(d.recall_histogram[i].label) +
           "</td>" + num_cell(d.recall_histogram[i].documents) + "</tr>\n";
  out += "</tbody>\n</table>\n</details>\n";

  std::vector<const ReportData::Fidelity*> failed, passed;
  for (const auto& f : d.fidelity) (f.passed ? passed : failed).push_back(&f);
  if (!failed.empty()) {
    out += "<h3 id=\"fidelity-failed\">" + plural(static_cast<int64_t>(failed.size()), "document", "documents") +
           " that failed, worst first</h3>\n";
    fidelity_rows(out, failed);
  }
  if (!passed.empty()) {
    out += "<details id=\"fidelity-passed\"><summary>" +
           std::string(failed.empty() ? "All " : "The ") + plural(static_cast<int64_t>(passed.size()), "document", "documents") +
           " that passed, lowest recall first</summary>\n";
    fidelity_rows(out, passed);
    out += "</details>\n";
  }
  out += "</section>\n";
}

void links(std::string& out, const Section& s, const std::vector<ReportData::Link>& rows, const char* row_class,
           const char* column, const std::string& if_none, const std::string& intro) {
  out += open_section(s);
  if (rows.empty()) {
    out += none(if_none) + "</section>\n";
    return;
  }
  out += "<p>" + intro + "</p>\n";
  out += open_list(rows.size(), "All " + format_count(static_cast<int64_t>(rows.size())) + " of them");
  out += "<table>\n<thead><tr><th scope=\"col\">Document</th><th scope=\"col\">" + std::string(column) +
         "</th></tr></thead>\n<tbody>\n";
  for (const auto& l : rows)
    out += "<tr class=\"" + std::string(row_class) + "\" data-path=\"" + escape(l.path) + "\">" +
           document_cell(l.title, l.path) + "<td class=\"mono wrap\">" + escape(l.url) + "</td></tr>\n";
  out += "</tbody>\n</table>\n" + close_list(rows.size());
  out += "</section>\n";
}

std::string verified_cell(const std::string& verified) {
  if (verified == "ok") return "<td data-verified=\"ok\"><span class=\"pill ok\">verified</span></td>";
  if (verified.empty()) return "<td data-verified=\"\"><span class=\"pill pending\">not verified yet</span></td>";
  return "<td data-verified=\"failed\"><span class=\"pill failed\">failed</span> " + escape(verified) + "</td>";
}

std::string size_cell(int64_t size) {
  return size < 0 ? "<td class=\"num\">—</td>" : "<td class=\"num\" title=\"" + format_count(size) + " bytes\">" +
                                                       report::format_bytes(size) + "</td>";
}

void redirects(std::string& out, const ReportData& d) {
  out += open_section(kSections[7]);
  if (d.redirects_total == 0) {
    out += none("No redirects yet: the transform stage lists the old addresses, the load stage writes the maps.");
  } else {
    out += "<p><span id=\"count-redirects\" data-count=\"" + std::to_string(d.redirects_total) + "\">" +
           format_count(d.redirects_total) + "</span> old addresses lead to their new routes; " +
           format_count(d.documents_redirected) + " of the " + format_count(d.documents_with_legacy_path) +
           " published documents that had an old address have a redirect.</p>\n<table class=\"compact\">\n"
           "<caption>Old addresses by shape</caption>\n<thead><tr><th scope=\"col\">Shape</th>"
           "<th scope=\"col\" class=\"num\">Addresses</th></tr></thead>\n<tbody>\n";
    for (const auto& s : d.redirect_shapes)
      out += "<tr class=\"redirect-shape\" data-shape=\"" + escape(s.shape) + "\" data-count=\"" +
             std::to_string(s.count) + "\"><td>" + escape(s.shape) + "</td>" + num_cell(s.count) + "</tr>\n";
    out += "</tbody>\n</table>\n";
  }
  if (d.redirect_maps.empty()) {
    out += none("No redirect maps were written yet.");
  } else {
    out += "<table>\n<caption>Redirect maps, one per server or host</caption>\n<thead><tr><th scope=\"col\">Format</th>"
           "<th scope=\"col\">File</th><th scope=\"col\" class=\"num\">Rules</th><th scope=\"col\" class=\"num\">Size</th>"
           "<th scope=\"col\">Checked</th></tr></thead>\n<tbody>\n";
    for (const auto& m : d.redirect_maps)
      out += "<tr class=\"redirect-map\" data-format=\"" + escape(m.format) + "\" data-count=\"" +
             std::to_string(m.entries) + "\"><td>" + escape(m.format.empty() ? "?" : m.format) +
             "</td><td class=\"mono wrap\">" + escape(m.path) + "</td>" + num_cell(m.entries) + size_cell(m.size) +
             verified_cell(m.verified) + "</tr>\n";
    out += "</tbody>\n</table>\n";
  }
  out += "</section>\n";
}

void archives(std::string& out, const ReportData& d) {
  out += open_section(kSections[8]);
  if (d.archives.empty()) {
    if (d.inside_bag.empty())
      out += none("No archives were made yet: 'blogshift load' makes them, 'blogshift verify' checks them.");
  } else {
    out += "<p>" + format_count(d.archives_verified) + " of " +
           plural(static_cast<int64_t>(d.archives.size()), "archive", "archives") +
           " verified: read back in full, every digest checked. Anyone can check a file again with "
           "<code>sha256sum</code> against the digest below.</p>\n<table>\n<thead><tr><th scope=\"col\">File</th>"
           "<th scope=\"col\">Kind</th><th scope=\"col\" class=\"num\">Size</th><th scope=\"col\" class=\"num\">Entries</th>"
           "<th scope=\"col\">SHA-256</th><th scope=\"col\">Verified</th></tr></thead>\n<tbody>\n";
    for (const auto& a : d.archives)
      out += "<tr class=\"archive\" data-kind=\"" + escape(a.kind) + "\" data-path=\"" + escape(a.path) +
             "\"><td class=\"mono wrap\">" + escape(a.path) + "</td><td>" + escape(a.kind) + "</td>" + size_cell(a.size) +
             num_cell(a.entries) + "<td class=\"mono digest\">" + escape(a.sha256.empty() ? "—" : a.sha256) + "</td>" +
             verified_cell(a.verified) + "</tr>\n";
    out += "</tbody>\n</table>\n";
  }
  if (!d.inside_bag.empty())
    out += "<p class=\"inside-bag\" data-path=\"" + escape(d.inside_bag) + "\">This copy of the report is inside the bag <code>" +
           escape(d.inside_bag) + "</code>, which was written after the archives above were verified; a report "
           "cannot hold the bag's own verification, so the bag is verified on its own: <code>blogshift verify</code>, "
           "or any BagIt validator.</p>\n";
  out += "</section>\n";
}

// A short list of the URLs robots.txt kept out: the rest are in report.json.
constexpr size_t kRobotsShortList = 10;
// The URLs a run asked for, shown (an images fetch asks for every image).
constexpr size_t kSeedsShown = 3;

void fetch_role_rows(std::string& out, const ReportData::FetchFile& file) {
  out += "<table class=\"compact fetch-file\" data-path=\"" + escape(file.warc_path) + "\">\n<caption>By role: <span "
         "class=\"mono\">" + escape(file.warc_path) + "</span></caption>\n<thead><tr><th scope=\"col\">Role</th>"
         "<th scope=\"col\" class=\"num\">Fetched</th><th scope=\"col\" class=\"num\">Held</th>"
         "<th scope=\"col\" class=\"num\">Failed</th><th scope=\"col\" class=\"num\">robots.txt</th></tr></thead>\n"
         "<tbody>\n";
  for (const auto& t : file.by_role)
    out += "<tr class=\"fetch-role" + std::string(t.failed ? " failed" : "") + "\" data-role=\"" + escape(t.role) +
           "\" data-count=\"" + std::to_string(t.urls) + "\"><th scope=\"row\">" + escape(t.role) + "</th>" +
           num_cell(t.fetched) + num_cell(t.held) + num_cell(t.failed) + num_cell(t.robots) + "</tr>\n";
  out += "</tbody>\n</table>\n";
}

void fetch_runs(std::string& out, const ReportData::Fetch& f) {
  out += "<details id=\"fetch-runs\"><summary>" + plural(static_cast<int64_t>(f.runs.size()), "fetch run", "fetch runs") +
         ", first first</summary>\n<table>\n<thead><tr><th scope=\"col\">Started (UTC)</th><th scope=\"col\">Asked for"
         "</th><th scope=\"col\" class=\"num\">Time</th><th scope=\"col\" class=\"num\">Requests</th>"
         "<th scope=\"col\" class=\"num\">Received</th><th scope=\"col\">URLs</th></tr></thead>\n<tbody>\n";
  for (const auto& run : f.runs) {
    std::string seeds, urls;
    const size_t shown = std::min(kSeedsShown, run.seeds.size());
    for (size_t i = 0; i < shown; ++i) seeds += (i ? "<br>" : "") + escape(run.seeds[i]);
    if (static_cast<int64_t>(shown) < run.seed_count)
      seeds += "<br><span class=\"muted\">and " + format_count(run.seed_count - static_cast<int64_t>(shown)) +
               " more</span>";
    auto part = [&](int64_t n, const char* what) {
      if (n > 0) urls += (urls.empty() ? "" : ", ") + format_count(n) + " " + what;
    };
    part(run.fetched, "fetched");
    part(run.held, "held");
    part(run.failed, "failed");
    part(run.robots, "skipped by robots.txt");
    part(run.out_of_scope, "out of scope");
    out += "<tr class=\"fetch-run\" data-path=\"" + escape(run.warc_path) + "\"><td class=\"mono nowrap\">" +
           escape(run.started_at) + "</td><td class=\"mono wrap\">" + seeds + "<span class=\"sub\">into " +
           escape(run.warc_path) + "</span></td><td class=\"num\">" + escape(report::format_seconds(run.seconds)) +
           "</td>" + num_cell(run.requests) + size_cell(run.bytes) + "<td>" + (urls.empty() ? "none" : urls) +
           "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</details>\n";
}

void fetch(std::string& out, const ReportData& d) {
  const auto& f = d.fetch;
  out += open_section(kSections[9]);
  if (!f.any()) {
    out += none("Nothing was fetched: every source was a file or folder given to blogshift. 'blogshift fetch', or "
                "'blogshift run' with the blog's address, crawls the live blog into a WARC file.") +
           "</section>\n";
    return;
  }
  const auto& t = f.total;
  out += "<p id=\"fetch-summary\" data-count=\"" + std::to_string(t.urls) + "\">The crawl decided on " +
         plural(t.urls, "URL", "URLs") + " of the blog, kept in " +
         plural(static_cast<int64_t>(f.files.size()), "WARC file", "WARC files") + " (" + report::format_bytes(f.bytes) +
         " of content). A WARC file is a source like any other: extract reads what it holds.</p>\n"
         "<table class=\"compact\">\n<caption>What became of the URLs</caption>\n<thead><tr><th scope=\"col\">What"
         "</th><th scope=\"col\" class=\"num\">URLs</th></tr></thead>\n<tbody>\n";
  auto row = [&](const char* what, const char* name, int64_t n) {
    out += "<tr><th scope=\"row\">" + std::string(what) + "</th>" + count_cell(name, n) + "</tr>\n";
  };
  row("Fetched", "fetch-fetched", t.fetched);
  row("Already held from an earlier run", "fetch-held", t.held);
  row("Failed", "fetch-failed", t.failed);
  row("Skipped by robots.txt", "fetch-robots", t.robots);
  row("Out of scope: found, but not part of the blog", "fetch-out-of-scope", f.out_of_scope);
  out += "</tbody>\n</table>\n";
  for (const auto& file : f.files)
    if (!file.by_role.empty()) fetch_role_rows(out, file);
  if (!f.runs.empty()) fetch_runs(out, f);

  const auto listed = static_cast<int64_t>(f.failed.size());
  out += "<h3 id=\"fetch-failed\">" + (f.failed_count ? plural(f.failed_count, "URL", "URLs") + " that failed"
                                                     : std::string("Failed URLs")) + "</h3>\n";
  if (f.failed_count == 0) {
    out += none("None: every URL the crawl went for was fetched, or was held already.");
  } else {
    out += "<p>No usable answer came for these, even after the retries, or one too large to keep whole, so the WARC "
           "file does not hold them: a post or image that only this crawl would have brought is missing from the new "
           "site. The same fetch run again tries them once more (what the file holds already is not fetched again)." +
           std::string(listed < f.failed_count ? " The first " + format_count(listed) +
                                                     " are listed; the staging database's fetched_urls table has all." : "") +
           "</p>\n" + open_list(f.failed.size(), listed < f.failed_count ? "The first " + format_count(listed) + " of " +
                                                                     format_count(f.failed_count)
                                                               : "All " + format_count(listed) + " of them") +
           "<table>\n<thead><tr><th scope=\"col\">URL</th><th scope=\"col\">Role</th><th scope=\"col\" "
           "class=\"num\">Status</th><th scope=\"col\" class=\"num\">Attempts</th><th scope=\"col\">Why</th></tr>"
           "</thead>\n<tbody>\n";
    for (const auto& u : f.failed)
      out += "<tr class=\"fetch-failure\" data-url=\"" + escape(u.url) + "\"><td class=\"mono wrap\">" + escape(u.url) +
             "</td><td>" + escape(u.role) + "</td><td class=\"num\">" +
             (u.status > 0 ? std::to_string(u.status) : std::string("—")) + "</td>" + num_cell(u.attempts) +
             "<td class=\"wrap\">" + escape(u.error) + "</td></tr>\n";
    out += "</tbody>\n</table>\n" + close_list(f.failed.size());
  }

  if (f.robots_count > 0) {
    out += "<h3 id=\"fetch-robots\">" + plural(f.robots_count, "URL", "URLs") + " skipped by robots.txt</h3>\n"
           "<p>The blog's robots.txt asks crawlers to keep out of these, and blogshift obeys it (Blogger's default "
           "robots.txt disallows /search, the label and search listings). By rule:</p>\n<ul class=\"robots-rules\">\n";
    for (const auto& rule : f.robots_rules)
      out += "<li class=\"robots-rule\" data-count=\"" + std::to_string(rule.urls) + "\"><code>" +
             escape(rule.rule.empty() ? "?" : rule.rule) + "</code>: " + plural(rule.urls, "URL", "URLs") + "</li>\n";
    const size_t shown = std::min(kRobotsShortList, f.robots.size());
    out += "</ul>\n<p>" + std::string(static_cast<int64_t>(shown) < f.robots_count ? "The first of them:" : "They are:") +
           "</p>\n<ul class=\"robots-skipped\">\n";
    for (size_t i = 0; i < shown; ++i)
      out += "<li class=\"robots-url\" data-url=\"" + escape(f.robots[i].url) + "\"><span class=\"mono wrap\">" +
             escape(f.robots[i].url) + "</span> <span class=\"muted\">" + escape(f.robots[i].role) + "</span></li>\n";
    out += "</ul>\n";
    if (static_cast<int64_t>(shown) < f.robots_count)
      out += "<p class=\"muted\">And " + format_count(f.robots_count - static_cast<int64_t>(shown)) +
             " more: report.json lists the first " + format_count(static_cast<int64_t>(ReportData::kFetchListLimit)) +
             ".</p>\n";
  }
  out += "</section>\n";
}

void sources(std::string& out, const ReportData& d) {
  out += open_section(kSections[10]);
  if (d.sources.empty()) {
    out += none("No source was read.");
  } else {
    out += "<table>\n<thead><tr><th scope=\"col\">Kind</th><th scope=\"col\">Path</th>"
           "<th scope=\"col\" class=\"num\">Size</th><th scope=\"col\">SHA-256</th><th scope=\"col\">Read</th>"
           "</tr></thead>\n<tbody>\n";
    for (const auto& s : d.sources)
      out += "<tr class=\"source\"><td>" + escape(s.kind) + "</td><td class=\"mono wrap\">" + escape(s.path) + "</td>" +
             size_cell(s.size) + "<td class=\"mono digest\">" + escape(s.sha256) + "</td><td>" +
             (s.complete ? "to the end" : "<span class=\"pill failed\">not to the end</span>") + "</td></tr>\n";
    out += "</tbody>\n</table>\n";
  }
  out += "</section>\n";
}

}  // namespace

std::string report_html(const ReportData& d, const ReportOptions& options) {
  std::string out;
  head(out, d);
  verdict(out, d);
  migrated(out, d);
  not_migrated(out, d);
  problems(out, d);
  fidelity(out, d);
  links(out, kSections[5], d.remote_images, "remote-image", "Image address",
        d.migrated.images_local > 0 ? "None: every image the posts show was found in the sources and copied beside its post."
                                    : "None: no post shows an image that is not in the sources.",
        "These images were in no source, so the posts still load them from the old blog's image servers. "
        "Give a crawl or WARC that holds them and run again, or keep them in mind before the old blog goes.");
  links(out, kSections[6], d.missing_links, "missing-link", "Link as written",
        "None: every link to the old blog points at a migrated post or page.",
        "These links point at the old blog, but at no post or page any source holds. They were kept as they were.");
  redirects(out, d);
  archives(out, d);
  fetch(out, d);
  sources(out, d);
  out += "</main>\n<footer>\n<p>Made by blogshift from the staging database alone; running it again gives the same "
         "page. The same facts are in <a href=\"report.json\">report.json</a>.";
  if (!options.generated_at.empty())
    out += " Generated <time id=\"generated-at\">" + escape(options.generated_at) + "</time>.";
  out += "</p>\n</footer>\n</div>\n</body>\n</html>\n";
  return out;
}

}  // namespace blogshift

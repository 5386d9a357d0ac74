#include "man_page.h"

#include <sstream>

namespace blogshift {

std::string roff_escape(const std::string& text) {
  std::string out;
  bool line_start = true;
  for (char c : text) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else if (line_start && (c == '.' || c == '\'')) out += std::string("\\&") + c;
    else out += c;
    line_start = c == '\n';
  }
  return out;
}

namespace {
std::string option_synopsis(const CLI::Option* o) {
  std::string names;
  for (const auto& s : o->get_snames()) names += (names.empty() ? "-" : ", -") + s;
  for (const auto& l : o->get_lnames()) names += (names.empty() ? "--" : ", --") + l;
  if (names.empty()) return o->get_name();  // a positional
  if (o->get_items_expected_max() > 0) names += " " + (o->get_type_name().empty() ? "VALUE" : o->get_type_name());
  return names;
}

void write_options(std::ostringstream& out, const CLI::App& app) {
  for (const CLI::Option* o : app.get_options()) {
    if (o->get_lnames().empty() && o->get_snames().empty() && o->get_name().empty()) continue;
    out << ".TP\n.B " << roff_escape(option_synopsis(o)) << '\n' << roff_escape(o->get_description());
    if (!o->get_default_str().empty()) out << " (default: " << roff_escape(o->get_default_str()) << ")";
    out << '\n';
  }
}

// "Example:\n  blogshift run ..." footers as indented, unfilled examples.
void write_footer(std::ostringstream& out, const std::string& footer) {
  if (footer.empty()) return;
  out << ".PP\n.nf\n" << roff_escape(footer) << "\n.fi\n";
}
}  // namespace

std::string man_page(const CLI::App& app, const std::string& version) {
  std::ostringstream out;
  out << ".TH BLOGSHIFT 1 \"\" \"blogshift " << roff_escape(version) << "\" \"User Commands\"\n";
  out << ".SH NAME\nblogshift \\- move a Blogger blog to a static site and archive it\n";
  out << ".SH SYNOPSIS\n.B blogshift\n.I command\n[\\fIoptions\\fR] [\\fIsources\\fR...]\n";
  out << ".SH DESCRIPTION\n" << roff_escape(app.get_description()) << '\n';
  out << ".PP\nStages: \\fBfetch\\fR (only when a URL is given or \\fB\\-\\-fetch\\-images\\fR asks) crawls the"
         " live blog into a WARC file under \\fIOUT/sources/\\fR, politely (robots.txt, a rate per host, retries);"
         " \\fBextract\\fR reads Blogger exports, mirrors and WARC files into the staging database;"
         " \\fBtransform\\fR turns posts and pages into Markdown with front matter; \\fBload\\fR writes the content"
         " tree, redirect maps and archives. \\fBrun\\fR does all three.\n";
  out << ".SH COMMANDS\n";
  for (const CLI::App* sub : app.get_subcommands({})) {
    out << ".SS \"blogshift " << roff_escape(sub->get_name()) << "\"\n" << roff_escape(sub->get_description()) << '\n';
    write_options(out, *sub);
    write_footer(out, sub->get_footer());
  }
  out << ".SH GLOBAL OPTIONS\n";
  write_options(out, app);
  out << ".SH OUTPUT\nResults go to stdout: one summary line per source and per stage, and at the end of"
         " \\fBrun\\fR and \\fBload\\fR a block saying where the site, the redirect maps, the archives and the"
         " report are (paths under \\fB\\-\\-out\\fR as given; only what the run wrote). Everything else goes to"
         " stderr: problems (\\fIprog\\fR: \\fIfile\\fR:\\fIline\\fR:\\fIcol\\fR: \\fIseverity\\fR:"
         " \\fImessage\\fR [\\fICODE\\fR]), warnings, and progress: a bar per step on a terminal, else lines"
         " starting \\(lqprogress: \\(rq.\n.TP\n.B \\-q, \\-\\-quiet\nno progress; stderr carries only"
         " problems and warnings, stdout keeps the results\n.TP\n.B \\-v, \\-\\-verbose\nalso lines starting"
         " \\(lqverbose: \\(rq: one per source and per output written or verified, one per stage with its counts"
         " and time\n.PP\n\\fB\\-q\\fR and \\fB\\-v\\fR together are a usage error (exit 2); in"
         " \\fIblogshift.yaml\\fR, \\fBquiet\\fR or \\fBverbose\\fR yields to the other given on the command"
         " line.\n";
  out << ".SH EXIT STATUS\n.TP\n.B 0\nall good\n.TP\n.B 1\nfinished, with problems (see the problems table and"
         " stderr)\n.TP\n.B 2\ncould not run: bad arguments, a source that cannot be opened, an unusable database\n";
  out << ".SH FILES\n.TP\n.I blogshift.yaml\noptions of \\fBblogshift run\\fR (written by \\fBblogshift init\\fR)\n"
         ".TP\n.I OUT/.blogshift/staging.db\nthe staging database (SQLite)\n";
  out << ".TP\n.I OUT/sources/HOST\\-TIMESTAMP.warc.gz\nwhat \\fBfetch\\fR crawled (WARC/1.1); a fetch run again"
         " resumes it, fetching only what it does not hold whole\n";
  out << ".SH ENVIRONMENT\n.TP\n.B SOURCE_DATE_EPOCH\nthe time written into archives, for reproducible bytes\n"
         ".PP\n\\fBfetch\\fR ignores \\fBhttp_proxy\\fR and the like: a proxy is used only when"
         " \\fB\\-\\-proxy\\fR names one.\n";
  return out.str();
}

}  // namespace blogshift

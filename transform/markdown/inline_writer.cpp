#include "markdown/inline_writer.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <vector>

#include "html/html_serializer.h"
#include "markdown/hugo_shortcodes.h"
#include "markdown/kramdown_syntax.h"
#include "markdown/markdown_escape.h"
#include "markdown/raw_html_block.h"

namespace blogshift::markdown {
namespace {

enum class Tok { Text, Markup, Open, Close, Break };

struct Token {
  Tok kind = Tok::Text;
  std::string s;              // Text: raw text; Markup: literal; Open/Close: the chosen delimiter
  DocKind delim = DocKind::Emphasis;
  size_t partner = 0;         // Open: index of its Close (set after flattening)
  bool in_link = false;       // Text: inside link text or image alt
};

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Length of the whitespace (space, tab, no-break space) prefix / suffix.
size_t leading_ws(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (is_blank(s[i])) ++i;
    else if (s.substr(i, 2) == "\xC2\xA0") i += 2;
    else break;
  }
  return i;
}
size_t trailing_ws(std::string_view s) {
  size_t i = s.size();
  while (i > 0) {
    if (is_blank(s[i - 1])) --i;
    else if (i >= 2 && s.substr(i - 2, 2) == "\xC2\xA0") i -= 2;
    else break;
  }
  return s.size() - i;
}

class Flattener {
 public:
  Flattener(InlineMode mode, MarkdownDialect dialect) : mode_(mode), dialect_(dialect) {}

  void children(const DocNode& parent, std::vector<Token>& out, bool in_link) {
    range(parent, 0, parent.children.size(), out, in_link);
  }
  void range(const DocNode& parent, size_t first, size_t last, std::vector<Token>& out, bool in_link = false) {
    last = std::min(last, parent.children.size());
    const std::vector<size_t> closes =
        dialect_ == MarkdownDialect::Kramdown ? raw_content_ends(parent, first, last) : std::vector<size_t>();
    for (size_t i = first; i < last; ++i) {
      // kramdown keeps the content of an element like <u> or <font> as
      // text: what lies between its tags is written as HTML.
      if (!closes.empty() && closes[i - first] != i) {
        const size_t close = closes[i - first];
        {
          push_markup(out, one_line(parent.children[i]->text) + one_line(inlines_as_html(parent, i + 1, close)) +
                               one_line(parent.children[close]->text));
          i = close;
          continue;
        }
      }
      node(*parent.children[i], out, in_link);
    }
  }

 private:
  static void push_text(std::vector<Token>& out, std::string text, bool in_link) {
    if (text.empty()) return;
    if (!out.empty() && out.back().kind == Tok::Text && out.back().in_link == in_link) {
      out.back().s += text;
      return;
    }
    out.push_back({Tok::Text, std::move(text), DocKind::Text, 0, in_link});
  }
  static void push_markup(std::vector<Token>& out, std::string literal) {
    if (!literal.empty()) out.push_back({Tok::Markup, std::move(literal), DocKind::Text, 0, false});
  }
  static std::string one_line(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '\r'), s.end());
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
  }

  void delimited(const DocNode& n, std::vector<Token>& out, bool in_link) {
    std::vector<Token> inner;
    children(n, inner, in_link);
    // Hard breaks and whitespace at the edges go outside the delimiters.
    std::vector<Token> before, after;
    while (!inner.empty()) {
      Token& first = inner.front();
      if (first.kind == Tok::Break) {
        before.push_back(first);
        inner.erase(inner.begin());
      } else if (first.kind == Tok::Text && leading_ws(first.s) > 0) {
        size_t k = leading_ws(first.s);
        before.push_back({Tok::Text, first.s.substr(0, k), DocKind::Text, 0, first.in_link});
        first.s.erase(0, k);
        if (first.s.empty()) inner.erase(inner.begin());
      } else {
        break;
      }
    }
    while (!inner.empty()) {
      Token& last = inner.back();
      if (last.kind == Tok::Break) {
        after.insert(after.begin(), last);
        inner.pop_back();
      } else if (last.kind == Tok::Text && trailing_ws(last.s) > 0) {
        size_t k = trailing_ws(last.s);
        after.insert(after.begin(), {Tok::Text, last.s.substr(last.s.size() - k), DocKind::Text, 0, last.in_link});
        last.s.erase(last.s.size() - k);
        if (last.s.empty()) inner.pop_back();
      } else {
        break;
      }
    }
    auto append = [&](std::vector<Token>& tokens) {
      for (auto& t : tokens) {
        if (t.kind == Tok::Text) push_text(out, std::move(t.s), t.in_link);
        else out.push_back(std::move(t));
      }
    };
    append(before);
    if (!inner.empty()) {
      out.push_back({Tok::Open, "", n.kind, 0, in_link});
      append(inner);
      out.push_back({Tok::Close, "", n.kind, 0, in_link});
    }
    append(after);
  }

  void node(const DocNode& n, std::vector<Token>& out, bool in_link) {
    switch (n.kind) {
      case DocKind::Text: push_text(out, one_line(n.text), in_link); break;
      case DocKind::Emphasis:
      case DocKind::Strong:
      case DocKind::Strikethrough: delimited(n, out, in_link); break;
      case DocKind::Superscript:
      case DocKind::Subscript: {
        const char* tag = n.kind == DocKind::Superscript ? "sup" : "sub";
        push_markup(out, std::string("<") + tag + ">");
        children(n, out, in_link);
        push_markup(out, std::string("</") + tag + ">");
        break;
      }
      case DocKind::Code:
        // Hugo would read an opener in a code span as a shortcode: the span is said in HTML.
        if (dialect_ == MarkdownDialect::Hugo && hugo_scans(n.text))
          push_markup(out, "<code>" + code_as_html(one_line(n.text)) + "</code>");
        else
          push_markup(out, code_span(n.text));
        break;
      case DocKind::Link: {
        if (in_link) {  // links cannot nest: keep the text
          children(n, out, in_link);
          break;
        }
        if (n.title.empty() && n.children.size() == 1 && n.children[0]->kind == DocKind::Text &&
            n.children[0]->text == n.url && can_autolink(n.url) &&
            !(dialect_ == MarkdownDialect::Kramdown && n.url.find_first_of("|\\") != std::string::npos)) {
          push_markup(out, "<" + (dialect_ == MarkdownDialect::Hugo ? defuse_shortcodes_in_url(n.url) : n.url) + ">");
          break;
        }
        push_markup(out, "[");
        children(n, out, true);
        push_markup(out, "](" + destination_and_title(n) + ")");
        break;
      }
      case DocKind::Image:
        // Hugo 0.111's Goldmark writes an image's alt from the Markdown source,
        // backslash escapes and entities included: an alt that needs one is
        // written as an <img> instead.
        if (dialect_ == MarkdownDialect::Hugo && alt_needs_escaping(n.text)) {
          push_markup(out, html_image(n));
          break;
        }
        push_markup(out, "![");
        push_text(out, one_line(n.text), true);
        push_markup(out, "](" + destination_and_title(n) + ")");
        break;
      case DocKind::LineBreak:
        // A heading and a table cell are one line each: the break is said in HTML.
        if (mode_ == InlineMode::Heading || mode_ == InlineMode::TableCell) push_markup(out, "<br>");
        else out.push_back({Tok::Break, "", DocKind::LineBreak, 0, in_link});
        break;
      case DocKind::RawInline:
        push_markup(out, dialect_ == MarkdownDialect::Hugo ? defuse_shortcodes_in_html(one_line(n.text)) : one_line(n.text));
        break;
      default:  // a block where an inline belongs: keep its inlines
        children(n, out, in_link);
        break;
    }
  }

  static bool alt_needs_escaping(const std::string& alt) {
    std::string escaped;
    TextContext context;
    context.in_link_text = true;
    context.dialect = MarkdownDialect::Hugo;
    const std::string text = one_line(alt);
    append_escaped_text(escaped, text, context);
    return escaped != text;
  }
  static std::string html_image(const DocNode& n) {
    std::string tag = "<img src=\"" + escape_html_attribute(n.url) + "\" alt=\"" + escape_html_attribute(one_line(n.text)) + "\"";
    if (!n.title.empty()) tag += " title=\"" + escape_html_attribute(one_line(n.title)) + "\"";
    return defuse_shortcodes_in_html(tag + ">");
  }

  // For each child in [first, last): the index of the sibling that closes
  // the raw-content element it opens (kramdown dialect), else its own. One
  // pass with a stack of open elements, so unclosed tags cost nothing more.
  static std::vector<size_t> raw_content_ends(const DocNode& parent, size_t first, size_t last) {
    std::vector<size_t> ends(last - first);
    std::vector<std::pair<std::string, size_t>> open;
    std::map<std::string, int> open_count;  // how many of `open` have each name
    for (size_t j = first; j < last; ++j) {
      ends[j - first] = j;
      const DocNode& c = *parent.children[j];
      if (c.kind != DocKind::RawInline) continue;
      if (std::string tag = opening_tag_name(c.text); !tag.empty()) {
        if (kramdown_raw_content(tag)) {
          ++open_count[tag];
          open.emplace_back(std::move(tag), j);
        }
        continue;
      }
      const std::string closed = closing_tag_name(c.text);
      auto count = open_count.find(closed);
      if (count == open_count.end() || count->second == 0) continue;
      while (open.back().first != closed) {  // elements left open inside it end with it
        --open_count[open.back().first];
        open.pop_back();
      }
      --count->second;
      if (open.size() == 1) ends[open.back().second - first] = j;  // the outermost: its content holds the rest
      open.pop_back();
    }
    return ends;
  }

  std::string destination_and_title(const DocNode& n) const {
    const bool hugo = dialect_ == MarkdownDialect::Hugo, kramdown = dialect_ == MarkdownDialect::Kramdown;
    std::string s = link_destination(hugo ? defuse_shortcodes_in_url(n.url) : kramdown ? kramdown_url(n.url) : n.url);
    if (n.title.empty()) return s;
    std::string title = link_title(n.title);
    if (hugo) title = defuse_shortcodes_in_title(title);
    if (kramdown) title = kramdown_title(title);
    return s + (s.empty() ? "<> " : " ") + title;
  }

  InlineMode mode_;
  MarkdownDialect dialect_;
};

// The output character class next to token i, looking backwards (before) or
// forwards (after). Undecided delimiters are punctuation whatever they become.
CharClass class_before_token(const std::vector<Token>& tokens, size_t i) {
  if (i == 0) return CharClass::Space;
  const Token& t = tokens[i - 1];
  switch (t.kind) {
    case Tok::Break: return CharClass::Space;
    case Tok::Open:
    case Tok::Close: return CharClass::Punct;
    default: return class_before(t.s, t.s.size());
  }
}
CharClass class_after_token(const std::vector<Token>& tokens, size_t i) {
  if (i + 1 >= tokens.size()) return CharClass::Space;
  const Token& t = tokens[i + 1];
  switch (t.kind) {
    case Tok::Break: return CharClass::Space;
    case Tok::Open:
    case Tok::Close: return CharClass::Punct;
    default: return class_at(t.s, 0);
  }
}

// The delimiter character a decided delimiter token shows next to token i.
char neighbour_char(const std::vector<Token>& tokens, size_t i, bool before) {
  if (before ? i == 0 : i + 1 >= tokens.size()) return '\0';
  const Token& t = tokens[before ? i - 1 : i + 1];
  if (t.kind == Tok::Text || t.kind == Tok::Break || t.s.empty()) return '\0';
  return before ? t.s.back() : t.s.front();
}

// Whether the character next to token i (before or after it) is punctuation
// outside ASCII, where kramdown pairs emphasis otherwise than CommonMark.
bool unicode_punct_next_to(const std::vector<Token>& tokens, size_t i, bool before) {
  if (before ? i == 0 : i + 1 >= tokens.size()) return false;
  const Token& t = tokens[before ? i - 1 : i + 1];
  if (t.kind != Tok::Text || t.s.empty()) return false;
  const unsigned char edge = static_cast<unsigned char>(before ? t.s.back() : t.s.front());
  if (edge < 0x80) return false;
  return (before ? class_before(t.s, t.s.size()) : class_at(t.s, 0)) == CharClass::Punct;
}

void choose_delimiters(std::vector<Token>& tokens, MarkdownDialect dialect) {
  const bool kramdown = dialect == MarkdownDialect::Kramdown;
  std::vector<size_t> open;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == Tok::Open) open.push_back(i);
    if (tokens[i].kind == Tok::Close) {
      tokens[open.back()].partner = i;
      open.pop_back();
    }
  }
  std::vector<size_t> enclosing;  // the Open tokens around token i
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != Tok::Open) continue;
    while (!enclosing.empty() && tokens[enclosing.back()].partner < i) enclosing.pop_back();
    size_t close = tokens[i].partner;
    // kramdown: emphasis inside emphasis of its kind, or next to non-ASCII
    // punctuation, pairs otherwise than in CommonMark: said in HTML.
    bool html_only = false;
    if (kramdown) {
      for (size_t e : enclosing) html_only = html_only || tokens[e].delim == tokens[i].delim;
      html_only = html_only || unicode_punct_next_to(tokens, i, true) || unicode_punct_next_to(tokens, i, false) ||
                  unicode_punct_next_to(tokens, close, true) || unicode_punct_next_to(tokens, close, false);
    }
    enclosing.push_back(i);
    std::vector<std::string> candidates;
    std::string open_html, close_html;
    switch (tokens[i].delim) {
      case DocKind::Strong: candidates = {"**", "__"}; open_html = "<strong>"; close_html = "</strong>"; break;
      case DocKind::Strikethrough: candidates = {"~~"}; open_html = "<del>"; close_html = "</del>"; break;
      default: candidates = {"*", "_"}; open_html = "<em>"; close_html = "</em>"; break;
    }
    bool chosen = false;
    for (const std::string& d : html_only ? std::vector<std::string>{} : candidates) {
      char c = d[0];
      bool touches = neighbour_char(tokens, i, true) == c || neighbour_char(tokens, i, false) == c ||
                     neighbour_char(tokens, close, true) == c || neighbour_char(tokens, close, false) == c;
      if (touches) continue;
      if (!can_open(c, class_before_token(tokens, i), class_after_token(tokens, i))) continue;
      if (!can_close(c, class_before_token(tokens, close), class_after_token(tokens, close))) continue;
      tokens[i].s = d;
      tokens[close].s = d;
      chosen = true;
      break;
    }
    if (!chosen) {
      tokens[i].s = open_html;
      tokens[close].s = close_html;
    }
  }
}

}  // namespace

std::string write_inlines(const DocNode& parent, InlineMode mode, MarkdownDialect dialect) {
  return write_inlines(parent, 0, parent.children.size(), mode, dialect);
}

std::string write_inlines(const DocNode& parent, size_t first, size_t last, InlineMode mode, MarkdownDialect dialect) {
  std::vector<Token> tokens;
  Flattener(mode, dialect).range(parent, first, last, tokens);
  while (!tokens.empty() && tokens.front().kind == Tok::Break) tokens.erase(tokens.begin());
  while (!tokens.empty() && tokens.back().kind == Tok::Break) tokens.pop_back();
  choose_delimiters(tokens, dialect);

  // bracket_later[i]: a ']' is written somewhere after token i.
  std::vector<bool> bracket_later(tokens.size() + 1, false);
  for (size_t i = tokens.size(); i-- > 0;)
    bracket_later[i] = bracket_later[i + 1] || (i + 1 < tokens.size() &&
                                                tokens[i + 1].s.find(']') != std::string::npos);

  std::string out;
  int html_delimited = 0;  // open ~~ or HTML delimiters, where kramdown reads no "\" break
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind == Tok::Open && (t.s == "~~" || t.s.front() == '<')) ++html_delimited;
    if (t.kind == Tok::Close && (t.s == "~~" || t.s.front() == '<')) --html_delimited;
    switch (t.kind) {
      case Tok::Text: {
        TextContext context;
        if (i + 1 < tokens.size()) {
          context.break_after = tokens[i + 1].kind == Tok::Break;
          context.after = context.break_after ? std::string_view("\\") : std::string_view(tokens[i + 1].s);
        }
        context.line_rules = mode == InlineMode::Paragraph;
        context.heading = mode == InlineMode::Heading && i + 1 == tokens.size();
        context.heading_text = mode == InlineMode::Heading;
        context.table_cell = mode == InlineMode::TableCell;
        context.in_link_text = t.in_link;
        context.bracket_later = bracket_later[i];
        context.dialect = dialect;
        append_escaped_text(out, t.s, context);
        break;
      }
      case Tok::Break:
        // A line that starts with <iframe, <div, <!-- ... would open an HTML
        // block and end the paragraph; keep such raw HTML on this line.
        if (i + 1 < tokens.size() && tokens[i + 1].kind == Tok::Markup &&
            opens_interrupting_html_block(tokens[i + 1].s))
          out += "<br />";
        else if (dialect == MarkdownDialect::Kramdown &&
                 (html_delimited > 0 || (i + 1 < tokens.size() && tokens[i + 1].kind == Tok::Markup &&
                                         kramdown_starts_block_html(tokens[i + 1].s))))
          out += "<br />";
        else
          out += "\\\n";
        break;
      default:
        // kramdown: a paragraph starting with <object>, <font> ... would be block HTML there.
        if (i == 0 && mode == InlineMode::Paragraph && dialect == MarkdownDialect::Kramdown &&
            kramdown_starts_block_html(t.s))
          out += "<span></span>";
        out += t.s;
        break;
    }
  }
  if (mode == InlineMode::TableCell) {
    std::string escaped;
    for (char c : out) {
      if (c == '|') escaped += '\\';
      escaped += c;
    }
    out = std::move(escaped);
  }
  return out;
}

}  // namespace blogshift::markdown

// style-noise: presentational markup removed, its meaning kept.
//
// Blogger's editor (and text pasted into it from Word or Google Docs) leaves
// inline styles, fonts, spans and ids everywhere. This pass keeps what they
// meant and drops the rest:
// * A <span> or <font> whose style (or <font face>) says bold
//   (font-weight bold/bolder/700/800/900) becomes <strong>, italic
//   (font-style italic/oblique) <em>, strike-through
//   (text-decoration line-through) <del>, a monospace family (monospace,
//   Courier, Consolas, Menlo, Monaco, Lucida Console) <code>; several at once
//   nest in that order. Any other span or font is unwrapped. Nothing is added
//   that an ancestor already says (bold inside <b> stays plain), and inside
//   pre/code spans are only highlighting, so they are always unwrapped.
// * <b>/<strong> styled font-weight normal (Google Docs wraps whole pastes
//   in one) and <i>/<em> styled font-style normal are unwrapped.
// * A p, li, td, th or div holding only inline content whose own style says
//   bold/italic/strike-through gets the same elements around its content.
// * Attributes dropped everywhere: style, class (kept on pre and code, where
//   the converter reads the language: `brush: python`, `lang-py`,
//   `language-…`, `sourceCode`), id and <a name> (kept when a link in the
//   post points at them, `href="#…"`), dir, lang, data-*, aria-*, role,
//   tabindex (pasted web-app markup), align (kept on table cells), Blogger's
//   imageanchor and an image's border.
#include <algorithm>
#include <set>

#include "passes/passes.h"
#include "passes/tree_edit.h"
#include "text.h"

namespace blogshift::passes {

namespace {

struct Meaning {
  bool strong = false, em = false, del = false, code = false;
  bool any() const { return strong || em || del || code; }
};

bool has_word(std::string_view haystack, std::string_view word) { return haystack.find(word) != std::string_view::npos; }

bool monospace_family(std::string_view family) {
  for (std::string_view f : {"monospace", "courier", "consolas", "menlo", "monaco", "lucida console", "source code pro"})
    if (has_word(family, f)) return true;
  return false;
}

bool bold_weight(std::string_view w) { return w == "bold" || w == "bolder" || w == "700" || w == "800" || w == "900"; }

Meaning meaning_of(const HtmlNode& n, const CssDeclarations& css) {
  Meaning m;
  m.strong = bold_weight(css_value(css, "font-weight"));
  std::string style = css_value(css, "font-style");
  m.em = style == "italic" || style == "oblique";
  m.del = has_word(css_value(css, "text-decoration"), "line-through") ||
          has_word(css_value(css, "text-decoration-line"), "line-through");
  m.code = monospace_family(css_value(css, "font-family"));
  std::string font = css_value(css, "font");  // shorthand: "italic bold 12px Courier, monospace"
  if (!font.empty()) {
    m.strong = m.strong || has_word(font, "bold");
    m.em = m.em || has_word(font, "italic") || has_word(font, "oblique");
    m.code = m.code || monospace_family(font);
  }
  if (n.tag == "font") m.code = m.code || monospace_family(ascii_lower(n.attr_or("face")));
  return m;
}

// Drops what an enclosing element already says.
Meaning without_inherited(Meaning m, const HtmlNode& n) {
  for (const HtmlNode* p = n.parent; p && p->is_element(); p = p->parent) {
    const std::string& t = p->tag;
    if (t == "b" || t == "strong" || (t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6')) m.strong = false;
    if (t == "i" || t == "em") m.em = false;
    if (t == "del" || t == "s" || t == "strike") m.del = false;
    if (t == "code" || t == "tt" || t == "kbd" || t == "samp") m.code = false;
  }
  return m;
}

std::vector<std::string> tags_for(const Meaning& m) {
  std::vector<std::string> tags;
  if (m.strong) tags.emplace_back("strong");
  if (m.em) tags.emplace_back("em");
  if (m.del) tags.emplace_back("del");
  if (m.code) tags.emplace_back("code");
  return tags;
}

bool keeps_attribute(const HtmlNode& n, const HtmlAttribute& a, const std::set<std::string>& targets) {
  const std::string& name = a.name;
  if (name == "style" || name == "dir" || name == "lang" || name == "xml:lang" || name == "imageanchor" ||
      name == "role" || name == "tabindex" || name.starts_with("data-") || name.starts_with("aria-"))
    return false;
  if (name == "class") return n.tag == "pre" || n.tag == "code";
  if (name == "id") return targets.contains(a.value);
  if (name == "name" && n.tag == "a") return targets.contains(a.value);
  if (name == "align") return n.tag == "td" || n.tag == "th" || n.tag == "col";
  if (name == "border" && n.tag == "img") return false;
  return true;
}

}  // namespace

void style_noise_pass(HtmlNode& body, PassContext& context) {
  std::set<std::string> targets;
  for (HtmlNode* n : elements_preorder(body)) {
    const std::string* href = n->tag == "a" ? n->attr("href") : nullptr;
    if (href && href->size() > 1 && (*href)[0] == '#') targets.insert(href->substr(1));
  }

  std::vector<HtmlNode*> touched_parents;
  for (HtmlNode* n : elements_preorder(body)) {
    const std::string* style = n->attr("style");
    CssDeclarations css = style ? parse_style(*style) : CssDeclarations{};
    bool literal = in_literal_text(*n);
    size_t before = n->attributes.size();
    std::erase_if(n->attributes, [&](const HtmlAttribute& a) { return !keeps_attribute(*n, a, targets); });
    bool changed = n->attributes.size() != before;

    if (n->tag == "span" || n->tag == "font") {
      Meaning m = literal ? Meaning{} : without_inherited(meaning_of(*n, css), *n);
      std::erase_if(n->attributes, [](const HtmlAttribute& a) { return a.name != "id"; });
      std::vector<std::string> tags = tags_for(m);
      ++context.changes;
      if (tags.empty() && n->attributes.empty()) {
        touched_parents.push_back(n->parent);
        unwrap(*n);
        continue;
      }
      if (tags.empty()) continue;  // a link target: an id-only <span>
      n->tag = tags[0];
      HtmlNode* inner = n;
      for (size_t i = 1; i < tags.size(); ++i) inner = wrap_children(*inner, tags[i]);
      continue;
    }
    if ((n->tag == "b" || n->tag == "strong") && !css.empty()) {
      std::string w = css_value(css, "font-weight");
      if (w == "normal" || w == "400" || w == "300" || w == "lighter") {
        touched_parents.push_back(n->parent);
        unwrap(*n);
        ++context.changes;
        continue;
      }
    }
    if ((n->tag == "i" || n->tag == "em") && css_value(css, "font-style") == "normal") {
      touched_parents.push_back(n->parent);
      unwrap(*n);
      ++context.changes;
      continue;
    }
    static constexpr std::string_view kBlocks[] = {"p", "li", "td", "th", "div", "dd", "blockquote"};
    if (!literal && !css.empty() && std::find(std::begin(kBlocks), std::end(kBlocks), n->tag) != std::end(kBlocks) &&
        std::all_of(n->children.begin(), n->children.end(), [](const auto& c) { return is_inline(*c); }) &&
        !n->children.empty()) {
      Meaning m = without_inherited(meaning_of(*n, css), *n);
      m.code = false;  // a monospace paragraph is not inline code
      HtmlNode* inner = n;
      for (const std::string& t : tags_for(m)) inner = wrap_children(*inner, t);
      changed = changed || m.any();
    }
    if (changed) ++context.changes;
  }
  std::sort(touched_parents.begin(), touched_parents.end());
  touched_parents.erase(std::unique(touched_parents.begin(), touched_parents.end()), touched_parents.end());
  for (HtmlNode* p : touched_parents) merge_adjacent_text(*p);
}

}  // namespace blogshift::passes

#include "discover/xml_stream.h"

#include <libxml/xmlreader.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "xml/feed_prolog.h"

namespace blogshift::fetch {

namespace {

constexpr int kMaxDepth = 256;
// libxml2's reader hands on nothing it parsed in the push that failed, so
// it is fed small pieces: a fatal error loses at most this much before it.
constexpr size_t kPiece = 128;

struct PieceInput {
  std::string_view bytes;
  size_t pos = 0;
};

// libxml2 calls these; no exception can come out of them.
int read_piece(void* context, char* buffer, int len) {
  auto* in = static_cast<PieceInput*>(context);
  const size_t n = std::min({kPiece, static_cast<size_t>(len), in->bytes.size() - in->pos});
  std::memcpy(buffer, in->bytes.data() + in->pos, n);
  in->pos += n;
  return static_cast<int>(n);
}
int close_piece(void*) { return 0; }

struct XmlReaderDeleter {
  void operator()(xmlTextReaderPtr r) const { xmlFreeTextReader(r); }
};

std::string str(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

// The first fatal error libxml2 reports (no exception may cross back into it).
void error_callback(void* context, xmlErrorPtr error) {
  try {
    auto* first = static_cast<std::string*>(context);
    if (!error || error->level != XML_ERR_FATAL || !first->empty()) return;
    std::string message = error->message ? error->message : "XML error";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    *first = "line " + std::to_string(error->line) + ": " + message;
  } catch (...) {
    // Out of memory copying a message: the error still ends the read.
  }
}

XmlElement read_element(xmlTextReaderPtr r) {
  XmlElement e;
  e.local = str(xmlTextReaderConstLocalName(r));
  e.ns = str(xmlTextReaderConstNamespaceUri(r));
  e.depth = xmlTextReaderDepth(r);
  while (xmlTextReaderMoveToNextAttribute(r) == 1) {
    if (xmlTextReaderIsNamespaceDecl(r) == 1) continue;
    e.attributes.emplace_back(str(xmlTextReaderConstLocalName(r)), str(xmlTextReaderConstValue(r)));
  }
  xmlTextReaderMoveToElement(r);
  return e;
}

}  // namespace

const std::string* XmlElement::attr(std::string_view name) const {
  for (const auto& [n, v] : attributes)
    if (n == name) return &v;
  return nullptr;
}

std::string XmlElement::attr_or(std::string_view name, std::string_view fallback) const {
  const std::string* v = attr(name);
  return v ? *v : std::string(fallback);
}

std::string read_xml(std::string_view url, std::string_view bytes, XmlHandler& handler) {
  const Prolog prolog = scan_prolog(bytes);
  if (prolog.verdict == Prolog::Verdict::Doctype)
    return "document type declarations are refused (no entity is expanded or fetched)";
  if (prolog.verdict == Prolog::Verdict::TooLong) return "no root element in the first MiB";
  if (prolog.verdict == Prolog::Verdict::NoRoot) return "not XML: no root element";

  const std::string name(url);
  PieceInput input{bytes};
  std::unique_ptr<xmlTextReader, XmlReaderDeleter> reader(
      xmlReaderForIO(read_piece, close_piece, &input, name.c_str(), nullptr,
                     XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!reader) return "cannot start the XML parser";
  std::string error;
  xmlTextReaderSetStructuredErrorHandler(reader.get(), error_callback, &error);
  xmlTextReaderPtr r = reader.get();
  // The open elements, so end() gets the same element start() had.
  std::vector<XmlElement> open;
  int rc;
  while ((rc = xmlTextReaderRead(r)) == 1) {
    switch (xmlTextReaderNodeType(r)) {
      case XML_READER_TYPE_DOCUMENT_TYPE:
        return "document type declaration found; not read further";
      case XML_READER_TYPE_ELEMENT: {
        if (xmlTextReaderDepth(r) > kMaxDepth) return "elements nested deeper than " + std::to_string(kMaxDepth);
        const bool empty = xmlTextReaderIsEmptyElement(r) == 1;
        XmlElement e = read_element(r);
        handler.start(e);
        if (empty)
          handler.end(e);
        else
          open.push_back(std::move(e));
        break;
      }
      case XML_READER_TYPE_END_ELEMENT:
        if (!open.empty()) {
          handler.end(open.back());
          open.pop_back();
        }
        break;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        if (const xmlChar* v = xmlTextReaderConstValue(r)) handler.text(reinterpret_cast<const char*>(v));
        break;
      default:
        break;
    }
  }
  if (rc == 0 && error.empty()) return {};
  return error.empty() ? "XML parse error" : error;
}

}  // namespace blogshift::fetch

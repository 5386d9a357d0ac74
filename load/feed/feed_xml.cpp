#include "feed_xml.h"

#include <libxml/xmlwriter.h>

#include <cstdio>
#include <ctime>
#include <memory>
#include <stdexcept>

namespace blogshift {

namespace {

// One document being written into memory; every call checks libxml2's answer.
class XmlOut {
public:
  XmlOut() : buffer_(xmlBufferCreate(), &xmlBufferFree) {
    writer_ = xmlNewTextWriterMemory(buffer_.get(), 0);
    if (!writer_) throw std::runtime_error("feed: libxml2 could not start a writer");
    xmlTextWriterSetIndent(writer_, 1);
    xmlTextWriterSetIndentString(writer_, BAD_CAST "  ");
    check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", nullptr));
  }
  ~XmlOut() {
    if (writer_) xmlFreeTextWriter(writer_);
  }
  XmlOut(const XmlOut&) = delete;
  XmlOut& operator=(const XmlOut&) = delete;

  void start(const char* name) { check(xmlTextWriterStartElement(writer_, BAD_CAST name)); }
  void attribute(const char* name, const std::string& value) {
    check(xmlTextWriterWriteAttribute(writer_, BAD_CAST name, BAD_CAST value.c_str()));
  }
  void text(const std::string& value) { check(xmlTextWriterWriteString(writer_, BAD_CAST value.c_str())); }
  void end() { check(xmlTextWriterEndElement(writer_)); }
  // <name>value</name>
  void element(const char* name, const std::string& value) {
    start(name);
    text(value);
    end();
  }
  std::string finish() {
    check(xmlTextWriterEndDocument(writer_));
    xmlFreeTextWriter(writer_);  // flushes into the buffer
    writer_ = nullptr;
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_.get())),
                       static_cast<size_t>(xmlBufferLength(buffer_.get())));
  }

private:
  static void check(int rc) {
    if (rc < 0) throw std::runtime_error("feed: libxml2 could not write the XML");
  }
  std::unique_ptr<xmlBuffer, void (*)(xmlBufferPtr)> buffer_;
  xmlTextWriterPtr writer_ = nullptr;
};

// Text as XML 1.0 allows it: the control characters it forbids go (a post's
// title can hold one; libxml2 would write it as a character reference that
// no XML parser accepts).
std::string xml_text(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && u != '\t' && u != '\n' && u != '\r') continue;
    out += c;
  }
  return out;
}

}  // namespace

std::string rfc822_date(const std::string& utc) {
  int y, mo, d, h, mi, s;
  if (utc.size() < 19 || std::sscanf(utc.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6) return {};
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  const time_t t = timegm(&tm);
  std::tm norm{};
  gmtime_r(&t, &norm);
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char out[40];
  std::snprintf(out, sizeof out, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[norm.tm_wday], norm.tm_mday,
                kMonths[norm.tm_mon], norm.tm_year + 1900, norm.tm_hour, norm.tm_min, norm.tm_sec);
  return out;
}

std::string atom_feed_xml(const FeedChannel& channel) {
  XmlOut x;
  x.start("feed");
  x.attribute("xmlns", "http://www.w3.org/2005/Atom");
  x.element("id", xml_text(channel.id));
  x.element("title", xml_text(channel.title));
  x.element("updated", channel.updated);
  x.start("link");
  x.attribute("rel", "self");
  x.attribute("type", "application/atom+xml");
  x.attribute("href", channel.self_link);
  x.end();
  x.start("link");
  x.attribute("rel", "alternate");
  x.attribute("type", "text/html");
  x.attribute("href", channel.site_link);
  x.end();
  x.element("generator", "blogshift");
  for (const FeedEntry& e : channel.entries) {
    x.start("entry");
    x.element("id", xml_text(e.id));
    x.start("title");
    x.attribute("type", "text");
    x.text(xml_text(e.title));
    x.end();
    x.start("link");
    x.attribute("rel", "alternate");
    x.attribute("type", "text/html");
    x.attribute("href", e.link);
    x.end();
    x.element("published", e.published);
    x.element("updated", e.updated);
    x.start("author");
    // Atom wants a name for every entry's author; the blog speaks when the post names none.
    x.element("name", xml_text(e.author_name.empty() ? channel.title : e.author_name));
    if (!e.author_uri.empty()) x.element("uri", xml_text(e.author_uri));
    x.end();
    for (const auto& c : e.categories) {
      x.start("category");
      x.attribute("term", xml_text(c));
      x.end();
    }
    if (!e.summary.empty()) {
      x.start("summary");
      x.attribute("type", "text");
      x.text(xml_text(e.summary));
      x.end();
    }
    x.start("content");
    x.attribute("type", "html");
    // Relative image and link addresses in the body resolve against the post's page.
    x.attribute("xml:base", e.link.empty() || e.link.back() == '/' ? e.link : e.link + "/");
    x.text(xml_text(e.content_html));
    x.end();
    x.end();
  }
  x.end();
  return x.finish();
}

std::string rss_feed_xml(const FeedChannel& channel) {
  XmlOut x;
  x.start("rss");
  x.attribute("version", "2.0");
  x.attribute("xmlns:atom", "http://www.w3.org/2005/Atom");
  x.attribute("xmlns:dc", "http://purl.org/dc/elements/1.1/");
  x.start("channel");
  x.element("title", xml_text(channel.title));
  x.element("link", channel.site_link);
  x.element("description", xml_text(channel.title));
  x.element("lastBuildDate", rfc822_date(channel.updated));
  x.element("generator", "blogshift");
  x.start("atom:link");
  x.attribute("rel", "self");
  x.attribute("type", "application/rss+xml");
  x.attribute("href", channel.self_link);
  x.end();
  for (const FeedEntry& e : channel.entries) {
    x.start("item");
    // Blogger's RSS gave the same tag: id, not a permalink, as the guid.
    x.start("guid");
    x.attribute("isPermaLink", "false");
    x.text(xml_text(e.id));
    x.end();
    x.element("title", xml_text(e.title));
    x.element("link", e.link);
    x.element("pubDate", rfc822_date(e.published));
    if (!e.author_name.empty()) x.element("dc:creator", xml_text(e.author_name));
    for (const auto& c : e.categories) x.element("category", xml_text(c));
    x.element("description", xml_text(e.content_html.empty() ? e.summary : e.content_html));
    x.end();
  }
  x.end();
  x.end();
  return x.finish();
}

}  // namespace blogshift

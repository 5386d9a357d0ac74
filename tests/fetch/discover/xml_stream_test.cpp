// The XML adapter on its own: what the handler is given, the prolog check,
// the depth cap.
#include <gtest/gtest.h>

#include <string>

#include "discover/xml_stream.h"

using namespace blogshift::fetch;

namespace {

// Writes "<ns|local@depth attrs>", "</local>" and "text" as they come.
class Recorder : public XmlHandler {
public:
  void start(const XmlElement& e) override {
    log += "<" + e.ns + "|" + e.local + "@" + std::to_string(e.depth);
    for (const auto& [n, v] : e.attributes) log += " " + n + "=" + v;
    log += ">";
  }
  void end(const XmlElement& e) override { log += "</" + e.local + ">"; }
  void text(std::string_view t) override { log += t; }
  std::string log;
};

}  // namespace

TEST(XmlStream, ElementsNamespacesAttributesAndText) {
  Recorder r;
  EXPECT_EQ(read_xml("t", "<a xmlns='urn:x' xmlns:y='urn:y'><y:b k='1' y:l='2'/>t&amp;<![CDATA[<c>]]></a>", r), "");
  EXPECT_EQ(r.log, "<urn:x|a@0><urn:y|b@1 k=1 l=2></b>t&<c></a>");
}

TEST(XmlStream, ProcessingInstructionsAndCommentsBeforeTheRootAreFine) {
  Recorder r;
  EXPECT_EQ(read_xml("t", "\xEF\xBB\xBF<?xml version='1.0'?><!-- hi --><?xml-stylesheet href='x'?><a/>", r), "");
  EXPECT_EQ(r.log, "<|a@0></a>");
}

TEST(XmlStream, DoctypeIsRefusedBeforeParsing) {
  Recorder r;
  EXPECT_NE(read_xml("t", "<!DOCTYPE a><a>text</a>", r).find("refused"), std::string::npos);
  EXPECT_EQ(r.log, "");
}

TEST(XmlStream, DoctypeAfterACommentIsRefusedToo) {
  Recorder r;
  EXPECT_NE(read_xml("t", "<?xml version='1.0'?><!-- x --><!DOCTYPE a [<!ENTITY e 'boom'>]><a>&e;</a>", r).find("refused"),
            std::string::npos);
  EXPECT_EQ(r.log, "");
}

TEST(XmlStream, NestingIsCapped) {
  std::string xml;
  for (int i = 0; i < 1000; ++i) xml += "<d>";
  Recorder r;
  EXPECT_NE(read_xml("t", xml, r).find("nested deeper"), std::string::npos);
}

TEST(XmlStream, EncodingDeclarationIsHonoured) {
  Recorder r;
  EXPECT_EQ(read_xml("t", "<?xml version='1.0' encoding='ISO-8859-1'?><a>caf\xE9</a>", r), "");
  EXPECT_EQ(r.log, "<|a@0>caf\xC3\xA9</a>");
}

TEST(XmlStream, InvalidUtf8IsAnError) {
  Recorder r;
  EXPECT_FALSE(read_xml("t", "<a>\xFF\xFE</a>", r).empty());
}

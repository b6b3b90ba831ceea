// The CLI's input layer on bytes in memory: record readers, binary sniffing, JSON repairs.
// Cases the fuzz targets (fuzz/) found, if any, are added here as regression rows.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "binary.h"
#include "input.h"

namespace newslens::cli {
namespace {

std::vector<Record> ReadJsonl(const std::string& bytes) {
  Buffered in{std::string_view(bytes)};
  JsonlReader reader(&in);
  std::vector<Record> out;
  Record rec;
  while (reader.Next(&rec)) out.push_back(rec);
  return out;
}

std::vector<Record> ReadCsv(const std::string& bytes, Status* header) {
  Buffered in{std::string_view(bytes)};
  CsvReader reader(&in);
  std::vector<Record> out;
  *header = reader.ReadHeader();
  if (!header->ok()) return out;
  Record rec;
  while (reader.Next(&rec)) out.push_back(rec);
  return out;
}

TEST(Jsonl, SkipsBlankLinesAndStripsBomAndCr) {
  auto recs = ReadJsonl("\xEF\xBB\xBF{\"text\":\"a\"}\r\n\n  \t\n{\"text\":\"b\"}");
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].raw, "{\"text\":\"a\"}");
  EXPECT_EQ(recs[0].line, 1u);
  EXPECT_EQ(recs[1].line, 4u);
  EXPECT_TRUE(ReadJsonl("").empty());
  EXPECT_TRUE(ReadJsonl("\n\n").empty());
}

TEST(Csv, ReadsQuotedFieldsAndReportsBadRecords) {
  Status header;
  auto recs = ReadCsv("id,text\n1,\"a, \"\"b\"\"\nc\"\n2,x\"y\n3,\"open", &header);
  ASSERT_TRUE(header.ok()) << header.error();
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].text, "a, \"b\"\nc");
  EXPECT_NE(recs[1].error.find("quote inside an unquoted field"), std::string::npos);
  EXPECT_EQ(recs[1].line, 4u);
  EXPECT_NE(recs[2].error.find("unterminated quoted field"), std::string::npos);

  EXPECT_FALSE((ReadCsv("", &header), header.ok()));
  EXPECT_NE(header.error().find("no CSV header"), std::string::npos);
  EXPECT_FALSE((ReadCsv("id,title\n", &header), header.ok()));
  EXPECT_NE(header.error().find("no \"text\" column"), std::string::npos);
  EXPECT_FALSE((ReadCsv("\"text\n", &header), header.ok()));  // unterminated header
}

TEST(LoneSurrogates, EscapesBecomeReplacementCharactersInPlace) {
  struct Case {
    std::string in, out;
    size_t replaced;
  } cases[] = {
      {R"({"text":"a\ud800b"})", R"({"text":"a\uFFFDb"})", 1},
      {R"({"text":"\udc00"})", R"({"text":"\uFFFD"})", 1},
      {R"({"text":"\ud83d\ude00"})", R"({"text":"\ud83d\ude00"})", 0},  // a pair stays
      {R"({"text":"\ud83d\ud83d\ude00"})", R"({"text":"\uFFFD\ud83d\ude00"})", 1},
      {R"({"text":"\\ud800"})", R"({"text":"\\ud800"})", 0},  // an escaped backslash
      {R"({"text":"\ud80"})", R"({"text":"\ud80"})", 0},      // not 4 hex digits
      {"\\", "\\", 0},
      {"\\u", "\\u", 0},
      {"\\uD800", "\\uFFFD", 1},
      {"\\uD800\\u", "\\uFFFD\\u", 1},
  };
  for (const Case& c : cases) {
    std::string s = c.in;
    EXPECT_EQ(ReplaceLoneSurrogateEscapes(&s), c.replaced) << c.in;
    EXPECT_EQ(s, c.out);
  }
}

TEST(Jsonl, NestingDepthIsFoundOutsideStrings) {
  // Regression (fuzz/jsonl, docs/reliability.md): {"id": [[[...]]]} nested a million deep made
  // the CLI recurse in nlohmann's dump until the stack overflowed. The line is now refused.
  const std::string deep = "{\"id\":" + std::string(1000000, '[') + std::string(1000000, ']') + "}";
  EXPECT_EQ(JsonTooDeepAt(deep, kMaxRecordDepth), 6u + kMaxRecordDepth - 1);
  EXPECT_EQ(JsonTooDeepAt("[[[]]]", 3), std::string::npos);
  EXPECT_EQ(JsonTooDeepAt("[[[[]]]]", 3), 3u);
  EXPECT_EQ(JsonTooDeepAt("{\"text\":\"[[[[[[\\\"[[[[\"}", 1), std::string::npos);
  EXPECT_EQ(JsonTooDeepAt("\"unterminated [[[[", 1), std::string::npos);
  EXPECT_EQ(JsonTooDeepAt("]]]][[", 1), 5u);
}

TEST(Binary, SignaturesAndControlBytesAreNotText) {
  struct Case {
    std::string head;
    const char* kind;  // nullptr: text
  } cases[] = {
      {std::string("\x89PNG\r\n\x1A\n\0\0", 10), "a PNG image"},
      {"%PDF-1.7\n", "a PDF document"},
      {"\xFF\xD8\xFF\xE0", "a JPEG image"},
      {"GIF89a", "a GIF image"},
      {std::string("PK\x03\x04\x14\0", 6), "a ZIP archive (also .docx, .xlsx, .odt, .epub)"},
      {"RIFF\x10\x20\x30\x40WEBPVP8 ", "a WebP image"},
      {std::string("\0\0\0\x18" "ftypmp42", 12), "an MP4/MOV video or audio file"},
      {std::string("abc\0", 4), "binary data (NUL bytes)"},
      {"\x01\x02\x03\x04 noise", "binary data (control bytes)"},
      {"", nullptr},
      {"The war ended.", nullptr},
      {"RIFF raffle results", nullptr},
      {"ID3 is a tag format", nullptr},
      {"caf\xE9 au lait (Latin-1)", nullptr},
      {"\x1B[1mbold\x1B[0m then a long enough line of ordinary text to stay under one percent of "
       "control characters, which is what a coloured log line would look like in a terminal "
       "session, more or less, give or take a few words here and there, and then some more "
       "words until we have written well over four hundred bytes of this, which should do it.",
       nullptr},
  };
  for (const Case& c : cases) {
    const char* kind = BinaryKind(c.head);
    if (c.kind == nullptr) {
      EXPECT_EQ(kind, nullptr) << c.head;
    } else {
      ASSERT_NE(kind, nullptr) << c.head;
      EXPECT_STREQ(kind, c.kind);
    }
  }
  // Records: only signatures, NULs are the analyzer's to replace.
  EXPECT_EQ(FileSignature(std::string("a\0b", 3)), nullptr);
  EXPECT_STREQ(FileSignature("%PDF-1.4"), "a PDF document");
}

}  // namespace
}  // namespace newslens::cli

// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// JSONL and folder inputs: record fields, ids, titles, sources and bad records.

#include "pipeline/io/reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "pipeline/io/record_parser.h"
#include "tests/reader_test_util.h"

namespace neardup {
namespace {

using testing_util::IdJsons;
using testing_util::IssueSummaries;
using testing_util::ReadAll;
using testing_util::ReadInputs;
using testing_util::ReadResult;
using testing_util::ScratchDir;
using testing_util::FileOf;
using testing_util::Raw;
using testing_util::Texts;
using testing_util::TokenOf;

#define FFFD "\xEF\xBF\xBD"  // U+FFFD

TEST(ReaderTest, ReadsPlainJsonl) {
  ScratchDir dir;
  const std::string path =
      dir.Write("a.jsonl",
                "{\"id\": \"doc-1\", \"text\": \"Hello\\nworld\", \"lang\": \"en\"}\n"
                "{\"text\" :   \"caf\\u00e9\"   , \"id\":42 ,\"extra\":{\"x\":[1,2,{\"y\":null}]}}\n");
  const ReadResult result = ReadInputs({path});
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_TRUE(result.issues.empty());

  const Record& a = result.records[0];
  EXPECT_EQ(FileOf(result, a), path);
  EXPECT_EQ(a.line, 1u);
  EXPECT_FALSE(a.from_txt);
  EXPECT_EQ(Raw(a), "{\"id\": \"doc-1\", \"text\": \"Hello\\nworld\", \"lang\": \"en\"}");
  EXPECT_EQ(a.text, "Hello\nworld");
  EXPECT_EQ(TokenOf(a), "\"Hello\\nworld\"");
  EXPECT_EQ(a.id.json, "\"doc-1\"");
  EXPECT_EQ(a.id.key, "sdoc-1");
  EXPECT_EQ(a.title, "Hello");
  EXPECT_EQ(a.source, "");
  EXPECT_EQ(a.replacements, 0u);

  const Record& b = result.records[1];
  EXPECT_EQ(b.line, 2u);
  EXPECT_EQ(b.text, "caf\xC3\xA9");
  EXPECT_EQ(TokenOf(b), "\"caf\\u00e9\"");  // the token, without the whitespace after it
  EXPECT_EQ(b.json_head.size(), 12u);
  EXPECT_EQ(a.text_escaping, JsonEscaping::kMinimal);  // rebuilt from the text
  EXPECT_EQ(b.text_escaping, JsonEscaping::kAscii);    // the same, with non-ASCII escaped
  EXPECT_TRUE(b.text_token.empty());
  EXPECT_EQ(b.id.json, "42");
  EXPECT_EQ(b.id.key, "i42");
  // Unknown fields are carried through untouched in raw.
  EXPECT_NE(Raw(b).find("\"extra\":{\"x\":[1,2,{\"y\":null}]}"), std::string::npos);

  EXPECT_EQ(result.stats.files, 1u);
  EXPECT_EQ(result.stats.replacements, 0u);
}

TEST(ReaderTest, LineEndingsBlankLinesAndByteCount) {
  ScratchDir dir;
  const std::string content =
      "\xEF\xBB\xBF{\"text\":\"first\"}\r\n"
      "\n"
      "   \t \r\n"
      "{\"text\":\"keeps \\r\\n inside\"}\r\n"
      "{\"text\":\"no newline at the end\"}";
  const std::string path = dir.Write("crlf.jsonl", content);
  const ReadResult result = ReadInputs({path});
  ASSERT_TRUE(result.status.ok());
  EXPECT_TRUE(result.issues.empty());
  ASSERT_EQ(result.records.size(), 3u);
  EXPECT_EQ(Raw(result.records[0]), "{\"text\":\"first\"}");  // BOM and '\r' gone
  EXPECT_EQ(result.records[0].line, 1u);
  EXPECT_EQ(result.records[1].text, "keeps \r\n inside");
  EXPECT_EQ(result.records[1].line, 4u);  // blank lines still count
  EXPECT_EQ(result.records[2].line, 5u);
  EXPECT_EQ(result.records[2].text, "no newline at the end");
  EXPECT_EQ(result.stats.bytes, content.size());
}

TEST(ReaderTest, BadRecordsAreSkippedWithFileAndLine) {
  ScratchDir dir;
  const std::string path = dir.Write("bad.jsonl",
                                     "{\"text\":\"good 1\"}\n"               // 1
                                     "{\"text\":\"broken\", \n"              // 2 invalid_json
                                     "{\"text\":\"good 2\"}\n"               // 3
                                     "{\"body\":\"no text\"}\n"              // 4 missing_text
                                     "{\"text\":12}\n"                       // 5 non_string_text
                                     "{\"text\":null}\n"                     // 6 non_string_text
                                     "{\"text\":{\"a\":\"b\"}}\n"            // 7 non_string_text
                                     "[\"text\", \"array\"]\n"               // 8 not_object
                                     "\"just a string\"\n"                   // 9 not_object
                                     "{\"text\":\"x\",}\n"                   // 10 invalid_json
                                     "{\"text\":\"x\"} trailing\n"           // 11 invalid_json
                                     "{\"text\":\"bad \\q escape\"}\n"       // 12 invalid_json
                                     "{\"text\":\"x\",\"n\":01}\n"           // 13 invalid_json
                                     "{\"text\":\"x\",\"n\":tru}\n"          // 14 invalid_json
                                     "nonsense\n"                            // 15 invalid_json
                                     "{\"a\":\"b\":\"c\",\"text\":\"x\"}\n"  // 16 invalid_json
                                     "{\"text\":\"x\",\"l\":[\"a\":1]}\n"    // 17 invalid_json
                                     "{\"text\":\"good 3\"}\n");             // 18
  const ReadResult result = ReadInputs({path});
  ASSERT_TRUE(result.status.ok());
  EXPECT_EQ(Texts(result), (std::vector<std::string>{"good 1", "good 2", "good 3"}));
  EXPECT_EQ(
      IssueSummaries(result),
      (std::vector<std::string>{"invalid_json@2", "missing_text@4", "non_string_text@5", "non_string_text@6",
                                "non_string_text@7", "not_object@8", "not_object@9", "invalid_json@10",
                                "invalid_json@11", "invalid_json@12", "invalid_json@13", "invalid_json@14",
                                "invalid_json@15", "invalid_json@16", "invalid_json@17"}));
  for (const RecordIssue& issue : result.issues) {
    EXPECT_TRUE(issue.skipped);
    EXPECT_EQ(issue.file, path);
    EXPECT_EQ(issue.message.rfind(path + ":" + std::to_string(issue.line) + ": ", 0), 0u) << issue.message;
  }
  // simdjson's own diagnosis is passed on.
  EXPECT_NE(result.issues[0].message.find("invalid JSON: "), std::string::npos);
  EXPECT_NE(result.issues[2].message.find("an integer"), std::string::npos) << result.issues[2].message;
  EXPECT_NE(result.issues[3].message.find("null"), std::string::npos);
  EXPECT_NE(result.issues[4].message.find("an object"), std::string::npos);
}

TEST(ReaderTest, DeepNestingIsRejectedNotACrash) {
  ScratchDir dir;
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const std::string ok = std::string(500, '[') + std::string(500, ']');
  const std::string path = dir.Write(
      "deep.jsonl", "{\"text\":\"x\",\"deep\":" + deep + "}\n" + "{\"text\":\"y\",\"nested\":" + ok + "}\n");
  const ReadResult result = ReadInputs({path});
  ASSERT_TRUE(result.status.ok());
  EXPECT_EQ(Texts(result), (std::vector<std::string>{"y"}));
  EXPECT_EQ(IssueSummaries(result), (std::vector<std::string>{"invalid_json@1"}));
}

TEST(ReaderTest, InvalidUtf8IsRepairedInRawAndText) {
  ScratchDir dir;
  const std::string path = dir.Write("utf8.jsonl",
                                     "{\"text\":\"a\xC3 b\xE0\x80\x80 c\xED\xA0\x80\",\"id\":\"i\xFF\"}\n"
                                     "{\"text\":\"d\xF4\x90\x80\x80 \x80\xF8\",\"note\":\"\xC0\x80\"}\n");
  const ReadResult result = ReadInputs({path});
  ASSERT_TRUE(result.status.ok());
  ASSERT_EQ(result.records.size(), 2u);
  const Record& a = result.records[0];
  EXPECT_EQ(a.text, "a" FFFD " b" FFFD FFFD FFFD " c" FFFD FFFD FFFD);
  EXPECT_EQ(Raw(a), "{\"text\":\"a" FFFD " b" FFFD FFFD FFFD " c" FFFD FFFD FFFD "\",\"id\":\"i" FFFD "\"}");
  EXPECT_EQ(TokenOf(a), "\"a" FFFD " b" FFFD FFFD FFFD " c" FFFD FFFD FFFD "\"");
  EXPECT_EQ(a.id.json, "\"i" FFFD "\"");
  EXPECT_EQ(a.replacements, 8u);  // 7 in the text, 1 in the id
  const Record& b = result.records[1];
  EXPECT_EQ(b.text, "d" FFFD FFFD FFFD FFFD " " FFFD FFFD);
  EXPECT_EQ(Raw(b), "{\"text\":\"d" FFFD FFFD FFFD FFFD " " FFFD FFFD "\",\"note\":\"" FFFD FFFD "\"}");
  EXPECT_EQ(b.replacements, 8u);
  EXPECT_EQ(result.stats.replacements, 16u);
}

TEST(ReaderTest, LoneSurrogateEscapesAndEmptyText) {
  ScratchDir dir;
  const std::string path = dir.Write("surrogates.jsonl",
                                     "{\"text\":\"\\ud800x\"}\n"
                                     "{\"text\":\"\\udc00\\ud800\"}\n"
                                     "{\"text\":\"\\ud83d\\ude00\"}\n"
                                     "{\"text\":\"\"}\n");
  const ReadResult result = ReadInputs({path});
  ASSERT_TRUE(result.status.ok());
  EXPECT_EQ(Texts(result), (std::vector<std::string>{FFFD "x", FFFD FFFD, "\xF0\x9F\x98\x80", ""}));
  EXPECT_EQ(result.records[0].replacements, 1u);
  EXPECT_EQ(result.records[1].replacements, 2u);
  EXPECT_EQ(result.records[2].replacements, 0u);
  EXPECT_EQ(Raw(result.records[0]), "{\"text\":\"\\ud800x\"}");  // raw keeps the escape
  EXPECT_EQ(TokenOf(result.records[3]), "\"\"");
  EXPECT_EQ(result.records[3].title, "");
  EXPECT_EQ(result.stats.replacements, 3u);
}

TEST(ReaderTest, IdsMissingNullIntegerAndInvalid) {
  ScratchDir dir;
  const std::string path = dir.Write("ids.jsonl",
                                     "{\"text\":\"a\"}\n"
                                     "{\"text\":\"b\",\"id\":null}\n"
                                     "{\"text\":\"c\",\"id\":-7}\n"
                                     "{\"text\":\"d\",\"id\":123456789012345678901234567890}\n"
                                     "{\"text\":\"e\",\"id\":1.5}\n"
                                     "{\"text\":\"f\",\"id\":true}\n"
                                     "{\"text\":\"g\",\"id\":{\"a\":1}}\n"
                                     "{\"text\":\"h\",\"id\":[1]}\n"
                                     "{\"text\":\"i\",\"id\":\"caf\\u00e9 \\\"q\\\"\"}\n");
  const ReadResult result = ReadInputs({path});
  ASSERT_TRUE(result.status.ok());
  const std::string f = path;
  EXPECT_EQ(IdJsons(result),
            (std::vector<std::string>{"\"" + f + ":1\"", "\"" + f + ":2\"", "-7",
                                      "123456789012345678901234567890", "\"" + f + ":5\"", "\"" + f + ":6\"",
                                      "\"" + f + ":7\"", "\"" + f + ":8\"", "\"caf\\u00e9 \\\"q\\\"\""}));
  EXPECT_EQ(result.records[2].id.key, "i-7");
  EXPECT_EQ(result.records[8].id.key, "scaf\xC3\xA9 \"q\"");
  EXPECT_EQ(result.records[0].id.key, "s" + f + ":1");
  EXPECT_EQ(IssueSummaries(result),
            (std::vector<std::string>{"invalid_id@5", "invalid_id@6", "invalid_id@7", "invalid_id@8"}));
  for (const RecordIssue& issue : result.issues) EXPECT_FALSE(issue.skipped);
  EXPECT_NE(result.issues[0].message.find("a float"), std::string::npos) << result.issues[0].message;
}

TEST(ReaderTest, RepeatedIdsGetTheFirstFreeSuffix) {
  ScratchDir dir;
  const std::string a = dir.Write("a.jsonl",
                                  "{\"id\":\"a\",\"text\":\"1\"}\n"
                                  "{\"id\":\"a\",\"text\":\"2\"}\n"
                                  "{\"id\":\"a#2\",\"text\":\"3\"}\n"
                                  "{\"id\":7,\"text\":\"4\"}\n"
                                  "{\"id\":\"7\",\"text\":\"5\"}\n");
  const std::string b = dir.Write("b.jsonl",
                                  "{\"id\":7,\"text\":\"6\"}\n"
                                  "{\"id\":\"a\",\"text\":\"7\"}\n"
                                  "{\"id\":\"\\u0061\",\"text\":\"8\"}\n");
  const ReadResult result = ReadInputs({a, b});
  ASSERT_TRUE(result.status.ok());
  EXPECT_EQ(IdJsons(result), (std::vector<std::string>{"\"a\"", "\"a#2\"", "\"a#2#2\"", "7", "\"7\"",
                                                       "\"7#2\"", "\"a#3\"", "\"a#4\""}));
  EXPECT_EQ(IssueSummaries(result),
            (std::vector<std::string>{"repeated_id@2", "repeated_id@3", "repeated_id@1", "repeated_id@2",
                                      "repeated_id@3"}));
  EXPECT_EQ(result.issues[0].file, a);
  EXPECT_EQ(result.issues[2].file, b);
  EXPECT_FALSE(result.issues[0].skipped);
  // Names the earlier record: "a#2" was taken by line 2, the integer 7 by line 4.
  EXPECT_NE(result.issues[1].message.find(a + ":2"), std::string::npos) << result.issues[1].message;
  EXPECT_NE(result.issues[2].message.find(a + ":4"), std::string::npos) << result.issues[2].message;
  EXPECT_EQ(result.records[5].id.key, "s7#2");
}

TEST(ReaderTest, DottedPathsForTextAndId) {
  ScratchDir dir;
  const std::string path =
      dir.Write("nested.jsonl",
                "{\"meta\":{\"ids\":{\"main\":\"n1\"}},\"content\":{\"body\":\"deep\"}}\n"
                "{\"content\":{\"body\":{\"x\":1}}}\n"
                "{\"content\":\"not an object\"}\n"
                "{\"content\":{\"other\":1},\"text\":\"top-level text is not used\"}\n"
                "{\"cont\\u0065nt\":{\"body\":\"escaped key\"}}\n");
  InputOptions options;
  options.inputs = {path};
  options.text_field = "content.body";
  options.id_field = "meta.ids.main";
  const ReadResult result = ReadAll(options);
  ASSERT_TRUE(result.status.ok());
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].text, "deep");
  EXPECT_EQ(result.records[0].id.json, "\"n1\"");
  EXPECT_EQ(TokenOf(result.records[0]), "\"deep\"");
  EXPECT_EQ(result.records[1].text, "escaped key");
  EXPECT_EQ(IssueSummaries(result),
            (std::vector<std::string>{"non_string_text@2", "missing_text@3", "missing_text@4"}));
  EXPECT_NE(result.issues[1].message.find("content.body"), std::string::npos);

  options.text_field = "content..body";
  EXPECT_EQ(ReadAll(options).status.code(), Status::Code::kInvalidArgument);
}

TEST(ReaderTest, RepeatedKeysTakeTheLastValue) {
  ScratchDir dir;
  const std::string path = dir.Write("dup.jsonl",
                                     "{\"text\":\"first\",\"text\":\"second\"}\n"
                                     "{\"m\":{\"url\":\"http://a.com/\"},\"m\":{}}\n");
  InputOptions options;
  options.inputs = {path};
  const ReadResult result = ReadAll(options);
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].text, "second");
  EXPECT_EQ(TokenOf(result.records[0]), "\"second\"");
}

TEST(ReaderTest, TitleFromFieldOrFirstLine) {
  ScratchDir dir;
  const std::string path = dir.Write("titles.jsonl",
                                     "{\"title\":\"  The Title \",\"text\":\"body\"}\n"
                                     "{\"title\":5,\"text\":\"\\n  \\n  First line  \\nsecond\"}\n"
                                     "{\"title\":\"   \",\"text\":\"fallback\"}\n"
                                     "{\"headline\":\"H\",\"title\":\"T\",\"text\":\"x\"}\n");
  const ReadResult plain = ReadInputs({path});
  ASSERT_EQ(plain.records.size(), 4u);
  EXPECT_EQ(plain.records[0].title, "The Title");
  EXPECT_EQ(plain.records[1].title, "First line");
  EXPECT_EQ(plain.records[2].title, "fallback");
  EXPECT_EQ(plain.records[3].title, "T");

  InputOptions options;
  options.inputs = {path};
  options.title_field = "headline";
  const ReadResult custom = ReadAll(options);
  ASSERT_EQ(custom.records.size(), 4u);
  EXPECT_EQ(custom.records[0].title, "body");
  EXPECT_EQ(custom.records[3].title, "H");
}

TEST(ReaderTest, SourceFromFieldUrlOrMetadataUrl) {
  ScratchDir dir;
  const std::string path =
      dir.Write("sources.jsonl",
                "{\"source\":\"wiki\",\"url\":\"https://other.org/\",\"text\":\"1\"}\n"
                "{\"url\":\"https://WWW.Example.COM:8080/path?q#f\",\"text\":\"2\"}\n"
                "{\"metadata\":{\"url\":\"http:\\/\\/news.site.net\\/a\"},\"text\":\"3\"}\n"
                "{\"url\":\"not a url\",\"metadata\":{\"url\":\"http://meta.org\"},\"text\":\"4\"}\n"
                "{\"text\":\"5\",\"site\":\"custom\"}\n"
                "{\"source\":7,\"url\":\"ftp://user:pw@files.example.org/x\",\"text\":\"6\"}\n");
  const ReadResult result = ReadInputs({path});
  ASSERT_EQ(result.records.size(), 6u);
  EXPECT_EQ(result.records[0].source, "wiki");
  EXPECT_EQ(result.records[1].source, "example.com");
  EXPECT_EQ(result.records[2].source, "news.site.net");
  EXPECT_EQ(result.records[3].source, "meta.org");
  EXPECT_EQ(result.records[4].source, "");
  EXPECT_EQ(result.records[5].source, "files.example.org");

  InputOptions options;
  options.inputs = {path};
  options.source_field = "site";
  const ReadResult custom = ReadAll(options);
  ASSERT_EQ(custom.records.size(), 6u);
  EXPECT_EQ(custom.records[0].source, "other.org");  // "source" is no longer consulted
  EXPECT_EQ(custom.records[4].source, "custom");
}

TEST(ReaderTest, UrlHost) {
  EXPECT_EQ(UrlHost("https://www.example.com/a"), "example.com");
  EXPECT_EQ(UrlHost("HTTP://Sub.Example.com?x"), "sub.example.com");
  EXPECT_EQ(UrlHost("http://example.com#frag"), "example.com");
  EXPECT_EQ(UrlHost("http://example.com:80"), "example.com");
  EXPECT_EQ(UrlHost("http://[::1]:8080/"), "[::1]");
  EXPECT_EQ(UrlHost("example.com/a"), "");
  EXPECT_EQ(UrlHost(""), "");
}

TEST(ReaderTest, FolderOfTxtAndJsonlFiles) {
  ScratchDir dir;
  const std::string root = dir.path() + "/corpus";
  dir.Write("corpus/b.txt", "\xEF\xBB\xBFTitle B\r\nline two\r\n");
  dir.Write("corpus/a/z.txt", "\n\n  nested \xFF\n");
  dir.Write("corpus/a.txt", "A");
  dir.Write("corpus/site/one.jsonl", "{\"text\":\"from jsonl\"}\n");
  dir.Write("corpus/c.jsonl.gz", testing_util::Gzip("{\"text\":\"gz in folder\"}\n"));
  dir.Write("corpus/d.jsonl.zst", testing_util::Zstd("{\"text\":\"zst in folder\"}\n"));
  dir.Write("corpus/ignored.json", "{\"text\":\"not read\"}\n");
  dir.Write("corpus/notes.md", "not read");
  dir.Write("corpus/a/sub/.hidden.txt", "hidden file");

  std::vector<std::string> files;
  ASSERT_TRUE(ListInputFiles({root}, &files).ok());
  // Byte order of the relative path: "a.txt" < "a/sub/.hidden.txt" < "a/z.txt" ('.' < '/').
  EXPECT_EQ(files, (std::vector<std::string>{root + "/a.txt", root + "/a/sub/.hidden.txt", root + "/a/z.txt",
                                             root + "/b.txt", root + "/c.jsonl.gz", root + "/d.jsonl.zst",
                                             root + "/site/one.jsonl"}));

  const ReadResult result = ReadInputs({root});
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  ASSERT_EQ(result.records.size(), 7u);
  EXPECT_EQ(IdJsons(result),
            (std::vector<std::string>{"\"a\"", "\"a/sub/.hidden\"", "\"a/z\"", "\"b\"",
                                      "\"" + root + "/c.jsonl.gz:1\"", "\"" + root + "/d.jsonl.zst:1\"",
                                      "\"" + root + "/site/one.jsonl:1\""}));
  const Record& a = result.records[0];
  EXPECT_TRUE(a.from_txt);
  EXPECT_EQ(FileOf(result, a), root + "/a.txt");
  EXPECT_EQ(a.line, 1u);
  EXPECT_EQ(Raw(a), "");
  EXPECT_EQ(a.source, root);  // directly in the folder: the folder as given
  const Record& z = result.records[2];
  EXPECT_EQ(z.text, "\n\n  nested " FFFD "\n");
  EXPECT_EQ(z.replacements, 1u);
  EXPECT_EQ(z.title, "nested " FFFD);
  EXPECT_EQ(z.source, "a");
  EXPECT_EQ(result.records[1].source, "a/sub");
  const Record& b = result.records[3];
  EXPECT_EQ(b.text, "Title B\r\nline two\r\n");  // BOM dropped, CRLF kept
  EXPECT_EQ(b.title, "Title B");
  EXPECT_EQ(result.records[4].text, "gz in folder");
  EXPECT_EQ(result.records[5].text, "zst in folder");
  EXPECT_EQ(FileOf(result, result.records[6]), root + "/site/one.jsonl");
  EXPECT_EQ(result.records[6].source, "");  // JSONL records do not take the folder
  EXPECT_EQ(result.stats.files, 7u);

  // A trailing slash changes neither ids nor sources.
  const ReadResult slash = ReadInputs({root + "/"});
  ASSERT_EQ(slash.records.size(), 7u);
  EXPECT_EQ(slash.records[0].id.json, "\"a\"");
  EXPECT_EQ(FileOf(slash, slash.records[0]), root + "/a.txt");
  EXPECT_EQ(slash.records[0].source, root);
}

TEST(ReaderTest, MixedInputsKeepCommandLineOrder) {
  ScratchDir dir;
  const std::string first = dir.Write("z.jsonl", "{\"text\":\"z\"}\n");
  dir.Write("folder/m.txt", "m");
  const std::string last = dir.Write("a.jsonl", "{\"text\":\"a\"}\n");
  const ReadResult result = ReadInputs({first, dir.path() + "/folder", last});
  ASSERT_TRUE(result.status.ok());
  EXPECT_EQ(Texts(result), (std::vector<std::string>{"z", "m", "a"}));
}

TEST(ReaderTest, MissingInputIsAnIOErrorNamingIt) {
  ScratchDir dir;
  const std::string good = dir.Write("good.jsonl", "{\"text\":\"x\"}\n");
  const std::string missing = dir.path() + "/missing.jsonl";
  bool delivered = false;
  InputOptions options;
  options.inputs = {good, missing};
  const Status status = ReadCorpus(
      options, [&](std::vector<Record>&) { delivered = true; }, [](const RecordIssue&) {}, nullptr);
  EXPECT_EQ(status.code(), Status::Code::kIOError);
  EXPECT_NE(status.message().find(missing), std::string::npos) << status.ToString();
  EXPECT_FALSE(delivered);  // inputs are checked before anything is read
  std::vector<std::string> files;
  EXPECT_EQ(ListInputFiles({missing}, &files).code(), Status::Code::kIOError);
}

TEST(ReaderTest, UnreadableInputIsAnIOError) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
  ScratchDir dir;
  const std::string path = dir.Write("locked.jsonl", "{\"text\":\"x\"}\n");
  ASSERT_EQ(chmod(path.c_str(), 0), 0);
  const ReadResult result = ReadInputs({path});
  EXPECT_EQ(result.status.code(), Status::Code::kIOError);
  EXPECT_NE(result.status.message().find(path), std::string::npos);
}

TEST(ReaderTest, ReadErrorIsAnIOError) {
  // Opening /proc/self/mem succeeds but reading its first page fails (EIO): a read error without
  // needing file permissions, which root would ignore.
  const std::string path = "/proc/self/mem";
  if (access(path.c_str(), R_OK) != 0) GTEST_SKIP() << "no " << path;
  const ReadResult result = ReadInputs({path});
  EXPECT_EQ(result.status.code(), Status::Code::kIOError);
  EXPECT_NE(result.status.message().find(path), std::string::npos) << result.status.ToString();
}

TEST(ReaderTest, DirectoryNamedLikeAFileIsRead) {
  ScratchDir dir;
  dir.Write("looks.jsonl/inner.jsonl", "{\"text\":\"inner\"}\n");
  const ReadResult result = ReadInputs({dir.path() + "/looks.jsonl"});
  ASSERT_TRUE(result.status.ok());
  EXPECT_EQ(Texts(result), (std::vector<std::string>{"inner"}));
}

TEST(ReaderTest, TxtFileNamedOnTheCommandLine) {
  ScratchDir dir;
  const std::string path = dir.Write("notes/page.txt", "Heading\nbody");
  const ReadResult result = ReadInputs({path});
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_TRUE(result.records[0].from_txt);
  EXPECT_EQ(result.records[0].id.json, "\"" + path.substr(0, path.size() - 4) + "\"");
  EXPECT_EQ(result.records[0].source, dir.path() + "/notes");
}

// Standard input is read through fd 0; the test points fd 0 at a file for the duration.
TEST(ReaderTest, StdinIsJsonl) {
  ScratchDir dir;
  const std::string path =
      dir.Write("stdin.jsonl", testing_util::Gzip("{\"text\":\"from stdin\"}\n{\"text\":5}\n"));
  const int saved = dup(STDIN_FILENO);
  ASSERT_GE(saved, 0);
  const int fd = open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(dup2(fd, STDIN_FILENO), STDIN_FILENO);
  close(fd);
  const ReadResult result = ReadInputs({"-"});
  dup2(saved, STDIN_FILENO);
  close(saved);
  ASSERT_TRUE(result.status.ok()) << result.status.ToString();
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(FileOf(result, result.records[0]), "-");
  EXPECT_EQ(result.records[0].id.json, "\"-:1\"");
  EXPECT_EQ(IssueSummaries(result), (std::vector<std::string>{"non_string_text@2"}));
  EXPECT_EQ(result.issues[0].message.rfind("-:2: ", 0), 0u);
}

#undef FFFD

}  // namespace
}  // namespace neardup

#include "client/environment.h"

#include <gtest/gtest.h>

#include "tests/daemon/harness.h"

namespace islet::client {
namespace {

using testing::TempDir;

TEST(EnvironmentTest, ParseEnvironSplitsAtTheFirstEquals) {
  const char* entries[] = {"A=1", "B=x=y", "EMPTY=", "=nameless", "NOEQUALS", "A=second", nullptr};
  EXPECT_EQ(ParseEnviron(entries),
            (Environment{{"A", "1"}, {"B", "x=y"}, {"EMPTY", ""}}));  // the first A wins
  EXPECT_EQ(ParseEnviron(nullptr), Environment{});
}

TEST(EnvironmentTest, ParsesAnEnvFile) {
  auto env = ParseEnvFile(
      "# a comment\n"
      "\n"
      "PLAIN=value\n"
      "   INDENTED=yes   \n"
      "  # an indented comment\n"
      "DOUBLE=\"hello, world\"\n"
      "SINGLE='it is'\n"
      "KEEPS_INNER=\"a 'b' c\"\n"
      "ONE_QUOTE_PAIR=\"\"x\"\"\n"
      "EMPTY=\n"
      "EMPTY_QUOTED=\"\"\n"
      "HASH=a#b # not a comment\n"
      "EQUALS=a=b\n"
      "CRLF=windows\r\n"
      "LAST=no newline",
      "test.env");
  ASSERT_TRUE(env) << env.error();
  EXPECT_EQ(*env, (Environment{{"PLAIN", "value"},
                               {"INDENTED", "yes"},
                               {"DOUBLE", "hello, world"},
                               {"SINGLE", "it is"},
                               {"KEEPS_INNER", "a 'b' c"},
                               {"ONE_QUOTE_PAIR", "\"x\""},
                               {"EMPTY", ""},
                               {"EMPTY_QUOTED", ""},
                               {"HASH", "a#b # not a comment"},
                               {"EQUALS", "a=b"},
                               {"CRLF", "windows"},
                               {"LAST", "no newline"}}));
}

TEST(EnvironmentTest, AnEmptyEnvFileIsAnEmptyEnvironment) {
  auto env = ParseEnvFile("", "empty.env");
  ASSERT_TRUE(env) << env.error();
  EXPECT_TRUE(env->empty());
  auto comments = ParseEnvFile("# nothing\n\n", "comments.env");
  ASSERT_TRUE(comments) << comments.error();
  EXPECT_TRUE(comments->empty());
}

TEST(EnvironmentTest, AMalformedLineNamesTheFileAndLine) {
  auto no_equals = ParseEnvFile("A=1\n# ok\nSECRET_VALUE_WITHOUT_NAME\n", "app.env");
  ASSERT_FALSE(no_equals);
  EXPECT_EQ(no_equals.error().rfind("app.env:3: not a NAME=VALUE line", 0), 0u)
      << no_equals.error();
  EXPECT_EQ(no_equals.error().find("SECRET_VALUE"), std::string::npos)
      << "the line's text may be a secret: " << no_equals.error();

  auto no_name = ParseEnvFile("=value\n", "app.env");
  ASSERT_FALSE(no_name);
  EXPECT_EQ(no_name.error().rfind("app.env:1: ", 0), 0u) << no_name.error();

  auto blank_in_name = ParseEnvFile("\nexport A=1\n", "app.env");
  ASSERT_FALSE(blank_in_name);
  EXPECT_EQ(blank_in_name.error().rfind("app.env:2: ", 0), 0u) << blank_in_name.error();

  auto unterminated = ParseEnvFile("A=\"open\n", "app.env");
  ASSERT_FALSE(unterminated);
  EXPECT_EQ(unterminated.error().rfind("app.env:1: the value of A starts with a quote", 0), 0u)
      << unterminated.error();

  auto lone_quote = ParseEnvFile("A=ok\nB='\n", "app.env");
  ASSERT_FALSE(lone_quote);
  EXPECT_EQ(lone_quote.error().rfind("app.env:2: ", 0), 0u) << lone_quote.error();
}

TEST(EnvironmentTest, ReadEnvFile) {
  TempDir dir;
  dir.Write("a.env", "A=1\nB='two'\n");
  auto env = ReadEnvFile(dir.Join("a.env"));
  ASSERT_TRUE(env) << env.error();
  EXPECT_EQ(*env, (Environment{{"A", "1"}, {"B", "two"}}));

  auto missing = ReadEnvFile(dir.Join("missing.env"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().rfind("cannot read env file " + dir.Join("missing.env"), 0), 0u)
      << missing.error();

  dir.Write("bad.env", "A=1\nB\n");
  auto bad = ReadEnvFile(dir.Join("bad.env"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().rfind(dir.Join("bad.env") + ":2: ", 0), 0u) << bad.error();
}

TEST(EnvironmentTest, NothingIsSentByDefault) {
  Environment caller = {{"HOME", "/home/me"}, {"TOKEN", "secret"}};
  auto env = BuildEnvironment(EnvOptions{}, caller);
  ASSERT_TRUE(env) << env.error();
  EXPECT_TRUE(env->empty());
}

TEST(EnvironmentTest, EnvEntriesSetOrPassOneVariable) {
  Environment caller = {{"HOME", "/home/me"}, {"TOKEN", "secret"}};
  EnvOptions options;
  options.entries = {"A=1", "HOME", "UNSET_HERE", "B=", "C=x=y", "A=2"};
  auto env = BuildEnvironment(options, caller);
  ASSERT_TRUE(env) << env.error();
  EXPECT_EQ(*env, (Environment{{"A", "2"}, {"B", ""}, {"C", "x=y"}, {"HOME", "/home/me"}}));
}

TEST(EnvironmentTest, BadEnvEntriesAreRefused) {
  for (const std::string entry : {"", "=value", "A B=1"}) {
    EnvOptions options;
    options.entries = {entry};
    auto env = BuildEnvironment(options, {});
    ASSERT_FALSE(env) << "'" << entry << "'";
    EXPECT_EQ(env.error().rfind("--env ", 0), 0u) << env.error();
  }
}

TEST(EnvironmentTest, InheritThenFilesThenEntries) {
  TempDir dir;
  dir.Write("one.env", "FROM_FILE=one\nBOTH_FILES=one\nOVERRIDDEN=file\n");
  dir.Write("two.env", "BOTH_FILES=two\n");
  Environment caller = {{"HOME", "/home/me"}, {"OVERRIDDEN", "caller"}, {"FROM_FILE", "caller"}};
  EnvOptions options;
  options.inherit = true;
  options.files = {dir.Join("one.env"), dir.Join("two.env")};
  options.entries = {"OVERRIDDEN=flag"};
  auto env = BuildEnvironment(options, caller);
  ASSERT_TRUE(env) << env.error();
  EXPECT_EQ(*env, (Environment{{"HOME", "/home/me"},
                               {"FROM_FILE", "one"},
                               {"BOTH_FILES", "two"},
                               {"OVERRIDDEN", "flag"}}));

  options.inherit = false;
  auto without = BuildEnvironment(options, caller);
  ASSERT_TRUE(without) << without.error();
  EXPECT_EQ(without->count("HOME"), 0u);
}

TEST(EnvironmentTest, AMissingOrBadEnvFileIsAnError) {
  TempDir dir;
  dir.Write("bad.env", "OK=1\nnot a line\n");
  EnvOptions options;
  options.files = {dir.Join("bad.env")};
  auto bad = BuildEnvironment(options, {});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().rfind(dir.Join("bad.env") + ":2: ", 0), 0u) << bad.error();
  options.files = {dir.Join("missing.env")};
  EXPECT_FALSE(BuildEnvironment(options, {}));
}

}  // namespace
}  // namespace islet::client

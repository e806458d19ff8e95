// Runs every tests/conformance/cases/NAME.js through a real Runtime and
// compares its stdout and exit code with what Node 20 printed (NAME.stdout,
// NAME.exit, produced by regen.sh). The bundle is the case plus fixtures/.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/runtime/run_script.h"
#include "tests/runtime/shared_runtime.h"

namespace islet::runtime {
namespace {

namespace fs = std::filesystem;

fs::path CasesDir() {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  if (srcdir != nullptr && workspace != nullptr) {
    return fs::path(srcdir) / workspace / "tests/conformance/cases";
  }
  return "tests/conformance/cases";
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> CaseNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(CasesDir())) {
    if (entry.path().extension() == ".js") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

class ConformanceTest : public testing::SharedRuntime<::testing::TestWithParam<std::string>> {};

TEST_P(ConformanceTest, MatchesNode) {
  const fs::path dir = CasesDir();
  const std::string name = GetParam();
  SpawnSpec spec;
  spec.main = name + ".js";
  spec.root = "/conformance/cases";
  spec.files.push_back({spec.main, Slurp(dir / spec.main)});
  if (fs::exists(dir / "fixtures")) {
    for (const auto& entry : fs::recursive_directory_iterator(dir / "fixtures")) {
      if (!entry.is_regular_file()) continue;
      spec.files.push_back(
          {entry.path().lexically_relative(dir).generic_string(), Slurp(entry.path())});
    }
  }
  auto result = testing::RunJs(*runtime_, std::move(spec));
  EXPECT_EQ(result.out, Slurp(dir / (name + ".stdout")))
      << "exit: " << runtime::ExitReasonName(result.exit.reason) << " " << result.exit.error_message
      << "\nstderr:\n"
      << result.err;
  std::string want_exit = Slurp(dir / (name + ".exit"));
  EXPECT_EQ(result.exit.exit_code, std::stoi(want_exit)) << "stderr:\n" << result.err;
}

INSTANTIATE_TEST_SUITE_P(Node20, ConformanceTest, ::testing::ValuesIn(CaseNames()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace islet::runtime

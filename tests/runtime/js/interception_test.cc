// A script cannot reach islet's internals by patching built-ins (issue 13).
// interception_attack.js replaces the built-ins islet's JS could call, and
// puts a getter on Object.prototype for every property name islet's JS
// sources read (extracted here from the embedded sources, so a new read is
// covered the day it is written), then uses every built-in module; nothing
// internal may reach its hooks.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "runtime/js/sources.h"
#include "tests/runtime/run_script.h"
#include "tests/runtime/shared_runtime.h"

namespace islet::runtime {
namespace {

using testing::RunJs;

std::string ReadData(const std::string& relative) {
  namespace fs = std::filesystem;
  fs::path path = relative;
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  if (srcdir != nullptr && workspace != nullptr) path = fs::path(srcdir) / workspace / relative;
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every name islet's JS reads as `x.name`, but not those it tests with
// `'name' in x` (a getter on Object.prototype would make that true for
// every object, which is not the script's to change for this test).
std::set<std::string> PropertyNamesReadByIsletsJs() {
  const std::regex read(R"(\.\s*([A-Za-z_$][\w$]*))");
  const std::regex tested(R"(['"]([A-Za-z_$][\w$]*)['"]\s+in\b)");
  std::set<std::string> names, in_tests;
  for (size_t i = 0; i < js::kSourceCount; ++i) {
    std::string text(js::kSources[i].text);
    for (std::sregex_iterator it(text.begin(), text.end(), read), end; it != end; ++it) {
      names.insert((*it)[1]);
    }
    for (std::sregex_iterator it(text.begin(), text.end(), tested), end; it != end; ++it) {
      in_tests.insert((*it)[1]);
    }
  }
  for (const std::string& name : in_tests) names.erase(name);
  return names;
}

class InterceptionTest : public testing::SharedRuntimeTest {};

TEST_F(InterceptionTest, PatchedBuiltInsAreHandedNothingInternal) {
  std::set<std::string> names = PropertyNamesReadByIsletsJs();
  ASSERT_GT(names.size(), 300u);  // the extraction found islet's sources
  std::string script = "const PROPERTY_NAMES = [";
  for (const std::string& name : names) script += "'" + name + "',";
  script += "];\n" + ReadData("tests/runtime/js/interception_attack.js");
  testing::ScriptResult result = RunJs(*runtime_, script);
  EXPECT_EQ(result.exit.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "steps run: 11\ncaught: 0\n") << result.err;
}

// A public module carries nothing of islet's own: no `internal` handle that
// lets a script fake a worker's events or a control message.
TEST_F(InterceptionTest, PublicModulesHaveNoInternalHandles) {
  testing::ScriptResult result = RunJs(*runtime_, R"(
    for (const name of ['worker_threads', 'islet', 'events', 'util', 'timers', 'os', 'path',
                        'assert', 'timers/promises', 'process', 'console', 'module',
                        'path/posix', 'path/win32', 'util/types', 'assert/strict', 'url',
                        'querystring']) {
      const m = require(name);
      if (m.internal !== undefined) console.log(name, 'has internal');
    }
    for (const name of ['internal/messaging', 'internal/util/inspect', 'bootstrap',
                        'internal/bootstrap/node', 'internal/bootstrap/loaders',
                        'internal/primordials', 'internal/process', 'internal/errors',
                        'internal/deps/cjs-module-lexer/lexer', 'internal/modules/cjs/loader',
                        'internal/url', 'internal/url_legacy', 'internal/deps/whatwg-url/index',
                        'islet:internal/binding', 'node:internal/messaging',
                        'node:internal/modules/cjs/loader', 'node:bootstrap']) {
      try { require(name); console.log(name, 'loaded'); } catch (e) {
        // As Node: an unknown bare name is not found, an unknown node: name
        // is no built-in.
        const want = name.startsWith('node:') ? 'ERR_UNKNOWN_BUILTIN_MODULE' : 'MODULE_NOT_FOUND';
        if (e.code !== want) console.log(name, e.code, e.message);
      }
    }
    console.log('checked');
  )");
  EXPECT_EQ(result.out, "checked\n") << result.err;
}

// Native code defines the properties of what it makes: a setter a script put
// on Object.prototype or Error.prototype is not run, so it neither sees
// islet's objects nor, by throwing, fails a call that must not fail (a
// failed property store was once a fatal error: the whole daemon aborted).
TEST_F(InterceptionTest, ThrowingSettersOnPrototypesDoNotBreakNativeCalls) {
  testing::ScriptResult result = RunJs(*runtime_, R"(
    let seen = 0;
    const names = ['code', 'rss', 'heapTotal', 'heapUsed', 'external', 'arrayBuffers', 'user',
                   'system', 'root', 'cwd', 'filename', 'argv', 'pid', 'workerId', 'jobId',
                   'hostname', 'loadavg', 'totalmem', 'freemem', 'uptime', 'message', 'types'];
    for (const name of names) {
      for (const proto of [Object.prototype, Error.prototype, TypeError.prototype]) {
        Object.defineProperty(proto, name, {
          set() { seen++; throw new Error('setter ' + name); },
          get() { return undefined; },
          configurable: true,
        });
      }
    }
    const m = process.memoryUsage();
    const c = process.cpuUsage();
    const os = require('os');
    os.loadavg(); os.totalmem(); os.hostname();
    const { port1 } = new MessageChannel();
    try { port1.postMessage(1, [{}]); } catch (e) { console.log(e.constructor.name, e.code); }
    try { new (require('worker_threads').MessagePort)(); } catch (e) { console.log(e.code); }
    console.log(typeof m.rss, typeof c.user, 'setters run:', seen);
  )");
  EXPECT_EQ(result.exit.exit_code, 0) << result.err;
  EXPECT_EQ(result.out,
            "TypeError ERR_INVALID_TRANSFER_OBJECT\nERR_CONSTRUCT_CALL_INVALID\nnumber number "
            "setters run: 0\n")
      << result.err;
}

}  // namespace
}  // namespace islet::runtime

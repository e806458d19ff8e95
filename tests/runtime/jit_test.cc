// Optimized code reaches a worker. Isolates run turn by turn on a shared
// pool of executor threads (v8::Locker), and with V8's concurrent
// recompilation a finished TurboFan job is installed only when the isolate
// takes an interrupt the background thread requests. In isletd that often
// never happened: a worker's message handlers stayed unoptimized for its
// whole life, at half the message throughput, differently from one daemon
// start to the next. The engine compiles in the worker's own turn instead,
// so optimized code is in place when the call that asked for it returns,
// whatever thread the worker's next turn runs on.
#include <gtest/gtest.h>

#include <string>

#include "runtime/engine/engine.h"
#include "tests/runtime/run_script.h"

namespace islet::runtime {
namespace {

using testing::RunJs;

TEST(JitTest, OptimizationIsNotLeftToABackgroundThread) {
  // Before the engine starts (the engine's own flags come on top).
  static constexpr char kNatives[] = "--allow-natives-syntax";
  v8::V8::SetFlagsFromString(kNatives, sizeof(kNatives) - 1);
  auto runtime = Runtime::Create(RuntimeOptions{.executor_threads = 2});
  ASSERT_TRUE(runtime.has_value());
  // Ask for a concurrent optimization, as the tiering manager does for a
  // hot function; the status bit 16 is "optimized".
  const std::string script = R"(
    function hot(o) { return o.i * 2 + 1; }
    %PrepareFunctionForOptimization(hot);
    hot({ i: 1 }); hot({ i: 2 });
    %OptimizeFunctionOnNextCall(hot, 'concurrent');
    hot({ i: 3 });
    const status = %GetOptimizationStatus(hot);
    console.log((status & 16) !== 0 ? 'optimized' : 'not optimized: ' + status.toString(2));
    // And still so in a later turn.
    setImmediate(() => console.log((%GetOptimizationStatus(hot) & 16) !== 0 ? 'optimized'
                                                                            : 'lost'));
  )";
  testing::ScriptResult result = RunJs(**runtime, script);
  EXPECT_EQ(result.out, "optimized\noptimized\n") << result.err;
  EXPECT_EQ(result.exit.exit_code, 0);
}

}  // namespace
}  // namespace islet::runtime

// Spawning and terminating 10,000 workers leaves the process's RSS within 10%
// of its plateau: teardown frees isolates, ports, records and timers.
#include <gtest/gtest.h>

#include "tests/runtime/run_script.h"

namespace islet::runtime {
namespace {

TEST(TeardownStressTest, TenThousandSpawnTerminateCyclesDoNotGrowMemory) {
  auto runtime = Runtime::Create(RuntimeOptions{.max_exited_records = 100});
  ASSERT_TRUE(runtime.has_value());
  auto r = testing::RunJs(**runtime, R"(
    const { Worker } = require('worker_threads');
    const N = 10000, PLATEAU = 2500;
    let plateau = 0;
    function rss() { return process.memoryUsage().rss; }
    function one(i) {
      if (i === PLATEAU) plateau = rss();
      if (i === N) {
        const end = rss();
        console.log(JSON.stringify({ plateau, end, ratio: end / plateau }));
        return;
      }
      const w = new Worker(`
        const { parentPort } = require('worker_threads');
        const { port1 } = new MessageChannel();
        setInterval(() => {}, 1000);
        parentPort.postMessage(new ArrayBuffer(1024));
      `, { eval: true });
      w.once('message', () => w.terminate());
      w.once('exit', () => one(i + 1));
    }
    one(0);
  )");
  ASSERT_EQ(r.exit.exit_code, 0) << r.err;
  auto at = r.out.find("\"ratio\":");
  ASSERT_NE(at, std::string::npos) << r.out;
  double ratio = std::stod(r.out.substr(at + 8));
  std::printf("teardown: %s", r.out.c_str());
  EXPECT_LE(ratio, 1.10) << r.out;
}

}  // namespace
}  // namespace islet::runtime

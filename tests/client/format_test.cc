#include "client/format.h"

#include <gtest/gtest.h>

namespace islet::client {
namespace {

TEST(FormatTest, Durations) {
  EXPECT_EQ(FormatDuration(0), "0s");
  EXPECT_EQ(FormatDuration(59.9), "59s");
  EXPECT_EQ(FormatDuration(192), "3m12s");
  EXPECT_EQ(FormatDuration(2 * 3600 + 3 * 60 + 9), "2h03m");
  EXPECT_EQ(FormatDuration(4 * 86400 + 5 * 3600), "4d05h");
  EXPECT_EQ(FormatDuration(-1), "0s");
}

TEST(FormatTest, WorkerTableIsAligned) {
  v1::WorkerInfo a;
  a.set_id(1);
  a.set_job_id(1);
  a.set_main("main.js");
  a.set_state(v1::RUNNING);
  a.set_uptime_seconds(5);
  v1::WorkerInfo b;
  b.set_id(12);
  b.set_job_id(3);
  b.set_name("svc");
  b.set_main("lib/server.js");
  b.set_state(v1::EXITED);
  b.mutable_exit()->set_exit_code(3);
  b.set_uptime_seconds(70);
  b.set_restarts(12);
  EXPECT_EQ(FormatWorkerTable({a, b}),
            "ID  JOB  NAME  STATE      UPTIME  RESTARTS  MAIN\n"
            "1   1    -     running    5s      0         main.js\n"
            "12  3    svc   exited(3)  1m10s   12        lib/server.js\n");
}

TEST(FormatTest, EmptyTableHasAHeader) {
  EXPECT_EQ(FormatWorkerTable({}), "ID  JOB  NAME  STATE  UPTIME  RESTARTS  MAIN\n");
}

TEST(FormatTest, JsonUsesProtoFieldNames) {
  v1::WorkerInfo w;
  w.set_id(7);
  w.set_main("m.js");
  w.set_state(v1::IDLE);
  std::string json = ToJson(w);
  EXPECT_NE(json.find("\"id\":\"7\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"main\":\"m.js\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"state\":\"IDLE\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"job_id\""), std::string::npos) << json;  // defaults too
  EXPECT_EQ(ToJsonArray({}), "[]");
  EXPECT_EQ(ToJsonArray({w}), "[\n  " + json + "\n]");
}

TEST(FormatTest, InspectShowsExit) {
  v1::WorkerInfo w;
  w.set_id(2);
  w.set_main("m.js");
  w.set_state(v1::EXITED);
  w.mutable_exit()->set_exit_code(1);
  w.mutable_exit()->set_reason("error");
  w.mutable_exit()->set_error_message("boom");
  std::string text = FormatWorker(w);
  EXPECT_NE(text.find("id: 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("state: exited\n"), std::string::npos) << text;
  EXPECT_NE(text.find("exit_code: 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("error: boom\n"), std::string::npos) << text;
}

TEST(FormatTest, InspectShowsSupervisionAndTheLastExitWithItsStack) {
  v1::WorkerInfo w;
  w.set_id(3);
  w.set_state(v1::RESTARTING);
  w.set_restarts(2);
  w.mutable_restart()->set_mode(v1::RestartPolicy::ON_FAILURE);
  w.mutable_restart()->set_max_restarts(5);
  w.mutable_restart()->set_window_seconds(60);
  w.mutable_restart()->set_backoff_initial_ms(100);
  w.mutable_restart()->set_backoff_max_ms(30000);
  w.mutable_last_exit()->set_reason("out-of-memory");
  w.mutable_last_exit()->set_exit_code(1);
  w.mutable_last_exit()->set_error_stack("Error: x\n    at f (a.js:1:1)");
  w.mutable_limits()->set_cpu_ms_per_turn(50);
  std::string text = FormatWorker(w);
  EXPECT_NE(text.find("state: restarting\n"), std::string::npos) << text;
  EXPECT_NE(text.find("restart_policy: on-failure, at most 5 restarts in 60 s, backoff "
                      "100..30000 ms\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("restarts: 2\n"), std::string::npos) << text;
  EXPECT_NE(text.find("last_exit_reason: out-of-memory\n"), std::string::npos) << text;
  EXPECT_NE(text.find("last_error_stack: \n    Error: x\n        at f (a.js:1:1)\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("limit_cpu_ms_per_turn: 50 ms\n"), std::string::npos) << text;
  EXPECT_NE(text.find("limit_cpu_ms: none\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace islet::client

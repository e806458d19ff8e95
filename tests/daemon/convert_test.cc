#include "daemon/convert.h"

#include <gtest/gtest.h>

namespace islet::daemon {
namespace {

v1::SpawnRequest Request(std::string main, std::vector<std::pair<std::string, std::string>> files) {
  v1::SpawnRequest request;
  request.mutable_bundle()->set_main(std::move(main));
  request.mutable_bundle()->set_root("/home/u/app");
  for (auto& [name, content] : files) {
    v1::File* file = request.mutable_bundle()->add_files();
    file->set_name(name);
    file->set_content(content);
  }
  return request;
}

std::string RejectMessage(const v1::SpawnRequest& request, BundleLimits limits = {}) {
  auto ok = ValidateBundle(request.bundle(), limits);
  if (ok) return "";
  EXPECT_EQ(ok.error().code, runtime::ErrorCode::kInvalidArgument);
  return ok.error().message;
}

TEST(ValidateBundleTest, AcceptsAWellFormedBundle) {
  EXPECT_EQ(RejectMessage(Request("main.js", {{"main.js", "1"}, {"lib/a.js", "2"}})), "");
}

TEST(ValidateBundleTest, MissingMainFileName) {
  EXPECT_NE(RejectMessage(Request("", {{"main.js", ""}})).find("missing main file name"),
            std::string::npos);
}

TEST(ValidateBundleTest, EmptyBundle) {
  EXPECT_NE(RejectMessage(Request("main.js", {})).find("empty bundle"), std::string::npos);
}

TEST(ValidateBundleTest, MainNotAmongFiles) {
  std::string message = RejectMessage(Request("main.js", {{"other.js", ""}}));
  EXPECT_NE(message.find("'main.js' is not among"), std::string::npos) << message;
}

TEST(ValidateBundleTest, OversizedBundleNamesSizeAndLimit) {
  std::string message = RejectMessage(
      Request("m.js", {{"m.js", std::string(600, 'x')}, {"n.js", std::string(600, 'y')}}),
      BundleLimits{1000, 1000});
  EXPECT_NE(
      message.find("bundle too large: 1200 bytes (limit 1000 bytes: isletd --max-bundle-bytes)"),
      std::string::npos)
      << message;
}

TEST(ValidateBundleTest, TooManyFiles) {
  std::string message = RejectMessage(Request("a.js", {{"a.js", ""}, {"b.js", ""}, {"c.js", ""}}),
                                      BundleLimits{1000, 2});
  EXPECT_NE(message.find("too many files: 3 (limit 2: isletd --max-bundle-files)"),
            std::string::npos)
      << message;
}

TEST(ValidateBundleTest, BadFileNames) {
  std::vector<std::string> names = {
      "",        "/etc/passwd", "../up.js", "a/../../b.js",
      "a//b.js", "./a.js",      "a/",       std::string("a\0b.js", 6)};
  for (const std::string& bad : names) {
    std::string message = RejectMessage(Request("main.js", {{"main.js", ""}, {bad, ""}}));
    EXPECT_NE(message.find("bad file name"), std::string::npos) << "name: " << bad;
  }
}

TEST(ValidateBundleTest, DuplicateNames) {
  EXPECT_NE(RejectMessage(Request("a.js", {{"a.js", "1"}, {"a.js", "2"}})).find("duplicate"),
            std::string::npos);
}

TEST(IsValidBundleFileNameTest, Examples) {
  EXPECT_TRUE(IsValidBundleFileName("a.js"));
  EXPECT_TRUE(IsValidBundleFileName("lib/deep/x.json"));
  EXPECT_TRUE(IsValidBundleFileName("..foo.js"));
  EXPECT_FALSE(IsValidBundleFileName(".."));
  EXPECT_FALSE(IsValidBundleFileName("a/./b"));
}

TEST(ToSpawnSpecTest, MovesEverythingAcross) {
  v1::SpawnRequest request = Request("main.js", {{"main.js", "code"}, {"lib/a.js", "more"}});
  request.add_argv("--x");
  request.add_argv("y");
  (*request.mutable_env())["B"] = "2";
  (*request.mutable_env())["A"] = "1";
  request.set_name("svc");
  auto spec = ToSpawnSpec(&request, {});
  ASSERT_TRUE(spec);
  EXPECT_EQ(spec->main, "main.js");
  EXPECT_EQ(spec->root, "/home/u/app");
  ASSERT_EQ(spec->files.size(), 2u);
  EXPECT_EQ(spec->files[0].name, "main.js");
  EXPECT_EQ(spec->files[0].content, "code");
  EXPECT_EQ(spec->files[1].name, "lib/a.js");
  EXPECT_EQ(spec->argv, (std::vector<std::string>{"--x", "y"}));
  using Env = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(spec->env, (Env{{"A", "1"}, {"B", "2"}}));
  EXPECT_EQ(spec->name, "svc");
}

TEST(RestartPolicyTest, ZerosTakeTheDefaults) {
  v1::RestartPolicy policy;
  policy.set_mode(v1::RestartPolicy::ON_FAILURE);
  auto out = FromProto(policy);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->mode, runtime::RestartPolicy::Mode::kOnFailure);
  EXPECT_EQ(out->max_restarts, 5u);
  EXPECT_EQ(out->window_seconds, 60);
  EXPECT_EQ(out->backoff_initial_ms, 100);
  EXPECT_EQ(out->backoff_max_ms, 30000);
  // An initial delay above the default cap, given alone, is used as is.
  policy.set_backoff_initial_ms(60000);
  out = FromProto(policy);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->backoff_max_ms, 60000);
}

TEST(RestartPolicyTest, NegativeOrUnknownIsRefused) {
  v1::RestartPolicy policy;
  policy.set_mode(v1::RestartPolicy::ALWAYS);
  policy.set_window_seconds(-1);
  EXPECT_FALSE(FromProto(policy));
  policy.set_window_seconds(1);
  policy.set_mode(static_cast<v1::RestartPolicy::Mode>(7));
  EXPECT_FALSE(FromProto(policy));
}

TEST(SupervisedSpecTest, RoundTripsThroughTheStateFileForm) {
  runtime::SupervisedSpec in;
  in.id = 12;
  in.restarts = 3;
  in.spec.main = "main.js";
  in.spec.root = "/srv/app";
  in.spec.files = {{"lib/x.js", "x"}, {"main.js", "m"}};
  in.spec.argv = {"a", "b"};
  in.spec.env = {{"A", "1"}, {"B", "2"}};
  in.spec.name = "api";
  in.spec.limits.cpu_ms_per_turn = 50;
  in.spec.limits.max_external_mb = 64;
  in.spec.max_old_generation_mb = 128;
  in.spec.max_young_generation_mb = 16;
  in.spec.code_range_mb = 64;
  in.spec.restart.mode = runtime::RestartPolicy::Mode::kAlways;
  in.spec.restart.max_restarts = 9;
  in.spec.restart.backoff_initial_ms = 250;
  v1::SupervisedWorker proto;
  ToProto(in, &proto);
  EXPECT_EQ(proto.worker_id(), 12u);
  EXPECT_EQ(proto.restarts(), 3u);
  auto out = ToSpawnSpec(proto.mutable_spawn(), {});
  ASSERT_TRUE(out) << out.error().message;
  EXPECT_EQ(out->main, "main.js");
  EXPECT_EQ(out->root, "/srv/app");
  ASSERT_EQ(out->files.size(), 2u);
  EXPECT_EQ(out->files[1].content, "m");
  EXPECT_EQ(out->argv, in.spec.argv);
  EXPECT_EQ(out->env, in.spec.env);
  EXPECT_EQ(out->name, "api");
  EXPECT_EQ(out->limits.cpu_ms_per_turn, 50);
  EXPECT_EQ(out->limits.max_external_mb, 64);
  EXPECT_EQ(out->max_old_generation_mb, 128);
  EXPECT_EQ(out->max_young_generation_mb, 16);
  EXPECT_EQ(out->code_range_mb, 64);
  EXPECT_EQ(out->restart.mode, runtime::RestartPolicy::Mode::kAlways);
  EXPECT_EQ(out->restart.max_restarts, 9u);
  EXPECT_EQ(out->restart.backoff_initial_ms, 250);
}

TEST(ConvertTest, ErrorCodesMapOneToOne) {
  using runtime::ErrorCode;
  for (auto [code, proto] : std::vector<std::pair<ErrorCode, v1::Code>>{
           {ErrorCode::kInvalidArgument, v1::INVALID_ARGUMENT},
           {ErrorCode::kNotFound, v1::NOT_FOUND},
           {ErrorCode::kResourceExhausted, v1::RESOURCE_EXHAUSTED},
           {ErrorCode::kUnavailable, v1::UNAVAILABLE},
           {ErrorCode::kInternal, v1::INTERNAL},
           {ErrorCode::kFailedPrecondition, v1::FAILED_PRECONDITION},
           {ErrorCode::kUnimplemented, v1::UNIMPLEMENTED},
           {ErrorCode::kAlreadyExists, v1::ALREADY_EXISTS}}) {
    EXPECT_EQ(ToProtoCode(code), proto);
    EXPECT_EQ(static_cast<int>(code), static_cast<int>(proto));
  }
}

TEST(ConvertTest, EventsBecomeResponses) {
  v1::Response out;
  ToProto(runtime::WorkerEvent{5, runtime::Output{runtime::Stream::kStderr, "oops\n"}}, &out);
  EXPECT_EQ(out.event().worker_id(), 5u);
  EXPECT_EQ(out.event().output().stream(), v1::Output::STDERR);
  EXPECT_EQ(out.event().output().data(), "oops\n");

  v1::Response exited;
  ToProto(runtime::WorkerEvent{5, runtime::ExitInfo{3, runtime::ExitReason::kExited, "", ""}},
          &exited);
  EXPECT_EQ(exited.event().exited().exit_code(), 3);
  EXPECT_EQ(exited.event().exited().reason(), "exited");

  v1::Response end;
  ToProto(runtime::WorkerEvent{5, runtime::EndOfStream{}}, &end);
  EXPECT_TRUE(end.end_of_stream());
  EXPECT_FALSE(end.has_event());
}

TEST(ConvertTest, WorkerInfoCarriesExit) {
  runtime::WorkerInfo info;
  info.id = 9;
  info.job_id = 4;
  info.main = "m.js";
  info.state = runtime::WorkerState::kExited;
  info.exit = runtime::ExitInfo{1, runtime::ExitReason::kError, "boom", "at m.js:1"};
  v1::WorkerInfo out;
  ToProto(info, &out);
  EXPECT_EQ(out.id(), 9u);
  EXPECT_EQ(out.job_id(), 4u);
  EXPECT_EQ(out.state(), v1::EXITED);
  EXPECT_EQ(out.exit().error_message(), "boom");
}

}  // namespace
}  // namespace islet::daemon

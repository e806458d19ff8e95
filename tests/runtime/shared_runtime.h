#pragma once

// A Runtime shared by every test of a suite (creating one starts executor
// threads and a warm pool): for tests that run independent scripts.

#include <gtest/gtest.h>

#include "runtime/runtime.h"

namespace islet::runtime::testing {

class SharedRuntimeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    runtime_ = Runtime::Create(RuntimeOptions{.executor_threads = 2})->release();
  }
  static void TearDownTestSuite() {
    delete runtime_;
    runtime_ = nullptr;
  }
  static inline Runtime* runtime_ = nullptr;
};

}  // namespace islet::runtime::testing

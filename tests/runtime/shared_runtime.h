#pragma once

// A Runtime shared by every test of a suite (creating one starts executor
// threads and a warm pool): for tests that run independent scripts.

#include <gtest/gtest.h>

#include "runtime/runtime.h"

namespace islet::runtime::testing {

// `Base`: ::testing::Test, or TestWithParam<...> for parameterized suites.
template <typename Base = ::testing::Test>
class SharedRuntime : public Base {
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

using SharedRuntimeTest = SharedRuntime<>;

}  // namespace islet::runtime::testing

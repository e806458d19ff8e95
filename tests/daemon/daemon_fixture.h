#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/daemon/harness.h"

namespace islet::testing {

// A real isletd on a temporary socket for each test, and a client
// connected to it. Tests that need daemon flags call StartDaemon(flags)
// from their own SetUp instead of this one's; calling it again replaces
// the daemon (the running one is stopped gracefully first).
class DaemonFixture : public ::testing::Test {
 protected:
  void SetUp() override { StartDaemon(); }

  void StartDaemon(const std::vector<std::string>& flags = {}) {
    client_.reset();
    if (daemon_) daemon_->Stop();
    daemon_.reset();
    auto daemon = Isletd::Start(flags);
    ASSERT_TRUE(daemon) << daemon.error();
    daemon_ = std::move(*daemon);
    auto client = daemon_->Connect();
    ASSERT_TRUE(client) << client.error().message;
    client_.emplace(std::move(*client));
  }

  std::unique_ptr<Isletd> daemon_;
  std::optional<client::Client> client_;
};

}  // namespace islet::testing

#pragma once

#include <asio/io_context.hpp>
#include <asio/signal_set.hpp>
#include <asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <memory>

#include "daemon/control_service.h"
#include "daemon/listener.h"
#include "daemon/session_manager.h"
#include "runtime/runtime.h"

namespace islet::daemon {

// The control plane: accepts sessions on the listener, serves them with the
// ControlService, and shuts down gracefully on SIGINT/SIGTERM or a Shutdown
// request. Control thread only (the thread that runs `io`). `runtime` must
// outlive the Server.
class Server {
 public:
  // How long shutdown waits for sessions to flush their last frames.
  static constexpr std::chrono::seconds kFlushTimeout{2};

  Server(asio::io_context& io, std::unique_ptr<UnixListener> listener, runtime::Runtime& runtime,
         ServiceOptions options);
  ~Server();

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Starts accepting and watching signals. `io.run()` returns after shutdown.
  void Start();

  // Stops accepting, shuts the runtime down (terminating every worker),
  // flushes and closes sessions, removes the socket file, stops `io`.
  // Idempotent.
  void Shutdown();

  size_t sessions() const { return manager_.size(); }

 private:
  void DoAccept();
  void Finish();

  asio::io_context& io_;
  std::unique_ptr<UnixListener> listener_;
  runtime::Runtime& runtime_;
  size_t max_frame_bytes_;
  std::function<void()> on_shutdown_;
  SessionManager manager_;
  ControlService service_;
  asio::signal_set signals_;
  asio::steady_timer timer_;  // accept back-off, then the flush deadline
  uint64_t next_session_id_ = 0;
  bool shutting_down_ = false;
  bool finished_ = false;
};

}  // namespace islet::daemon

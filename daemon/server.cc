#include "daemon/server.h"

#include <asio/post.hpp>
#include <csignal>

#include "daemon/session.h"
#include "runtime/base/log.h"

namespace islet::daemon {

Server::Server(asio::io_context& io, std::unique_ptr<UnixListener> listener,
               runtime::Runtime& runtime, ServiceOptions options)
    : io_(io),
      listener_(std::move(listener)),
      runtime_(runtime),
      max_frame_bytes_(options.max_frame_bytes),
      on_shutdown_(options.on_shutdown),
      manager_(options.max_control_buffer_bytes),
      service_(io, runtime, std::move(options), [this] { Shutdown(); }),
      signals_(io),
      timer_(io) {}

Server::~Server() {
  manager_.StopAll();
  listener_->Close();
}

void Server::Start() {
  asio::error_code ec;
  signals_.add(SIGINT, ec);
  signals_.add(SIGTERM, ec);
  signals_.async_wait([this](asio::error_code ec, int signal) {
    if (ec) return;
    Logger("daemon")->info("received {}; shutting down", signal == SIGINT ? "SIGINT" : "SIGTERM");
    Shutdown();
  });
  DoAccept();
}

void Server::DoAccept() {
  listener_->acceptor().async_accept([this](asio::error_code ec, Session::Socket socket) {
    if (shutting_down_ || ec == asio::error::operation_aborted) return;
    if (ec) {
      // Typically EMFILE: back off instead of spinning on the error.
      Logger("control")->warn("accept failed: {}; retrying in 100 ms", ec.message());
      timer_.expires_after(std::chrono::milliseconds(100));
      timer_.async_wait([this](asio::error_code ec) {
        if (!ec && !shutting_down_) DoAccept();
      });
      return;
    }
    manager_.Start(std::make_shared<Session>(std::move(socket), ++next_session_id_, manager_,
                                             service_, max_frame_bytes_));
    DoAccept();
  });
}

void Server::Shutdown() {
  if (shutting_down_) return;
  shutting_down_ = true;
  Logger("daemon")->info("shutting down: {} sessions", manager_.size());
  asio::error_code ec;
  signals_.cancel(ec);
  timer_.cancel();
  listener_->acceptor().close(ec);
  if (on_shutdown_) on_shutdown_();
  runtime_.Shutdown();
  // Posted behind the events the runtime posted while its workers exited, so
  // followers still get their exit event and end of stream.
  asio::post(io_, [this] {
    timer_.expires_after(kFlushTimeout);
    timer_.async_wait([this](asio::error_code ec) {
      if (ec) return;
      Logger("daemon")->warn("{} sessions did not flush within {} s; closing them", manager_.size(),
                             kFlushTimeout.count());
      Finish();
    });
    manager_.CloseAllAfterFlush([this] { Finish(); });
  });
}

void Server::Finish() {
  if (finished_) return;
  finished_ = true;
  timer_.cancel();
  manager_.StopAll();
  listener_->Close();
  Logger("daemon")->info("stopped");
  io_.stop();
}

}  // namespace islet::daemon

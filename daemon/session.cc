#include "daemon/session.h"

#include <sys/socket.h>

#include <asio/buffer.hpp>
#include <asio/write.hpp>

#include "daemon/control_service.h"
#include "daemon/session_manager.h"
#include "runtime/base/log.h"

namespace islet::daemon {
namespace {

std::string DescribePeer(Session::Socket& socket, uint64_t id) {
  std::string peer = "session " + std::to_string(id);
  ucred cred{};
  socklen_t len = sizeof(cred);
  if (getsockopt(socket.native_handle(), SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0) {
    peer += " (pid " + std::to_string(cred.pid) + ", uid " + std::to_string(cred.uid) + ")";
  }
  return peer;
}

}  // namespace

Session::Session(Socket socket, uint64_t id, SessionManager& manager, ControlService& service,
                 size_t max_frame_bytes)
    : socket_(std::move(socket)),
      id_(id),
      manager_(manager),
      service_(service),
      peer_(DescribePeer(socket_, id)),
      decoder_(max_frame_bytes),
      alive_(std::make_shared<std::atomic<bool>>(true)) {}

Session::~Session() { alive_->store(false, std::memory_order_release); }

void Session::Start() {
  Logger("control")->debug("{}: connected", peer_);
  DoRead();
}

void Session::DoRead() {
  socket_.async_read_some(
      asio::buffer(read_buffer_), [this, self = shared_from_this()](asio::error_code ec, size_t n) {
        if (stopped_ || closing_) return;
        if (ec) {
          if (ec == asio::error::eof || ec == asio::error::connection_reset) {
            if (decoder_.buffered() > 0) {
              LogBadInput(BadInput::kTruncatedFrame, "disconnected in the middle of a frame (" +
                                                         std::to_string(decoder_.buffered()) +
                                                         " bytes buffered)");
            } else {
              Logger("control")->debug("{}: disconnected", peer_);
            }
          } else {
            Logger("control")->warn("{}: read failed: {}", peer_, ec.message());
          }
          Stop();
          return;
        }
        decoder_.Feed(std::string_view(read_buffer_.data(), n));
        Account();
        if (ProcessFrames()) DoRead();
      });
}

bool Session::ProcessFrames() {
  auto self = shared_from_this();  // a request may close this session
  std::string payload;
  while (open()) {
    switch (decoder_.Next(&payload)) {
      case proto::FrameDecoder::Status::kNeedMore:
        Account();
        return open();
      case proto::FrameDecoder::Status::kMalformed:
        LogBadInput(BadInput::kMalformedLength, "malformed frame length; closing");
        FailAndClose(0, v1::INVALID_ARGUMENT,
                     "malformed frame: the length prefix is not a valid varint");
        return false;
      case proto::FrameDecoder::Status::kTooLarge: {
        std::string message = "frame of " + std::to_string(decoder_.announced_length()) +
                              " bytes exceeds the limit of " +
                              std::to_string(service_.max_frame_bytes()) + " bytes";
        LogBadInput(BadInput::kFrameTooLarge, message + "; closing");
        FailAndClose(0, v1::RESOURCE_EXHAUSTED, message);
        return false;
      }
      case proto::FrameDecoder::Status::kFrame: {
        v1::Request request;
        if (!request.ParseFromString(payload)) {
          LogBadInput(BadInput::kNotARequest, "frame is not an islet.v1.Request; closing");
          FailAndClose(0, v1::INVALID_ARGUMENT,
                       "malformed frame: " + std::to_string(payload.size()) +
                           " bytes that do not parse as an islet.v1.Request");
          return false;
        }
        service_.Handle(self, std::move(request));
        // One request per turn of the control loop: the rest of what this
        // client sent waits behind everyone else's ready work, so a client
        // that pipelines a thousand spawns cannot hold up another's single
        // request (round robin across connections).
        if (open()) {
          asio::post(socket_.get_executor(), [this, self] {
            if (open() && ProcessFrames()) DoRead();
          });
        }
        return false;
      }
    }
  }
  return false;
}

void Session::Send(const v1::Response& response) {
  if (!open()) return;
  size_t before = pending_.size();
  if (!proto::AppendFrame(response, &pending_)) {
    pending_.resize(before);
    Logger("control")->error("{}: cannot serialize a response for request {}", peer_,
                             response.id());
    return;
  }
  if (pending_.size() + in_flight_.size() > kMaxQueuedBytes) {
    LogBadInput(BadInput::kSlowReader, "client is not reading its responses; closing");
    Stop();
    return;
  }
  Account();
  if (!open()) return;
  if (!writing_) DoWrite();
}

void Session::FailAndClose(uint64_t request_id, v1::Code code, const std::string& message) {
  v1::Response response;
  response.set_id(request_id);
  response.mutable_status()->set_code(code);
  response.mutable_status()->set_message(message);
  Send(response);
  CloseAfterFlush();
}

void Session::CloseAfterFlush() {
  if (stopped_ || closing_) return;
  closing_ = true;
  if (!writing_) FinishClose();
}

void Session::DoWrite() {
  writing_ = true;
  in_flight_.swap(pending_);
  pending_.clear();
  asio::async_write(socket_, asio::buffer(in_flight_),
                    [this, self = shared_from_this()](asio::error_code ec, size_t) {
                      writing_ = false;
                      in_flight_.clear();
                      Shrink(in_flight_);
                      if (stopped_) return;
                      Account();
                      if (stopped_) return;
                      if (ec) {
                        Logger("control")->debug("{}: write failed: {}", peer_, ec.message());
                        Stop();
                        return;
                      }
                      if (!pending_.empty()) {
                        DoWrite();
                      } else if (closing_) {
                        FinishClose();
                      }
                    });
}

void Session::Shrink(std::string& buffer) {
  if (buffer.empty() && buffer.capacity() > proto::FrameDecoder::kKeepBytes) {
    std::string().swap(buffer);
  }
}

void Session::Account() {
  if (stopped_) return;
  size_t now = decoder_.held() + pending_.capacity() + in_flight_.capacity() + deferred_bytes_;
  if (now == accounted_) return;
  size_t before = accounted_;
  accounted_ = now;
  manager_.Adjust(before, now);
}

void Session::DropForMemory(size_t held, size_t max) {
  LogBadInput(BadInput::kOverMemory,
              "dropped: the control connections hold " + std::to_string(held) +
                  " bytes of unfinished requests and unread responses, past isletd "
                  "--max-control-buffer-bytes (" +
                  std::to_string(max) + "), and this one holds the most (" +
                  std::to_string(accounted_) + ")");
  Stop();
}

void Session::FinishClose() {
  asio::error_code ec;
  socket_.shutdown(Socket::shutdown_send, ec);
  Stop();
}

void Session::Stop() {
  if (stopped_) return;
  auto self = shared_from_this();
  stopped_ = true;
  alive_->store(false, std::memory_order_release);
  asio::error_code ec;
  socket_.close(ec);
  auto streams = std::move(streams_);
  streams_.clear();
  if (!streams.empty()) {
    Logger("control")->debug("{}: closed with {} open streams; unsubscribing", peer_,
                             streams.size());
  }
  for (auto& [request_id, cancel] : streams) cancel();
  manager_.Remove(self);
}

void Session::AddStream(uint64_t request_id, std::function<void()> cancel) {
  if (stopped_) {
    cancel();
    return;
  }
  streams_[request_id] = std::move(cancel);
}

void Session::EndStream(uint64_t request_id) { streams_.erase(request_id); }

void Session::LogBadInput(BadInput kind, const std::string& what) {
  unsigned bit = 1u << static_cast<unsigned>(kind);
  if ((warned_ & bit) == 0) {
    warned_ |= bit;
    Logger("control")->warn("{}: {}", peer_, what);
  } else {
    Logger("control")->debug("{}: {}", peer_, what);
  }
}

}  // namespace islet::daemon

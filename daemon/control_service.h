#pragma once

#include <asio/io_context.hpp>
#include <asio/steady_timer.hpp>
#include <chrono>
#include <deque>
#include <expected>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "daemon/convert.h"
#include "proto/islet/v1/control.pb.h"
#include "runtime/runtime.h"

namespace islet::daemon {

class Session;

struct ServiceOptions {
  std::string socket_path;  // reported by DaemonInfo
  size_t max_frame_bytes = 16u << 20;
  BundleLimits bundle_limits;
  // Bundle file contents by digest (BlobQuery/BlobPut). Null: none, and
  // a spawn must carry its files' contents.
  std::shared_ptr<BundleStore> bundle_store;
  // The state file of supervised workers (reported by DaemonInfo).
  std::string state_path;
  std::string state_problem;
  uint32_t workers_resurrected = 0;
  // Runs on the control thread as shutdown begins, before the runtime stops.
  std::function<void()> on_shutdown;
  // Calls its argument on the control thread once the state file holds
  // every change made until now (StateKeeper::Sync), or with the reason it
  // could not. Supervised spawns and kills reply only then. Unset: no
  // state file (tests), and replies go at once.
  using Durable = std::function<void(std::expected<void, std::string>)>;
  std::function<void(Durable)> sync_state;
  // Spawns admitted while fewer workers than this are starting (their
  // isolates not yet made, RuntimeStats::workers_starting); the rest wait,
  // per connection, and are admitted round robin across connections: a
  // client that floods spawns cannot put thousands of first turns ahead of
  // another client's one job. 0: no admission control.
  uint32_t max_starting_spawns = 16;
  // Bytes all control connections together may hold in unfinished requests
  // and unwritten responses; past it the connection holding the most is
  // dropped (SessionManager). 0: no bound.
  size_t max_control_buffer_bytes = 256u << 20;
};

// Serves control requests against the runtime and replies through the
// requesting Session. Runtime callbacks (event sinks, terminate completions)
// arrive on runtime threads and are posted onto the io_context.
// Control thread only; owned by the Server.
class ControlService {
 public:
  // `request_shutdown` runs on the control thread after a Shutdown request
  // has been answered.
  ControlService(asio::io_context& io, runtime::Runtime& runtime, ServiceOptions options,
                 std::function<void()> request_shutdown);

  ControlService(const ControlService&) = delete;
  ControlService& operator=(const ControlService&) = delete;

  void Handle(const std::shared_ptr<Session>& session, v1::Request request);

  size_t max_frame_bytes() const { return options_.max_frame_bytes; }

  // Spawns one connection may have waiting for admission; past it a spawn
  // is refused (RESOURCE_EXHAUSTED). Their bytes count in the connection's
  // share of --max-control-buffer-bytes as well.
  static constexpr size_t kMaxDeferredPerConnection = 10000;

 private:
  void Spawn(const std::shared_ptr<Session>& session, uint64_t id, v1::SpawnRequest* request);
  void List(const std::shared_ptr<Session>& session, uint64_t id, const v1::ListRequest& request);
  void Inspect(const std::shared_ptr<Session>& session, uint64_t id,
               const v1::InspectRequest& request);
  void Terminate(const std::shared_ptr<Session>& session, uint64_t id,
                 const v1::TerminateRequest& request);
  void Subscribe(const std::shared_ptr<Session>& session, uint64_t id,
                 const v1::SubscribeRequest& request);
  void DaemonInfo(const std::shared_ptr<Session>& session, uint64_t id);
  void Post(const std::shared_ptr<Session>& session, uint64_t id, const v1::PostRequest& request);
  void SetLimits(const std::shared_ptr<Session>& session, uint64_t id,
                 const v1::SetLimitsRequest& request);
  void Shutdown(const std::shared_ptr<Session>& session, uint64_t id);
  void BlobQuery(const std::shared_ptr<Session>& session, uint64_t id,
                 const v1::BlobQueryRequest& request);
  void BlobPut(const std::shared_ptr<Session>& session, uint64_t id, v1::BlobPutRequest* request);
  void Unknown(const std::shared_ptr<Session>& session, const v1::Request& request);
  // The shm_* requests (control_service_shm.cc).
  void Shm(const std::shared_ptr<Session>& session, const v1::Request& request);

  // A sink that posts each event to `session` as Response{id: request_id}.
  // Safe to outlive the session; it goes quiet once the session closes.
  // Events a follow stream holds back until its spawn's reply has gone
  // (a supervised spawn replies after the state file is written). Control
  // thread only.
  struct HeldEvents {
    bool open = false;
    std::vector<v1::Response> held;
  };
  runtime::EventSink MakeSink(const std::shared_ptr<Session>& session, uint64_t request_id,
                              std::shared_ptr<HeldEvents> gate = nullptr);

  // Whether `worker` is supervised, so recorded in the state file: a change
  // to it is acknowledged once the file holds it (sync_state).
  bool InStateFile(uint64_t worker);
  // Spawn admission (ServiceOptions::max_starting_spawns).
  bool SpawnAdmissible();
  void DeferSpawn(const std::shared_ptr<Session>& session, uint64_t id, v1::SpawnRequest request);
  void AdmitDeferred();
  struct DeferredSpawn {
    std::weak_ptr<Session> session;
    uint64_t id;
    v1::SpawnRequest request;
    size_t bytes;  // charged to the session's buffers (Session::HoldDeferred)
  };
  // Per connection, in its order; the connections in round-robin order.
  std::map<const Session*, std::deque<DeferredSpawn>> deferred_;
  std::deque<const Session*> deferred_order_;
  bool admit_armed_ = false;

  asio::io_context& io_;
  asio::steady_timer admit_timer_{io_};
  runtime::Runtime& runtime_;
  const ServiceOptions options_;
  std::function<void()> request_shutdown_;
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  bool shutting_down_ = false;
};

}  // namespace islet::daemon

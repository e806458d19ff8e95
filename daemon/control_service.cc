#include "daemon/control_service.h"

#include <unistd.h>

#include <asio/post.hpp>

#include "daemon/bundle_store.h"
#include "daemon/session.h"
#include "daemon/session_manager.h"
#include "proto/digest.h"
#include "runtime/base/check.h"
#include "runtime/base/log.h"
#include "runtime/version.h"

namespace islet::daemon {
namespace {

v1::Response ErrorResponse(uint64_t id, const runtime::Error& error) {
  v1::Response response;
  response.set_id(id);
  SetStatus(error, &response);
  return response;
}

// The field numbers a Request carries that this daemon does not know, e.g.
// "42" or "42, 43"; empty if none.
std::string UnknownFieldNumbers(const v1::Request& request) {
  const auto& unknown = request.GetReflection()->GetUnknownFields(request);
  std::string numbers;
  for (int i = 0; i < unknown.field_count(); ++i) {
    if (!numbers.empty()) numbers += ", ";
    numbers += std::to_string(unknown.field(i).number());
  }
  return numbers;
}

}  // namespace

ControlService::ControlService(asio::io_context& io, runtime::Runtime& runtime,
                               ServiceOptions options, std::function<void()> request_shutdown)
    : io_(io),
      runtime_(runtime),
      options_(std::move(options)),
      request_shutdown_(std::move(request_shutdown)) {}

void ControlService::Handle(const std::shared_ptr<Session>& session, v1::Request request) {
  // Requests are handled on the control thread only: the service's state
  // has no lock, and runtime callbacks reach it by posting to io_.
  ISLET_DCHECK(io_.get_executor().running_in_this_thread());
  uint64_t id = request.id();
  Logger("control")->trace("{}: request {} ({})", session->peer(), id,
                           static_cast<int>(request.body_case()));
  switch (request.body_case()) {
    case v1::Request::kSpawn:
      // Behind spawns already waiting, whoever sent them: admitted round
      // robin (AdmitDeferred).
      if (!deferred_order_.empty() || !SpawnAdmissible()) {
        return DeferSpawn(session, id, std::move(*request.mutable_spawn()));
      }
      return Spawn(session, id, request.mutable_spawn());
    case v1::Request::kList:
      return List(session, id, request.list());
    case v1::Request::kInspect:
      return Inspect(session, id, request.inspect());
    case v1::Request::kTerminate:
      return Terminate(session, id, request.terminate());
    case v1::Request::kSubscribe:
      return Subscribe(session, id, request.subscribe());
    case v1::Request::kDaemonInfo:
      return DaemonInfo(session, id);
    case v1::Request::kShutdown:
      return Shutdown(session, id);
    case v1::Request::kPost:
      return Post(session, id, request.post());
    case v1::Request::kSetLimits:
      return SetLimits(session, id, request.set_limits());
    case v1::Request::kBlobQuery:
      return BlobQuery(session, id, request.blob_query());
    case v1::Request::kBlobPut:
      return BlobPut(session, id, request.mutable_blob_put());
    case v1::Request::kShmCreate:
    case v1::Request::kShmList:
    case v1::Request::kShmDelete:
    case v1::Request::kShmRead:
    case v1::Request::kShmWrite:
      return Shm(session, request);
    case v1::Request::BODY_NOT_SET:
      return Unknown(session, request);
  }
}

void ControlService::Unknown(const std::shared_ptr<Session>& session, const v1::Request& request) {
  // Answered, not fatal: a newer client may probe for a feature this daemon
  // lacks. The connection stays open.
  std::string fields = UnknownFieldNumbers(request);
  std::string message = fields.empty() ? "request " + std::to_string(request.id()) + " has no body"
                                       : "unknown request type (field " + fields + ")";
  session->LogBadInput(BadInput::kUnknownRequest, message);
  session->Send(ErrorResponse(
      request.id(), runtime::Error{runtime::ErrorCode::kUnimplemented,
                                   message + "; this daemon speaks islet.v1 " + kVersion}));
}

void ControlService::Spawn(const std::shared_ptr<Session>& session, uint64_t id,
                           v1::SpawnRequest* request) {
  bool follow = request->follow();
  bool end_with_client = request->end_with_client();
  auto spec = ToSpawnSpec(request, options_.bundle_limits, options_.bundle_store.get());
  if (!spec) {
    Logger("control")->info("{}: spawn rejected: {}", session->peer(), spec.error().message);
    return session->Send(ErrorResponse(id, spec.error()));
  }
  std::string main = spec->main;
  // A supervised worker is in the state file before its spawn is
  // acknowledged: a reply the client has seen survives a crash right after.
  bool durable =
      spec->restart.mode != runtime::RestartPolicy::Mode::kNever && options_.sync_state != nullptr;
  auto gate = durable && follow ? std::make_shared<HeldEvents>() : nullptr;
  auto result = runtime_.Spawn(std::move(*spec), follow ? MakeSink(session, id, gate) : nullptr);
  if (!result) {
    Logger("control")->info("{}: spawn of {} failed: {}", session->peer(), main,
                            result.error().message);
    return session->Send(ErrorResponse(id, result.error()));
  }
  Logger("control")->debug("{}: spawned worker {} (job {}) running {}", session->peer(),
                           result->worker_id, result->job_id, main);
  v1::Response response;
  response.set_id(id);
  response.mutable_spawn()->set_worker_id(result->worker_id);
  response.mutable_spawn()->set_job_id(result->job_id);
  runtime::Runtime* runtime = &runtime_;
  uint64_t worker = result->worker_id;
  std::weak_ptr<Session> weak = session;
  auto reply = [weak, runtime, worker, id, follow, end_with_client, gate,
                response = std::move(response)](std::expected<void, std::string> saved) {
    auto session = weak.lock();
    if (!session) return;
    if (!saved) {
      // Not recorded, so not acknowledged: the worker is ended rather than
      // left running unknown to the client and to the next daemon.
      Logger("control")->error("{}: ending worker {}: the state file was not written: {}",
                               session->peer(), worker, saved.error());
      (void)runtime->Terminate(worker, [](const runtime::ExitInfo&) {});
      return session->Send(
          ErrorResponse(id, runtime::Error{runtime::ErrorCode::kUnavailable,
                                           "the state file could not be written (" + saved.error() +
                                               "), so the supervised worker was not started"}));
    }
    session->Send(response);
    // The runtime offers no way to cancel a spawn's follow sink; the sink
    // goes quiet through the session's alive flag instead. A foreground job
    // ends with its client: if the connection closes before the end of the
    // stream (which EndStream marks), the root worker and its children are
    // ended.
    if (follow && end_with_client) {
      std::string peer = session->peer();
      session->AddStream(id, [runtime, worker, peer] {
        Logger("control")->info("{} went away: ending its foreground worker {}", peer, worker);
        (void)runtime->Terminate(worker, [](const runtime::ExitInfo&) {});
      });
    }
    if (gate) {
      gate->open = true;
      for (const v1::Response& event : gate->held) {
        session->Send(event);
        if (event.end_of_stream()) session->EndStream(id);
      }
      gate->held.clear();
    }
  };
  if (durable) {
    options_.sync_state(std::move(reply));
  } else {
    reply({});
  }
}

void ControlService::List(const std::shared_ptr<Session>& session, uint64_t id,
                          const v1::ListRequest& request) {
  v1::Response response;
  response.set_id(id);
  auto* list = response.mutable_list();
  for (const runtime::WorkerInfo& info : runtime_.List(request.include_exited())) {
    ToProto(info, list->add_workers());
  }
  session->Send(response);
}

void ControlService::Inspect(const std::shared_ptr<Session>& session, uint64_t id,
                             const v1::InspectRequest& request) {
  auto info = runtime_.Inspect(request.worker_id());
  if (!info) return session->Send(ErrorResponse(id, info.error()));
  v1::Response response;
  response.set_id(id);
  ToProto(*info, response.mutable_inspect()->mutable_worker());
  session->Send(response);
}

void ControlService::Terminate(const std::shared_ptr<Session>& session, uint64_t id,
                               const v1::TerminateRequest& request) {
  std::weak_ptr<Session> weak = session;
  auto executor = session->executor();
  // Killing a supervised worker takes it out of the state file: the reply
  // waits until the file says so, or the next daemon would start it again.
  std::function<void(ServiceOptions::Durable)> sync;
  if (InStateFile(request.worker_id())) sync = options_.sync_state;
  auto done = [weak, executor, id, sync](const runtime::ExitInfo& exit) {
    v1::Response response;
    response.set_id(id);
    ToProto(exit, response.mutable_terminate()->mutable_exit());
    asio::post(executor, [weak, id, sync, response = std::move(response)] {
      auto reply = [weak, id, response](std::expected<void, std::string> saved) {
        auto session = weak.lock();
        if (!session) return;
        if (saved) return session->Send(response);
        session->Send(ErrorResponse(
            id, runtime::Error{runtime::ErrorCode::kUnavailable,
                               "the worker ended, but the state file could not be written (" +
                                   saved.error() + "): a daemon restart would start it again"}));
      };
      if (sync) {
        sync(std::move(reply));
      } else {
        reply({});
      }
    });
  };
  auto ok = runtime_.Terminate(request.worker_id(), request.grace_ms(), std::move(done));
  if (!ok) return session->Send(ErrorResponse(id, ok.error()));
  Logger("control")->debug("{}: terminating worker {}", session->peer(), request.worker_id());
}

void ControlService::Subscribe(const std::shared_ptr<Session>& session, uint64_t id,
                               const v1::SubscribeRequest& request) {
  uint64_t worker = request.worker_id();
  auto subscription = runtime_.Subscribe(worker, request.follow(), MakeSink(session, id));
  if (!subscription) return session->Send(ErrorResponse(id, subscription.error()));
  // Events are posted, so none can reach the session before this runs.
  runtime::Runtime* runtime = &runtime_;
  session->AddStream(id,
                     [runtime, worker, sub = *subscription] { runtime->Unsubscribe(worker, sub); });
}

void ControlService::DaemonInfo(const std::shared_ptr<Session>& session, uint64_t id) {
  runtime::RuntimeStats stats = runtime_.Stats();
  v1::Response response;
  response.set_id(id);
  auto* info = response.mutable_daemon_info();
  info->set_version(kVersion);
  info->set_pid(static_cast<int32_t>(getpid()));
  info->set_uptime_seconds(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count());
  info->set_workers_alive(stats.workers_alive);
  info->set_workers_spawned_total(stats.workers_spawned_total);
  info->set_executor_threads(stats.executor_threads);
  info->set_socket_path(options_.socket_path);
  info->set_state_path(options_.state_path);
  info->set_state_problem(options_.state_problem);
  info->set_workers_resurrected(options_.workers_resurrected);
  ToProto(stats.executor, info->mutable_executor());
  const SessionManager& sessions = session->manager();
  auto* control = info->mutable_control();
  control->set_connections(static_cast<uint32_t>(sessions.size()));
  control->set_buffered_bytes(sessions.held_bytes());
  control->set_max_buffered_bytes(sessions.max_held_bytes());
  control->set_dropped_connections(sessions.dropped());
  if (options_.bundle_store) *info->mutable_bundle_store() = options_.bundle_store->Info();
  session->Send(response);
}

void ControlService::BlobQuery(const std::shared_ptr<Session>& session, uint64_t id,
                               const v1::BlobQueryRequest& request) {
  if (!options_.bundle_store) {
    return session->Send(ErrorResponse(
        id, runtime::Error{runtime::ErrorCode::kUnimplemented, "this daemon has no bundle store"}));
  }
  for (const std::string& digest : request.digests()) {
    if (digest.size() != proto::kDigestBytes) {
      return session->Send(
          ErrorResponse(id, runtime::Error{runtime::ErrorCode::kInvalidArgument,
                                           "a digest of " + std::to_string(digest.size()) +
                                               " bytes: digests are SHA-256, 32 bytes"}));
    }
  }
  v1::Response response;
  response.set_id(id);
  for (uint32_t index : options_.bundle_store->Missing(request.digests())) {
    response.mutable_blob_query()->add_missing(index);
  }
  response.mutable_blob_query();
  session->Send(response);
}

void ControlService::BlobPut(const std::shared_ptr<Session>& session, uint64_t id,
                             v1::BlobPutRequest* request) {
  if (!options_.bundle_store) {
    return session->Send(ErrorResponse(
        id, runtime::Error{runtime::ErrorCode::kUnimplemented, "this daemon has no bundle store"}));
  }
  v1::Response response;
  response.set_id(id);
  auto* out = response.mutable_blob_put();
  for (std::string& content : *request->mutable_blobs()) {
    // Bigger than a whole bundle may be: it could never be used.
    if (content.size() > options_.bundle_limits.max_bytes) {
      return session->Send(ErrorResponse(
          id, runtime::Error{runtime::ErrorCode::kInvalidArgument,
                             TooLargeMessage(content.size(), options_.bundle_limits)}));
    }
    auto stored = options_.bundle_store->Put(std::move(content));
    if (!stored) return session->Send(ErrorResponse(id, stored.error()));
    out->add_digests(std::move(stored->digest));
  }
  session->Send(response);
}

void ControlService::Post(const std::shared_ptr<Session>& session, uint64_t id,
                          const v1::PostRequest& request) {
  auto ok = runtime_.PostControl(request.worker_id(), request.json());
  if (!ok) return session->Send(ErrorResponse(id, ok.error()));
  v1::Response response;
  response.set_id(id);
  response.mutable_post();
  session->Send(response);
}

void ControlService::SetLimits(const std::shared_ptr<Session>& session, uint64_t id,
                               const v1::SetLimitsRequest& request) {
  auto limits = CheckedLimits(request.limits());
  if (!limits) return session->Send(ErrorResponse(id, limits.error()));
  auto ok = runtime_.SetLimits(request.worker_id(), *limits);
  if (!ok) return session->Send(ErrorResponse(id, ok.error()));
  v1::Response response;
  response.set_id(id);
  response.mutable_set_limits();
  // A supervised worker's limits are in the state file: acknowledged once
  // they are on disk, like a spawn.
  if (!InStateFile(request.worker_id()) || options_.sync_state == nullptr) {
    return session->Send(response);
  }
  std::weak_ptr<Session> weak = session;
  options_.sync_state([weak, id, response](std::expected<void, std::string> saved) {
    auto session = weak.lock();
    if (!session) return;
    if (saved) return session->Send(response);
    session->Send(ErrorResponse(
        id, runtime::Error{runtime::ErrorCode::kUnavailable,
                           "the limits apply, but the state file could not be written (" +
                               saved.error() +
                               "): a daemon restart would start the worker with "
                               "its old limits"}));
  });
}

void ControlService::Shutdown(const std::shared_ptr<Session>& session, uint64_t id) {
  Logger("daemon")->info("shutdown requested by {}", session->peer());
  v1::Response response;
  response.set_id(id);
  response.mutable_shutdown();
  session->Send(response);
  if (shutting_down_) return;
  shutting_down_ = true;
  // Posted, so the reply is queued (and its write started) before the
  // runtime shuts down.
  asio::post(io_, request_shutdown_);
}

bool ControlService::InStateFile(uint64_t worker) {
  auto info = runtime_.Inspect(worker);
  return info && info->restart.mode != runtime::RestartPolicy::Mode::kNever;
}

bool ControlService::SpawnAdmissible() {
  return options_.max_starting_spawns == 0 ||
         runtime_.WorkersStarting() < options_.max_starting_spawns;
}

void ControlService::DeferSpawn(const std::shared_ptr<Session>& session, uint64_t id,
                                v1::SpawnRequest request) {
  auto& queue = deferred_[session.get()];
  if (queue.size() >= kMaxDeferredPerConnection) {
    v1::Response response;
    response.set_id(id);
    response.mutable_status()->set_code(v1::RESOURCE_EXHAUSTED);
    response.mutable_status()->set_message(
        "this connection already has " + std::to_string(queue.size()) +
        " spawns waiting for admission (at most " + std::to_string(kMaxDeferredPerConnection) +
        "); wait for their replies before sending more");
    return session->Send(response);
  }
  if (queue.empty()) deferred_order_.push_back(session.get());
  size_t bytes = request.ByteSizeLong();
  queue.push_back(DeferredSpawn{session, id, std::move(request), bytes});
  // May drop the session (the connections hold too much): its entries
  // then go at the next admission.
  session->HoldDeferred(static_cast<ptrdiff_t>(bytes));
  AdmitDeferred();
}

void ControlService::AdmitDeferred() {
  while (!deferred_order_.empty() && SpawnAdmissible()) {
    const Session* key = deferred_order_.front();
    deferred_order_.pop_front();
    auto it = deferred_.find(key);
    if (it == deferred_.end() || it->second.empty()) continue;
    // Spawns of a connection that closed meanwhile are dropped at once, not
    // one per round. A key may be a new session at a freed one's address;
    // the dead one's spawns are then all ahead of the new one's, so only
    // the front is looked at (once per spawn, not the whole queue per round).
    auto& queue = it->second;
    while (!queue.empty()) {
      auto session = queue.front().session.lock();
      if (session && session->open()) break;
      queue.pop_front();
    }
    if (it->second.empty()) {
      deferred_.erase(it);
      continue;
    }
    DeferredSpawn next = std::move(it->second.front());
    it->second.pop_front();
    if (it->second.empty()) {
      deferred_.erase(it);
    } else {
      deferred_order_.push_back(key);  // its next one after everyone else's
    }
    if (auto session = next.session.lock(); session && session->open()) {
      session->HoldDeferred(-static_cast<ptrdiff_t>(next.bytes));
      if (session->open()) Spawn(session, next.id, &next.request);
    }
  }
  if (deferred_order_.empty() || admit_armed_) return;
  // Starting workers finish on executor threads; look again shortly.
  admit_armed_ = true;
  admit_timer_.expires_after(std::chrono::milliseconds(1));
  admit_timer_.async_wait([this](const asio::error_code& ec) {
    if (ec == asio::error::operation_aborted) return;
    admit_armed_ = false;
    AdmitDeferred();
  });
}

runtime::EventSink ControlService::MakeSink(const std::shared_ptr<Session>& session,
                                            uint64_t request_id, std::shared_ptr<HeldEvents> gate) {
  std::weak_ptr<Session> weak = session;
  auto alive = session->alive_flag();
  auto executor = session->executor();
  return [weak, alive, executor, request_id, gate](const runtime::WorkerEvent& event) {
    if (!alive->load(std::memory_order_acquire)) return;
    v1::Response response;
    response.set_id(request_id);
    ToProto(event, &response);
    asio::post(executor, [weak, request_id, gate, response = std::move(response)] {
      auto session = weak.lock();
      if (!session) return;
      if (gate && !gate->open) return gate->held.push_back(response);
      session->Send(response);
      if (response.end_of_stream()) session->EndStream(request_id);
    });
  };
}

}  // namespace islet::daemon

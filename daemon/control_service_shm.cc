// The control service's shared-memory requests: thin translations onto the
// runtime's segment registry. Control thread only; each answers at once.

#include "daemon/control_service.h"
#include "daemon/session.h"
#include "runtime/base/log.h"

namespace islet::daemon {

void ControlService::Shm(const std::shared_ptr<Session>& session, const v1::Request& request) {
  v1::Response response;
  response.set_id(request.id());
  runtime::Result<void> ok;
  switch (request.body_case()) {
    case v1::Request::kShmCreate: {
      const auto& create = request.shm_create();
      auto created = runtime_.ShmCreate(create.name(), create.size());
      if (!created) {
        ok = std::unexpected(created.error());
        break;
      }
      ToProto(created->segment, response.mutable_shm_create()->mutable_segment());
      response.mutable_shm_create()->set_created(created->created);
      break;
    }
    case v1::Request::kShmList: {
      auto list = runtime_.ShmList();
      if (!list) {
        ok = std::unexpected(list.error());
        break;
      }
      auto* out = response.mutable_shm_list();
      for (const runtime::ShmSegmentInfo& info : *list) ToProto(info, out->add_segments());
      break;
    }
    case v1::Request::kShmDelete:
      ok = runtime_.ShmDelete(request.shm_delete().name());
      if (ok) response.mutable_shm_delete();
      break;
    case v1::Request::kShmRead: {
      const auto& read = request.shm_read();
      auto data = runtime_.ShmRead(read.name(), read.offset(), read.length());
      if (!data) {
        ok = std::unexpected(data.error());
        break;
      }
      response.mutable_shm_read()->set_data(std::move(*data));
      break;
    }
    case v1::Request::kShmWrite: {
      const auto& write = request.shm_write();
      ok = runtime_.ShmWrite(write.name(), write.offset(), write.data());
      if (ok) response.mutable_shm_write();
      break;
    }
    default:
      return Unknown(session, request);
  }
  if (!ok) {
    Logger("control")->debug("{}: request {} refused: {}", session->peer(), request.id(),
                             ok.error().message);
    v1::Response error;
    error.set_id(request.id());
    SetStatus(ok.error(), &error);
    return session->Send(error);
  }
  session->Send(response);
}

}  // namespace islet::daemon

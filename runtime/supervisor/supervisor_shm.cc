// The Runtime facade's shared-memory calls: the control plane's view of the
// segment registry (workers reach it through WorkerHost::segments()).

#include "runtime/supervisor/supervisor.h"

namespace islet::runtime {
namespace {

ShmSegmentInfo ToFacade(const SegmentInfo& info) {
  return ShmSegmentInfo{info.name,    info.size, info.attached_workers, info.created_unix_ms,
                        info.creator, info.path};
}

}  // namespace

Result<ShmCreateResult> Supervisor::ShmCreate(const std::string& name, uint64_t size) {
  auto opened = segments_->Open(name, size, /*creator=*/0);
  if (!opened) return std::unexpected(opened.error());
  return ShmCreateResult{ToFacade(Describe(*opened->segment)), opened->created};
}

Result<std::vector<ShmSegmentInfo>> Supervisor::ShmList() {
  std::vector<ShmSegmentInfo> out;
  for (const SegmentInfo& info : segments_->List()) out.push_back(ToFacade(info));
  return out;
}

Result<void> Supervisor::ShmDelete(const std::string& name) { return segments_->Delete(name); }

Result<std::string> Supervisor::ShmRead(const std::string& name, uint64_t offset, uint64_t length) {
  return segments_->Read(name, offset, length);
}

Result<void> Supervisor::ShmWrite(const std::string& name, uint64_t offset, std::string_view data) {
  return segments_->Write(name, offset, data);
}

}  // namespace islet::runtime

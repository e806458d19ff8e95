#include "runtime/shm/segment_registry.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <system_error>

#include "runtime/base/log.h"
#include "runtime/base/mutex.h"

namespace islet::runtime {

struct Segment::Accounting {
  std::atomic<uint64_t> live_bytes{0};
};

namespace {

int64_t UnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string Errno(int err) { return std::system_category().message(err); }

constexpr char kShmDir[] = "/dev/shm/";

bool Aligned4(const void* p) { return reinterpret_cast<uintptr_t>(p) % 4 == 0; }

// Copies with the access sizes JS's Atomics use, so concurrent Atomics.*
// never see a torn word from us (and TSan sees atomics, not a race).
void LoadBytes(const uint8_t* src, size_t n, char* out) {
  size_t i = 0;
  while (i < n) {
    if (n - i >= 4 && Aligned4(src + i)) {
      uint32_t word = __atomic_load_n(reinterpret_cast<const uint32_t*>(src + i), __ATOMIC_SEQ_CST);
      std::memcpy(out + i, &word, 4);
      i += 4;
    } else {
      out[i] = static_cast<char>(__atomic_load_n(src + i, __ATOMIC_SEQ_CST));
      ++i;
    }
  }
}

void StoreBytes(uint8_t* dst, const char* in, size_t n) {
  size_t i = 0;
  while (i < n) {
    if (n - i >= 4 && Aligned4(dst + i)) {
      uint32_t word;
      std::memcpy(&word, in + i, 4);
      __atomic_store_n(reinterpret_cast<uint32_t*>(dst + i), word, __ATOMIC_SEQ_CST);
      i += 4;
    } else {
      __atomic_store_n(dst + i, static_cast<uint8_t>(in[i]), __ATOMIC_SEQ_CST);
      ++i;
    }
  }
}

Result<void> CheckRange(const std::string& name, uint64_t size, uint64_t offset, uint64_t length) {
  if (offset > size || length > size - offset) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "range [" + std::to_string(offset) + ", " + std::to_string(offset) + "+" +
                         std::to_string(length) + ") is outside segment '" + name + "' of " +
                         std::to_string(size) + " bytes");
  }
  return {};
}

}  // namespace

// --- Segment -------------------------------------------------------------------

Segment::Segment(std::string name, std::string path, uint64_t size, void* data, uint64_t creator,
                 std::shared_ptr<Accounting> accounting)
    : name_(std::move(name)),
      path_(std::move(path)),
      size_(size),
      data_(data),
      creator_(creator),
      created_unix_ms_(UnixMs()),
      accounting_(std::move(accounting)) {}

Segment::~Segment() {
  munmap(data_, size_);
  accounting_->live_bytes.fetch_sub(size_);
}

void Segment::Attach(uint64_t worker) {
  MutexLock lock(mu_);
  holders_.insert(worker);
}

void Segment::Detach(uint64_t worker) {
  MutexLock lock(mu_);
  holders_.erase(worker);
}

std::shared_ptr<void> Segment::SharedHandle(const std::function<std::shared_ptr<void>()>& make) {
  MutexLock lock(mu_);
  std::shared_ptr<void> handle = handle_.lock();
  if (!handle) {
    handle = make();
    handle_ = handle;
  }
  return handle;
}

uint32_t Segment::attached_workers() const {
  MutexLock lock(mu_);
  return static_cast<uint32_t>(holders_.size());
}

Result<std::string> Segment::Read(uint64_t offset, uint64_t length) const {
  if (length == 0 && offset <= size_) length = size_ - offset;
  if (auto ok = CheckRange(name_, size_, offset, length); !ok) return std::unexpected(ok.error());
  if (length > SegmentRegistry::kMaxReadBytes) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "cannot read " + std::to_string(length) + " bytes at once; the limit is " +
                         std::to_string(SegmentRegistry::kMaxReadBytes) +
                         " bytes (give a smaller length)");
  }
  std::string out(length, '\0');
  LoadBytes(static_cast<const uint8_t*>(data_) + offset, length, out.data());
  return out;
}

Result<void> Segment::Write(uint64_t offset, std::string_view bytes) {
  if (auto ok = CheckRange(name_, size_, offset, bytes.size()); !ok) return ok;
  StoreBytes(static_cast<uint8_t*>(data_) + offset, bytes.data(), bytes.size());
  return {};
}

SegmentInfo Describe(const Segment& segment) {
  return SegmentInfo{
      segment.name(),    segment.size(), segment.attached_workers(), segment.created_unix_ms(),
      segment.creator(), segment.path()};
}

// --- SegmentRegistry -------------------------------------------------------------

SegmentRegistry::SegmentRegistry(SegmentRegistryOptions options)
    : options_(std::move(options)), accounting_(std::make_shared<Segment::Accounting>()) {}

SegmentRegistry::~SegmentRegistry() {
  MutexLock lock(mu_);
  for (const auto& [name, segment] : segments_) shm_unlink(("/" + prefix_ + name).c_str());
  segments_.clear();
  if (lock_fd_ >= 0) {
    unlink(lock_path_.c_str());  // before unlocking: a waiter re-checks the inode
    close(lock_fd_);
  }
}

std::string SegmentRegistry::prefix() const {
  MutexLock lock(mu_);
  return prefix_;
}

Result<void> SegmentRegistry::ClaimPrefix() {
  const std::string base =
      options_.base.empty() ? "islet-" + std::to_string(getpid()) : options_.base;
  std::string error;
  int attempts = 0;
  for (int n = 0; n < 100 && attempts < 1000; ++attempts) {
    std::string prefix = n == 0 ? base + "-" : base + "." + std::to_string(n) + "-";
    std::string lock_path = kShmDir + prefix + ".lock";
    int fd = open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
      if (errno == EACCES || errno == EPERM || errno == ELOOP) {  // another user's file
        ++n;
        continue;
      }
      error = "cannot open " + lock_path + ": " + Errno(errno);
      break;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
      int err = errno;
      close(fd);
      if (err == EWOULDBLOCK) {  // a live registry owns this prefix
        ++n;
        continue;
      }
      error = "cannot lock " + lock_path + ": " + Errno(err);
      break;
    }
    struct stat held, named;
    if (fstat(fd, &held) != 0 || lstat(lock_path.c_str(), &named) != 0 ||
        held.st_ino != named.st_ino || held.st_dev != named.st_dev) {
      close(fd);  // its owner unlinked it as we locked it: try the same name again
      continue;
    }
    if (held.st_uid != geteuid()) {
      close(fd);
      ++n;
      continue;
    }
    prefix_ = std::move(prefix);
    lock_path_ = std::move(lock_path);
    lock_fd_ = fd;
    RemoveStale();
    return {};
  }
  if (error.empty()) error = "no free shared-memory prefix for " + base;
  return MakeError(ErrorCode::kUnavailable, error);
}

void SegmentRegistry::RemoveStale() {
  DIR* dir = opendir(kShmDir);
  if (dir == nullptr) return;
  int removed = 0;
  while (dirent* entry = readdir(dir)) {
    std::string_view file = entry->d_name;
    if (!file.starts_with(prefix_) || file == prefix_ + ".lock") continue;
    std::string path = kShmDir + std::string(file);
    struct stat st;
    if (lstat(path.c_str(), &st) == 0 && st.st_uid == geteuid() && unlink(path.c_str()) == 0) {
      ++removed;
    }
  }
  closedir(dir);
  if (removed > 0) {
    Logger("shm")->warn("removed {} shared-memory objects left under {}{} by a dead process",
                        removed, kShmDir, prefix_);
  }
}

Result<void> SegmentRegistry::ValidateName(std::string_view name) {
  if (name.empty()) return MakeError(ErrorCode::kInvalidArgument, "segment name is empty");
  if (name.size() > kMaxNameLength) {
    return MakeError(ErrorCode::kInvalidArgument, "segment name is " + std::to_string(name.size()) +
                                                      " characters long; the limit is " +
                                                      std::to_string(kMaxNameLength));
  }
  if (name.front() == '.') {
    return MakeError(ErrorCode::kInvalidArgument,
                     "segment name '" + std::string(name) + "' starts with '.'");
  }
  for (char c : name) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-';
    if (!ok) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "segment name '" + std::string(name) +
                           "' has a character other than A-Z, a-z, 0-9, '.', '_' and '-'");
    }
  }
  return {};
}

Result<void> SegmentRegistry::ValidateQualifiedName(std::string_view name) {
  size_t colon = name.find(':');
  if (colon == std::string_view::npos) return ValidateName(name);
  std::string_view job = name.substr(0, colon);
  uint64_t id = 0;
  bool digits = !job.empty() && job.size() <= 20;
  for (char c : job) {
    if (c < '0' || c > '9') {
      digits = false;
      break;
    }
  }
  if (digits) {
    auto [end, ec] = std::from_chars(job.data(), job.data() + job.size(), id);
    digits = ec == std::errc() && end == job.data() + job.size() && id != 0;
  }
  if (!digits) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "segment name '" + std::string(name) + "': '" + std::string(job) +
                         "' before ':' is not a job id (JOB:NAME names job JOB's segment NAME)");
  }
  return ValidateName(name.substr(colon + 1));
}

Result<std::shared_ptr<Segment>> SegmentRegistry::Find(std::string_view name) const {
  auto it = segments_.find(name);
  if (it == segments_.end()) {
    return MakeError(ErrorCode::kNotFound, "no shared segment named '" + std::string(name) + "'");
  }
  return it->second;
}

Result<SegmentRegistry::Opened> SegmentRegistry::Open(std::string_view name, uint64_t size,
                                                      uint64_t creator) {
  if (auto ok = ValidateQualifiedName(name); !ok) return std::unexpected(ok.error());
  if (size == 0) {
    return MakeError(ErrorCode::kInvalidArgument, "a shared segment needs at least 1 byte");
  }
  MutexLock lock(mu_);
  if (auto it = segments_.find(name); it != segments_.end()) {
    if (it->second->size() != size) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       "shared segment '" + std::string(name) + "' exists with " +
                           std::to_string(it->second->size()) + " bytes; " + std::to_string(size) +
                           " bytes were requested");
    }
    return Opened{it->second, false};
  }
  auto segment = Create(name, size, creator);
  if (!segment) return std::unexpected(segment.error());
  segments_.emplace(std::string(name), *segment);
  return Opened{*std::move(segment), true};
}

Result<std::shared_ptr<Segment>> SegmentRegistry::Create(std::string_view name, uint64_t size,
                                                         uint64_t creator) {
  if (segments_.size() >= options_.max_segments) {
    return MakeError(ErrorCode::kResourceExhausted,
                     "cannot create shared segment '" + std::string(name) + "': " +
                         std::to_string(segments_.size()) + " segments exist and the limit is " +
                         std::to_string(options_.max_segments) +
                         " (isletd --shm-max-segments); delete one first");
  }
  uint64_t live = accounting_->live_bytes.load();
  if (size > options_.max_bytes || live > options_.max_bytes - size) {
    return MakeError(ErrorCode::kResourceExhausted,
                     "cannot create shared segment '" + std::string(name) + "' of " +
                         std::to_string(size) + " bytes: " + std::to_string(live) + " of " +
                         std::to_string(options_.max_bytes) +
                         " shared bytes are in use (isletd --shm-max-bytes)");
  }
  if (size > static_cast<uint64_t>(SIZE_MAX / 2)) {
    return MakeError(ErrorCode::kInvalidArgument, "segment size is too large");
  }
  if (lock_fd_ < 0) {
    if (auto claimed = ClaimPrefix(); !claimed) {
      return MakeError(
          ErrorCode::kUnavailable,
          "cannot create shared segment '" + std::string(name) + "': " + claimed.error().message);
    }
  }
  std::string object = "/" + prefix_ + std::string(name);
  std::string path = "/dev/shm" + object;
  int fd = shm_open(object.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST) {
    // The prefix is ours (we hold its lock), so this was put there by hand.
    Logger("shm")->warn("replacing shared-memory object {}", path);
    shm_unlink(object.c_str());
    fd = shm_open(object.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  }
  if (fd < 0) {
    return MakeError(ErrorCode::kInternal, "cannot create " + path + ": " + Errno(errno));
  }
  auto fail = [&](ErrorCode code, const std::string& what, int err) {
    close(fd);
    shm_unlink(object.c_str());
    return MakeError(code, what + " " + path + ": " + Errno(err));
  };
  if (fchmod(fd, 0600) != 0) return fail(ErrorCode::kInternal, "cannot chmod", errno);
  if (int err = posix_fallocate(fd, 0, static_cast<off_t>(size)); err != 0) {
    return fail(err == ENOSPC ? ErrorCode::kResourceExhausted : ErrorCode::kInternal,
                "cannot allocate " + std::to_string(size) + " bytes for", err);
  }
  void* data = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (data == MAP_FAILED) {
    return fail(errno == ENOMEM ? ErrorCode::kResourceExhausted : ErrorCode::kInternal,
                "cannot map", errno);
  }
  close(fd);
  accounting_->live_bytes.fetch_add(size);
  Logger("shm")->info(
      "shared segment '{}' created ({} bytes, {}) by {}", name, size, path,
      creator == 0 ? std::string("the control plane") : "worker " + std::to_string(creator));
  return std::shared_ptr<Segment>(
      new Segment(std::string(name), std::move(path), size, data, creator, accounting_));
}

std::vector<SegmentInfo> SegmentRegistry::List() const {
  MutexLock lock(mu_);
  std::vector<SegmentInfo> out;
  out.reserve(segments_.size());
  for (const auto& [name, segment] : segments_) out.push_back(Describe(*segment));
  return out;
}

Result<SegmentInfo> SegmentRegistry::Get(std::string_view name) const {
  MutexLock lock(mu_);
  auto segment = Find(name);
  if (!segment) return std::unexpected(segment.error());
  return Describe(**segment);
}

Result<void> SegmentRegistry::Delete(std::string_view name) {
  std::shared_ptr<Segment> segment;  // released after the lock
  {
    MutexLock lock(mu_);
    auto it = segments_.find(name);
    if (it == segments_.end()) {
      return MakeError(ErrorCode::kNotFound, "no shared segment named '" + std::string(name) + "'");
    }
    segment = std::move(it->second);
    segments_.erase(it);
    shm_unlink(("/" + prefix_ + std::string(name)).c_str());
  }
  Logger("shm")->info("shared segment '{}' deleted ({} workers attached)", name,
                      segment->attached_workers());
  return {};
}

Result<std::string> SegmentRegistry::Read(std::string_view name, uint64_t offset,
                                          uint64_t length) const {
  std::shared_ptr<Segment> segment;
  {
    MutexLock lock(mu_);
    auto found = Find(name);
    if (!found) return std::unexpected(found.error());
    segment = *std::move(found);
  }
  return segment->Read(offset, length);
}

Result<void> SegmentRegistry::Write(std::string_view name, uint64_t offset,
                                    std::string_view bytes) {
  std::shared_ptr<Segment> segment;
  {
    MutexLock lock(mu_);
    auto found = Find(name);
    if (!found) return std::unexpected(found.error());
    segment = *std::move(found);
  }
  return segment->Write(offset, bytes);
}

void SegmentRegistry::ReleaseWorker(uint64_t worker) {
  MutexLock lock(mu_);
  for (const auto& [name, segment] : segments_) segment->Detach(worker);
}

uint64_t SegmentRegistry::live_bytes() const { return accounting_->live_bytes.load(); }

}  // namespace islet::runtime

#include "daemon/state_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "daemon/convert.h"
#include "runtime/base/log.h"

namespace islet::daemon {
namespace {

constexpr std::string_view kMagic = "ISLETST1";
constexpr size_t kHeaderSize = 8 + 8 + 4;
// Far above any real file (bundles are at most a few MiB each), so a wild
// length is reported as corruption instead of being trusted.
constexpr uint64_t kMaxPayload = INT_MAX;  // protobuf parses at most this

void PutLittleEndian(std::string* out, uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

uint64_t GetLittleEndian(std::string_view in, int bytes) {
  uint64_t value = 0;
  for (int i = 0; i < bytes; ++i) {
    value |= static_cast<uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
  }
  return value;
}

uint32_t Crc32(std::string_view data) {
  uLong crc = crc32(0L, Z_NULL, 0);
  // zlib takes uInt lengths: feed it in chunks.
  while (!data.empty()) {
    uInt n = static_cast<uInt>(std::min<size_t>(data.size(), 1u << 30));
    crc = crc32(crc, reinterpret_cast<const Bytef*>(data.data()), n);
    data.remove_prefix(n);
  }
  return static_cast<uint32_t>(crc);
}

std::string ErrnoText(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

std::string DirectoryOf(const std::string& path) {
  auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

std::string EncodeStateFile(const v1::StateFile& state) {
  std::string payload;
  if (!state.SerializeToString(&payload)) return {};  // over protobuf's 2 GiB
  std::string out(kMagic);
  PutLittleEndian(&out, payload.size(), 8);
  PutLittleEndian(&out, Crc32(payload), 4);
  out += payload;
  return out;
}

std::expected<v1::StateFile, std::string> DecodeStateFile(std::string_view bytes) {
  if (bytes.size() < kHeaderSize) {
    return std::unexpected("truncated: " + std::to_string(bytes.size()) +
                           " bytes, shorter than the header");
  }
  if (bytes.substr(0, kMagic.size()) != kMagic) {
    return std::unexpected(std::string("not an islet state file (bad magic)"));
  }
  uint64_t length = GetLittleEndian(bytes.substr(8), 8);
  uint32_t crc = static_cast<uint32_t>(GetLittleEndian(bytes.substr(16), 4));
  std::string_view payload = bytes.substr(kHeaderSize);
  if (length > kMaxPayload || payload.size() != length) {
    return std::unexpected("truncated or padded: the header says " + std::to_string(length) +
                           " bytes of payload, the file holds " + std::to_string(payload.size()));
  }
  if (Crc32(payload) != crc) return std::unexpected(std::string("checksum mismatch"));
  v1::StateFile state;
  if (!state.ParseFromArray(payload.data(), static_cast<int>(payload.size()))) {
    return std::unexpected(std::string("the payload does not parse"));
  }
  return state;
}

std::expected<void, std::string> WriteStateFile(const std::string& path,
                                                const v1::StateFile& state) {
  std::string bytes = EncodeStateFile(state);
  if (bytes.empty()) {
    return std::unexpected("the state is too large to serialize (over 2 GiB); " + path +
                           " keeps its previous contents");
  }
  // A unique temporary name: two writers never share one.
  std::string tmp = path + ".XXXXXX";
  int fd = ::mkostemp(tmp.data(), O_CLOEXEC);  // mode 0600
  if (fd < 0) return std::unexpected(ErrnoText("cannot create", tmp));
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string error = ErrnoText("cannot write", tmp);
      ::close(fd);
      ::unlink(tmp.c_str());
      return std::unexpected(error);
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    std::string error = ErrnoText("cannot fsync", tmp);
    ::close(fd);
    ::unlink(tmp.c_str());
    return std::unexpected(error);
  }
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string error = ErrnoText("cannot rename " + tmp + " to", path);
    ::unlink(tmp.c_str());
    return std::unexpected(error);
  }
  // The rename is durable once the directory is.
  int dir = ::open(DirectoryOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    (void)::fsync(dir);
    ::close(dir);
  }
  return {};
}

LoadedState LoadStateFile(const std::string& path) {
  LoadedState loaded;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 && errno == ENOENT) return loaded;  // a first start
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    loaded.problem = ErrnoText("cannot read", path);
    return loaded;  // not set aside: the file may be fine, the permissions not
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto state = DecodeStateFile(bytes.str());
  if (state) {
    loaded.state = std::move(*state);
    return loaded;
  }
  loaded.problem = path + " is corrupt: " + state.error();
  // Kept for a human to look at, and out of the way of the next write.
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::system_clock::now().time_since_epoch())
                .count();
  loaded.set_aside = path + ".corrupt-" + std::to_string(ms);
  if (::rename(path.c_str(), loaded.set_aside.c_str()) != 0) loaded.set_aside.clear();
  return loaded;
}

int RemoveStaleTemporaries(const std::string& path) {
  namespace fs = std::filesystem;
  fs::path file(path);
  fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
  std::string prefix = file.filename().string() + ".";
  int removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    // mkostemp's six characters after the file's name and a dot, and only
    // regular files (a ".corrupt-..." file set aside stays for a human).
    if (name.size() != prefix.size() + 6 || !name.starts_with(prefix)) continue;
    if (!it->is_regular_file(ec) || ec) continue;
    if (::unlink(it->path().c_str()) == 0) ++removed;
  }
  return removed;
}

StateKeeper::StateKeeper(std::string path, std::function<void(std::function<void()>)> post)
    : path_(std::move(path)), post_(std::move(post)) {}

StateKeeper::~StateKeeper() {
  Stop();
  if (writer_.joinable()) writer_.join();
}

void StateKeeper::KeepUnresurrected(v1::SupervisedWorker entry) {
  MutexLock lock(mu_);
  unresurrected_.push_back(std::move(entry));
}

void StateKeeper::Start() {
  writer_ = std::thread([this] { Run(); });
}

void StateKeeper::Changed() {
  MutexLock lock(mu_);
  if (stopped_) return;
  ++requested_;
  wake_.NotifyOne();
}

void StateKeeper::Sync(Done done) {
  std::string reason;
  {
    MutexLock lock(mu_);
    if (!stopped_) {
      waiting_.emplace_back(++requested_, std::move(done));
      wake_.NotifyOne();
      return;
    }
    reason = stop_reason_;
  }
  post_([done = std::move(done), reason] { done(std::unexpected(reason)); });
}

void StateKeeper::Stop(std::string reason, bool flush) {
  {
    MutexLock lock(mu_);
    if (!stopped_) stop_reason_ = reason;
    stopped_ = true;
    wake_.NotifyAll();
  }
  // A write under way reads the runtime: it ends (and answers its waiters)
  // before the runtime does.
  if (writer_.joinable() && writer_.get_id() != std::this_thread::get_id()) writer_.join();
  std::vector<std::pair<uint64_t, Done>> waiting;
  bool pending = false;
  {
    MutexLock lock(mu_);
    waiting.swap(waiting_);
    pending = requested_ != written_;
    if (flush) written_ = requested_;
  }
  // What was asked for before the stop is written, so acknowledged changes
  // are kept; nothing after it (shutdown ends workers, which must not
  // leave the file).
  std::expected<void, std::string> saved = std::unexpected(reason);
  if (flush && pending) {
    saved = Save();
  } else if (flush) {
    saved = {};
  }
  for (auto& [generation, done] : waiting) {
    post_([done = std::move(done), saved] { done(saved); });
  }
}

void StateKeeper::Run() {
  MutexLock lock(mu_);
  while (true) {
    while (!stopped_ && requested_ == written_) wake_.Wait(mu_);
    if (stopped_) return;
    // Everything asked for until now goes into this one write.
    uint64_t generation = requested_;
    lock.Unlock();
    std::expected<void, std::string> saved = Save();
    lock.Lock();
    written_ = generation;
    std::vector<Done> done;
    for (auto it = waiting_.begin(); it != waiting_.end();) {
      if (it->first <= generation) {
        done.push_back(std::move(it->second));
        it = waiting_.erase(it);
      } else {
        ++it;
      }
    }
    if (!done.empty()) {
      post_([done = std::move(done), saved] {
        for (const Done& d : done) d(saved);
      });
    }
  }
}

std::expected<void, std::string> StateKeeper::Save() {
  if (runtime_ == nullptr) return std::unexpected(std::string("no runtime"));
  v1::StateFile state;
  for (const runtime::SupervisedSpec& spec : runtime_->Supervised()) {
    ToProto(spec, state.add_workers());
  }
  {
    MutexLock lock(mu_);
    for (const v1::SupervisedWorker& entry : unresurrected_) *state.add_workers() = entry;
  }
  auto ok = WriteStateFile(path_, state);
  writes_.fetch_add(1);
  if (!ok) {
    Logger("daemon")->error("state file not saved: {}", ok.error());
    return ok;
  }
  Logger("daemon")->debug("state file {}: {} supervised workers", path_, state.workers_size());
  return {};
}

}  // namespace islet::daemon

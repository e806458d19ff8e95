#include "runtime/shm/segment_registry.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <latch>
#include <thread>
#include <vector>

namespace islet::runtime {
namespace {

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

// Each test gets its own base, so tests (and parallel runs) never collide.
SegmentRegistryOptions TestOptions(uint64_t max_bytes = 1u << 20, uint64_t max_segments = 16) {
  static std::atomic<int> n{0};
  SegmentRegistryOptions options;
  options.max_bytes = max_bytes;
  options.max_segments = max_segments;
  options.base = "islet-test-" + std::to_string(getpid()) + "-" + std::to_string(n++);
  return options;
}

TEST(SegmentRegistryTest, ValidatesNames) {
  EXPECT_TRUE(SegmentRegistry::ValidateName("counter"));
  EXPECT_TRUE(SegmentRegistry::ValidateName("A.b_c-9"));
  EXPECT_TRUE(SegmentRegistry::ValidateName(std::string(64, 'x')));

  auto empty = SegmentRegistry::ValidateName("");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(empty.error().message, "segment name is empty");

  auto long_name = SegmentRegistry::ValidateName(std::string(65, 'x'));
  ASSERT_FALSE(long_name);
  EXPECT_EQ(long_name.error().message, "segment name is 65 characters long; the limit is 64");

  for (std::string bad :
       std::vector<std::string>{"a/b", "a b", "caf\xc3\xa9", std::string("a\0b", 3), "x:y"}) {
    auto r = SegmentRegistry::ValidateName(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(r.error().message.find("A-Z, a-z, 0-9"), std::string::npos) << r.error().message;
  }
  for (std::string bad : {"..", ".", "../x", ".lock"}) {
    auto r = SegmentRegistry::ValidateName(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().message, "segment name '" + bad + "' starts with '.'");
  }
  EXPECT_TRUE(SegmentRegistry::ValidateName("a..b"));
}

TEST(SegmentRegistryTest, CreatesAZeroedPrivateObjectUnderDevShm) {
  SegmentRegistry registry(TestOptions());
  auto opened = registry.Open("counter", 4096, 7);
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_TRUE(opened->created);
  const Segment& segment = *opened->segment;
  EXPECT_EQ(segment.path(), "/dev/shm/" + registry.prefix() + "counter");
  EXPECT_EQ(segment.size(), 4096u);
  EXPECT_EQ(segment.creator(), 7u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(segment.data()) % 4096, 0u);
  const auto* bytes = static_cast<const uint8_t*>(segment.data());
  for (size_t i = 0; i < 4096; ++i) ASSERT_EQ(bytes[i], 0) << i;

  struct stat st;
  ASSERT_EQ(stat(segment.path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(st.st_uid, getuid());
  EXPECT_EQ(static_cast<uint64_t>(st.st_size), 4096u);
}

TEST(SegmentRegistryTest, DefaultPrefixNamesThePidAndDiffersPerInstance) {
  SegmentRegistry a, b;
  EXPECT_EQ(a.prefix(), "");  // claimed by the first segment
  ASSERT_TRUE(a.Open("p", 1, 1));
  ASSERT_TRUE(b.Open("p", 1, 1));
  std::string pid = std::to_string(getpid());
  EXPECT_EQ(a.prefix().rfind("islet-" + pid, 0), 0u) << a.prefix();
  EXPECT_EQ(b.prefix().rfind("islet-" + pid + ".", 0), 0u) << b.prefix();
  EXPECT_NE(a.prefix(), b.prefix());
}

TEST(SegmentRegistryTest, APrefixIsOwnedThroughALockFile) {
  SegmentRegistryOptions options = TestOptions();
  std::string lock = "/dev/shm/" + options.base + "-.lock";
  {
    SegmentRegistry first(options);
    EXPECT_FALSE(Exists(lock));  // nothing until the first segment
    ASSERT_TRUE(first.Open("same", 16, 1));
    EXPECT_EQ(first.prefix(), options.base + "-");
    EXPECT_TRUE(Exists(lock));
    SegmentRegistry second(options);          // the lock is held: the next prefix
    ASSERT_TRUE(second.Open("same", 16, 1));  // no clash
    EXPECT_EQ(second.prefix(), options.base + ".1-");
    EXPECT_NE(first.Get("same")->path, second.Get("same")->path);
  }
  EXPECT_FALSE(Exists(lock));
  SegmentRegistry third(options);  // free again
  ASSERT_TRUE(third.Open("same", 16, 1));
  EXPECT_EQ(third.prefix(), options.base + "-");
}

TEST(SegmentRegistryTest, OpeningAgainSharesTheMemory) {
  SegmentRegistry registry(TestOptions());
  auto first = registry.Open("shared", 64, 1);
  auto second = registry.Open("shared", 64, 2);
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(second->created);
  EXPECT_EQ(first->segment->data(), second->segment->data());
  EXPECT_EQ(second->segment->creator(), 1u);  // the creator, not the opener
}

TEST(SegmentRegistryTest, SizeMismatchNamesBothSizes) {
  SegmentRegistry registry(TestOptions());
  ASSERT_TRUE(registry.Open("buf", 4096, 1));
  auto r = registry.Open("buf", 8192, 2);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(r.error().message,
            "shared segment 'buf' exists with 4096 bytes; 8192 bytes were requested");
}

TEST(SegmentRegistryTest, RejectsZeroSizeAndBadNames) {
  SegmentRegistry registry(TestOptions());
  auto zero = registry.Open("z", 0, 1);
  ASSERT_FALSE(zero);
  EXPECT_EQ(zero.error().code, ErrorCode::kInvalidArgument);
  auto bad = registry.Open("../etc", 16, 1);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(registry.List().empty());
}

TEST(SegmentRegistryTest, AnotherMappingOfThePathSeesTheSameBytes) {
  SegmentRegistry registry(TestOptions());
  auto opened = registry.Open("peer", 4096, 1);
  ASSERT_TRUE(opened);
  int fd = open(opened->segment->path().c_str(), O_RDWR | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  void* peer = mmap(nullptr, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  close(fd);
  ASSERT_NE(peer, MAP_FAILED);
  auto* ours = static_cast<std::atomic<int32_t>*>(opened->segment->data());
  auto* theirs = static_cast<std::atomic<int32_t>*>(peer);
  ours[0].store(42);
  EXPECT_EQ(theirs[0].load(), 42);
  theirs[1].store(-7);
  EXPECT_EQ(ours[1].load(), -7);
  munmap(peer, 4096);
}

TEST(SegmentRegistryTest, ListDescribesSegmentsSortedByName) {
  SegmentRegistry registry(TestOptions());
  ASSERT_TRUE(registry.Open("b", 16, 3));
  ASSERT_TRUE(registry.Open("a", 32, 0));
  auto list = registry.List();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].name, "a");
  EXPECT_EQ(list[0].size, 32u);
  EXPECT_EQ(list[0].creator, 0u);
  EXPECT_EQ(list[1].name, "b");
  EXPECT_EQ(list[1].creator, 3u);
  EXPECT_EQ(list[1].path, "/dev/shm/" + registry.prefix() + "b");
  int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  EXPECT_LE(list[1].created_unix_ms, now);
  EXPECT_GT(list[1].created_unix_ms, now - 60000);
  auto b = registry.Get("b");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->size, 16u);
  EXPECT_EQ(registry.Get("c").error().code, ErrorCode::kNotFound);
}

TEST(SegmentRegistryTest, CountsAttachedWorkersUntilTheyExit) {
  SegmentRegistry registry(TestOptions());
  auto opened = registry.Open("s", 64, 1);
  ASSERT_TRUE(opened);
  Segment& segment = *opened->segment;
  segment.Attach(1);
  segment.Attach(1);  // a worker counts once
  segment.Attach(2);
  EXPECT_EQ(registry.Get("s")->attached_workers, 2u);
  registry.ReleaseWorker(1);  // exited
  EXPECT_EQ(segment.attached_workers(), 1u);
  registry.ReleaseWorker(1);
  registry.ReleaseWorker(7);  // never attached
  EXPECT_EQ(segment.attached_workers(), 1u);
  segment.Detach(2);
  EXPECT_EQ(segment.attached_workers(), 0u);
}

TEST(SegmentRegistryTest, SharedHandleIsKeptWhileSomeoneHoldsIt) {
  SegmentRegistry registry(TestOptions());
  auto opened = registry.Open("h", 64, 1);
  ASSERT_TRUE(opened);
  Segment& segment = *opened->segment;
  int made = 0;
  auto make = [&] {
    ++made;
    return std::make_shared<int>(made);
  };
  std::shared_ptr<void> first = segment.SharedHandle(make);
  std::shared_ptr<void> second = segment.SharedHandle(make);
  EXPECT_EQ(first, second);
  EXPECT_EQ(made, 1);
  first.reset();
  second.reset();  // expired: the next call makes a new one
  std::shared_ptr<void> third = segment.SharedHandle(make);
  EXPECT_EQ(made, 2);
  EXPECT_EQ(*static_cast<int*>(third.get()), 2);
}

TEST(SegmentRegistryTest, SharedHandleMayOwnItsSegment) {
  // As the V8 backing store does: the handle keeps the segment alive, the
  // segment holds the handle weakly, so dropping both frees both.
  SegmentRegistry registry(TestOptions());
  std::weak_ptr<Segment> weak;
  std::shared_ptr<void> handle;
  {
    auto opened = registry.Open("own", 64, 1);
    ASSERT_TRUE(opened);
    std::shared_ptr<Segment> segment = opened->segment;
    weak = segment;
    handle = segment->SharedHandle(
        [segment] { return std::make_shared<std::shared_ptr<Segment>>(segment); });
  }
  ASSERT_TRUE(registry.Delete("own"));
  EXPECT_FALSE(weak.expired());
  handle.reset();
  EXPECT_TRUE(weak.expired());
  EXPECT_EQ(registry.live_bytes(), 0u);
}

TEST(SegmentRegistryTest, DeleteUnlinksButHoldersKeepTheirMemory) {
  SegmentRegistry registry(TestOptions());
  auto opened = registry.Open("gone", 4096, 1);
  ASSERT_TRUE(opened);
  std::shared_ptr<Segment> held = opened->segment;
  static_cast<int32_t*>(held->data())[0] = 5;
  ASSERT_TRUE(registry.Delete("gone"));
  EXPECT_FALSE(Exists(held->path()));
  EXPECT_TRUE(registry.List().empty());
  EXPECT_EQ(static_cast<int32_t*>(held->data())[0], 5);  // still mapped
  static_cast<int32_t*>(held->data())[1] = 6;

  auto again = registry.Open("gone", 128, 2);  // a new segment, any size
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_TRUE(again->created);
  EXPECT_NE(again->segment->data(), held->data());
  EXPECT_EQ(static_cast<int32_t*>(again->segment->data())[0], 0);

  auto missing = registry.Delete("never");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().message, "no shared segment named 'never'");
}

TEST(SegmentRegistryTest, ReadsAndWritesWithBoundsChecks) {
  SegmentRegistry registry(TestOptions());
  ASSERT_TRUE(registry.Open("rw", 16, 1));
  ASSERT_TRUE(registry.Write("rw", 3, "abcde"));
  auto all = registry.Read("rw", 0, 0);  // 0 = to the end
  ASSERT_TRUE(all);
  EXPECT_EQ(*all, std::string("\0\0\0abcde\0\0\0\0\0\0\0\0", 16));
  EXPECT_EQ(*registry.Read("rw", 4, 3), "bcd");
  EXPECT_EQ(*registry.Read("rw", 16, 0), "");  // the empty tail

  auto past = registry.Read("rw", 10, 7);
  ASSERT_FALSE(past);
  EXPECT_EQ(past.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(past.error().message, "range [10, 10+7) is outside segment 'rw' of 16 bytes");
  EXPECT_FALSE(registry.Read("rw", 17, 0));
  EXPECT_FALSE(registry.Read("rw", UINT64_MAX, 2));  // no overflow
  EXPECT_FALSE(registry.Write("rw", 14, "abc"));
  EXPECT_FALSE(registry.Write("rw", UINT64_MAX - 1, "abc"));
  EXPECT_TRUE(registry.Write("rw", 16, ""));
  EXPECT_EQ(registry.Read("nope", 0, 0).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(registry.Write("nope", 0, "x").error().code, ErrorCode::kNotFound);
}

TEST(SegmentRegistryTest, ReadsAreCappedPerCall) {
  SegmentRegistry registry(TestOptions(64u << 20));
  ASSERT_TRUE(registry.Open("big", SegmentRegistry::kMaxReadBytes + 4096, 1));
  auto whole = registry.Read("big", 0, 0);
  ASSERT_FALSE(whole);
  EXPECT_NE(whole.error().message.find("the limit is 8388608 bytes"), std::string::npos);
  EXPECT_TRUE(registry.Read("big", 4096, 0));
}

TEST(SegmentRegistryTest, SegmentCountQuota) {
  SegmentRegistry registry(TestOptions(1u << 20, 2));
  ASSERT_TRUE(registry.Open("one", 16, 1));
  ASSERT_TRUE(registry.Open("two", 16, 1));
  auto third = registry.Open("three", 16, 1);
  ASSERT_FALSE(third);
  EXPECT_EQ(third.error().code, ErrorCode::kResourceExhausted);
  EXPECT_EQ(third.error().message,
            "cannot create shared segment 'three': 2 segments exist and the limit is 2 "
            "(isletd --shm-max-segments); delete one first");
  EXPECT_TRUE(registry.Open("two", 16, 1));  // opening an existing one is fine
  ASSERT_TRUE(registry.Delete("one"));
  EXPECT_TRUE(registry.Open("three", 16, 1));
}

TEST(SegmentRegistryTest, ByteQuotaCountsDeletedSegmentsStillHeld) {
  SegmentRegistry registry(TestOptions(8192, 16));
  auto a = registry.Open("a", 4096, 1);
  ASSERT_TRUE(a);
  ASSERT_TRUE(registry.Open("b", 4096, 1));
  EXPECT_EQ(registry.live_bytes(), 8192u);
  auto c = registry.Open("c", 1, 1);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().code, ErrorCode::kResourceExhausted);
  EXPECT_EQ(c.error().message,
            "cannot create shared segment 'c' of 1 bytes: 8192 of 8192 shared bytes are in use "
            "(isletd --shm-max-bytes)");
  auto huge = registry.Open("huge", UINT64_MAX, 1);
  ASSERT_FALSE(huge);
  EXPECT_EQ(huge.error().code, ErrorCode::kResourceExhausted);

  std::shared_ptr<Segment> held = std::move(a->segment);
  ASSERT_TRUE(registry.Delete("a"));
  EXPECT_FALSE(registry.Open("c", 4096, 1)) << "a's memory is still held";
  held.reset();
  EXPECT_EQ(registry.live_bytes(), 4096u);
  EXPECT_TRUE(registry.Open("c", 4096, 1));
}

TEST(SegmentRegistryTest, RemovesWhatADeadOwnerLeftUnderItsPrefix) {
  SegmentRegistryOptions options = TestOptions();
  std::string stale = "/dev/shm/" + options.base + "-stale";
  std::string other = "/dev/shm/" + options.base + ".1-other";  // not our prefix
  for (const std::string& path : {stale, other}) {
    int fd = open(path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(write(fd, "junk", 4), 4);
    close(fd);
  }
  SegmentRegistry registry(options);
  auto opened = registry.Open("stale", 4096, 1);  // claims the prefix: its lock was free
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_TRUE(Exists(other));
  unlink(other.c_str());
  EXPECT_EQ(static_cast<const char*>(opened->segment->data())[0], 0);
}

TEST(SegmentRegistryTest, UnavailableWithoutAPrefix) {
  SegmentRegistryOptions options = TestOptions();
  options.base = "no-such-dir/islet";  // /dev/shm/no-such-dir does not exist
  SegmentRegistry registry(options);
  auto r = registry.Open("x", 16, 1);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(r.error().message,
            "cannot create shared segment 'x': cannot open /dev/shm/no-such-dir/islet-.lock: "
            "No such file or directory");
  EXPECT_TRUE(registry.List().empty());
  EXPECT_FALSE(registry.Open("x", 16, 1));  // tried again, failing again
}

TEST(SegmentRegistryTest, DestructionUnlinksEveryName) {
  std::string path;
  std::string lock;
  std::shared_ptr<Segment> held;
  {
    SegmentRegistry registry(TestOptions());
    auto opened = registry.Open("temp", 64, 1);
    ASSERT_TRUE(opened);
    lock = "/dev/shm/" + registry.prefix() + ".lock";
    EXPECT_TRUE(Exists(lock));
    held = opened->segment;
    path = held->path();
    EXPECT_TRUE(Exists(path));
  }
  EXPECT_FALSE(Exists(path));
  EXPECT_FALSE(Exists(lock));
  static_cast<int32_t*>(held->data())[0] = 1;  // still mapped
}

// For TSan: everything at once from several threads.
TEST(SegmentRegistryTest, ConcurrentUse) {
  SegmentRegistry registry(TestOptions(1u << 20, 64));
  constexpr int kThreads = 6;
  constexpr int kRounds = 200;
  auto counter = registry.Open("counter", 64, 0);
  ASSERT_TRUE(counter);
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      std::string own = "t" + std::to_string(t);
      for (int i = 0; i < kRounds; ++i) {
        auto opened = registry.Open(i % 2 ? "common" : own, 256, static_cast<uint64_t>(t + 1));
        if (opened) {
          opened->segment->Attach(static_cast<uint64_t>(t + 1));
          auto handle = opened->segment->SharedHandle([] { return std::make_shared<int>(1); });
          (void)registry.Write(opened->segment->name(), 0, "abcd");
          (void)registry.Read(opened->segment->name(), 0, 0);
        }
        if (i % 3 == 0) (void)registry.Delete(i % 2 ? "common" : own);
        (void)registry.List();
        registry.ReleaseWorker(static_cast<uint64_t>(t + 1));
        __atomic_fetch_add(static_cast<int32_t*>(counter->segment->data()), 1, __ATOMIC_SEQ_CST);
        (void)registry.Read("counter", 0, 4);
      }
    });
  }
  for (auto& t : threads) t.join();
  std::string bytes = *registry.Read("counter", 0, 4);
  int32_t total;
  std::memcpy(&total, bytes.data(), 4);
  EXPECT_EQ(total, kThreads * kRounds);
}

}  // namespace
}  // namespace islet::runtime

#include "runtime/bus/bus.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "runtime/bus/broadcast_hub.h"

namespace islet::runtime {
namespace {

class RecordingOwner : public PortOwner {
 public:
  void OnPortReady(PortId port) override {
    std::lock_guard lock(mu);
    ready.push_back(port);
  }
  std::vector<PortId> TakeReady() {
    std::lock_guard lock(mu);
    return std::exchange(ready, {});
  }
  std::mutex mu;
  std::vector<PortId> ready;
};

// An owner that pays for its posts, as a worker does.
class AccountedOwner : public RecordingOwner {
 public:
  explicit AccountedOwner(std::shared_ptr<ExternalBudget> budget = nullptr)
      : account(std::make_shared<QueueAccount>(std::move(budget))) {}
  std::shared_ptr<QueueAccount> queue_account() const override { return account; }
  std::shared_ptr<QueueAccount> account;
};

Message Bytes(size_t n) {
  Message m;
  std::vector<uint8_t> data(n, 7);
  m.bytes.assign(data.data(), n);
  return m;
}

Message Text(uint8_t b) {
  Message m;
  m.bytes = {b};
  return m;
}

TEST(BusTest, EntangledPairDeliversBothWaysInOrder) {
  Bus bus;
  auto owner = std::make_shared<RecordingOwner>();
  auto [a, b] = bus.CreateChannel(owner);
  EXPECT_EQ(bus.Post(a, Text(1)), Bus::PostResult::kDelivered);
  EXPECT_EQ(bus.Post(a, Text(2)), Bus::PostResult::kDelivered);
  EXPECT_EQ(bus.Post(b, Text(9)), Bus::PostResult::kDelivered);
  EXPECT_EQ(owner->TakeReady(), (std::vector<PortId>{b, a}));  // one notice per port
  auto at_b = bus.Take(b, 10);
  ASSERT_EQ(at_b.size(), 2u);
  EXPECT_EQ(at_b[0].bytes[0], 1);
  EXPECT_EQ(at_b[1].bytes[0], 2);
  auto at_a = bus.Take(a, 10);
  ASSERT_EQ(at_a.size(), 1u);
  EXPECT_EQ(at_a[0].bytes[0], 9);
  // Drained: the next post notifies again.
  bus.Post(a, Text(3));
  EXPECT_EQ(owner->TakeReady(), (std::vector<PortId>{b}));
}

TEST(BusTest, TransferMovesQueuedMessagesWithThePort) {
  Bus bus;
  auto alice = std::make_shared<RecordingOwner>();
  auto bob = std::make_shared<RecordingOwner>();
  auto [a, b] = bus.CreateChannel(alice);
  bus.Post(a, Text(1));
  bus.Post(a, Text(2));
  alice->TakeReady();
  ASSERT_TRUE(bus.Detach(b));
  bus.Post(a, Text(3));  // arrives while b is in flight
  EXPECT_TRUE(alice->TakeReady().empty());
  EXPECT_TRUE(bob->TakeReady().empty());
  ASSERT_TRUE(bus.Adopt(b, bob));
  EXPECT_EQ(bob->TakeReady(), (std::vector<PortId>{b}));
  auto got = bus.Take(b, 10);
  ASSERT_EQ(got.size(), 3u);
  for (uint8_t i = 0; i < 3; ++i) EXPECT_EQ(got[i].bytes[0], i + 1);
  EXPECT_FALSE(bus.Detach(b) && bus.Detach(b));  // twice in flight is refused
}

// What an owner took but did not deliver (the port stopped or left part
// way through a batch) goes back in front, in order; a close marker comes
// alone in a Take, so the endpoint still exists to take them back.
TEST(BusTest, UnreadPutsMessagesBackInFrontAndTheCloseMarkerComesAlone) {
  Bus bus;
  auto owner = std::make_shared<RecordingOwner>();
  auto [a, b] = bus.CreateChannel(owner);
  for (uint8_t i = 1; i <= 4; ++i) bus.Post(a, Text(i));
  bus.Close(a);
  owner->TakeReady();
  bool more = false;
  auto batch = bus.Take(b, 10, &more);
  ASSERT_EQ(batch.size(), 4u);  // not the close marker
  EXPECT_TRUE(more);
  batch.erase(batch.begin());  // 1 delivered; 2..4 handed back
  bus.Unread(b, std::move(batch));
  EXPECT_TRUE(owner->TakeReady().empty());  // its notice was still outstanding
  EXPECT_EQ(bus.Pending(b), 4u);            // 2, 3, 4 and the close marker
  auto again = bus.Take(b, 10);
  ASSERT_EQ(again.size(), 3u);
  for (uint8_t i = 0; i < 3; ++i) EXPECT_EQ(again[i].bytes[0], i + 2);
  auto last = bus.Take(b, 10);
  ASSERT_EQ(last.size(), 1u);
  EXPECT_TRUE(last[0].close_marker);
  EXPECT_EQ(bus.Pending(b), 0u);  // the endpoint is gone
  bus.Unread(b, {});              // and unknown ports are fine
}

TEST(BusTest, OnlyCloseMarkerOnceNothingIsQueuedBeforeIt) {
  Bus bus;
  auto owner = std::make_shared<RecordingOwner>();
  auto [a, b] = bus.CreateChannel(owner);
  EXPECT_FALSE(bus.OnlyCloseMarker(b));  // open
  bus.Post(a, Text(1));
  bus.Close(a);
  EXPECT_FALSE(bus.OnlyCloseMarker(b));  // a message comes first
  auto batch = bus.Take(b, 10);
  ASSERT_EQ(batch.size(), 1u);
  EXPECT_TRUE(bus.OnlyCloseMarker(b));
  auto last = bus.Take(b, 10);
  ASSERT_EQ(last.size(), 1u);
  EXPECT_TRUE(last[0].close_marker);
  EXPECT_FALSE(bus.OnlyCloseMarker(b));  // gone
}

TEST(BusTest, OwnershipIsCheckedAgainstTheCaller) {
  Bus bus;
  auto alice = std::make_shared<RecordingOwner>();
  auto mallory = std::make_shared<RecordingOwner>();
  auto [a, b] = bus.CreateChannel(alice);
  EXPECT_EQ(bus.OwnershipOf(a, alice.get()), Bus::Ownership::kOwned);
  EXPECT_EQ(bus.OwnershipOf(a, mallory.get()), Bus::Ownership::kForeign);
  EXPECT_EQ(bus.OwnershipOf(9999, alice.get()), Bus::Ownership::kUnknown);
  // Posting from a port one does not own is refused, and queues nothing.
  EXPECT_EQ(bus.Post(a, Text(1), mallory.get()), Bus::PostResult::kNotOwner);
  EXPECT_EQ(bus.Pending(b), 0u);
  EXPECT_EQ(bus.Post(a, Text(2), alice.get()), Bus::PostResult::kDelivered);
  // In transit, a port is no one's; its new owner has it after Adopt.
  ASSERT_TRUE(bus.Detach(b));
  EXPECT_EQ(bus.OwnershipOf(b, alice.get()), Bus::Ownership::kForeign);
  ASSERT_TRUE(bus.Adopt(b, mallory));
  EXPECT_EQ(bus.OwnershipOf(b, mallory.get()), Bus::Ownership::kOwned);
  EXPECT_EQ(bus.OwnershipOf(b, alice.get()), Bus::Ownership::kForeign);
}

// Handed back after the port was adopted elsewhere meanwhile: the new owner
// hears of them.
TEST(BusTest, UnreadAfterATransferNotifiesTheNewOwner) {
  Bus bus;
  auto alice = std::make_shared<RecordingOwner>();
  auto bob = std::make_shared<RecordingOwner>();
  auto [a, b] = bus.CreateChannel(alice);
  bus.Post(a, Text(1));
  bus.Post(a, Text(2));
  auto batch = bus.Take(b, 10);  // alice delivers 1, then gives b away
  ASSERT_TRUE(bus.Detach(b));
  ASSERT_TRUE(bus.Adopt(b, bob));  // nothing queued yet: no notice
  alice->TakeReady();
  EXPECT_TRUE(bob->TakeReady().empty());
  batch.erase(batch.begin());
  bus.Unread(b, std::move(batch));
  EXPECT_EQ(bob->TakeReady(), (std::vector<PortId>{b}));
  auto got = bus.Take(b, 10);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].bytes[0], 2);
}

TEST(BusTest, CloseFromEitherSideReachesBoth) {
  for (int side = 0; side < 2; ++side) {
    Bus bus;
    auto owner = std::make_shared<RecordingOwner>();
    auto [a, b] = bus.CreateChannel(owner);
    bus.Post(a, Text(1));
    bus.Close(side == 0 ? a : b);
    EXPECT_EQ(bus.Post(a, Text(2)), Bus::PostResult::kPeerClosed);
    auto at_b = bus.Take(b, 10);
    ASSERT_EQ(at_b.size(), 1u);  // the queued message; the close marker comes alone
    EXPECT_FALSE(at_b[0].close_marker);
    at_b = bus.Take(b, 10);
    ASSERT_EQ(at_b.size(), 1u);
    EXPECT_TRUE(at_b[0].close_marker);
    auto at_a = bus.Take(a, 10);
    ASSERT_EQ(at_a.size(), 1u);
    EXPECT_TRUE(at_a[0].close_marker);
    EXPECT_EQ(bus.open_ports(), 0u);  // drained closed endpoints are freed
  }
}

TEST(BusTest, OwnerThatGoesAwayClosesItsChannels) {
  Bus bus;
  auto survivor = std::make_shared<RecordingOwner>();
  auto leaving = std::make_shared<RecordingOwner>();
  auto [a, b] = bus.CreateChannel(survivor, leaving);
  bus.Post(a, Text(1));  // never read: dropped with its owner
  bus.CloseAllOwnedBy(leaving.get());
  auto got = bus.Take(a, 10);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(got[0].close_marker);
  EXPECT_EQ(bus.open_ports(), 0u);
}

TEST(BusTest, QueueLimitRefusesInsteadOfGrowing) {
  Bus bus;
  bus.set_queue_limit(2);
  auto owner = std::make_shared<RecordingOwner>();
  auto [a, b] = bus.CreateChannel(owner);
  EXPECT_EQ(bus.Post(a, Text(1)), Bus::PostResult::kDelivered);
  EXPECT_EQ(bus.Post(a, Text(2)), Bus::PostResult::kDelivered);
  EXPECT_EQ(bus.Post(a, Text(3)), Bus::PostResult::kQueueFull);
  EXPECT_EQ(bus.Pending(b), 2u);
}

Message Sized(size_t n) {
  Message m;
  std::vector<uint8_t> bytes(n, 7);
  m.bytes.assign(bytes.data(), n);
  return m;
}

// Issue 13: a count limit alone let one worker make the daemon hold ~10 GB
// of queued 10 KB messages. Bytes are bounded too, in every way a queue
// holds messages (packed, boxed with ports, put back by Unread).
TEST(BusTest, QueueBytesLimitRefusesInsteadOfGrowing) {
  Bus bus;
  bus.set_queue_bytes_limit(10000);
  auto owner = std::make_shared<RecordingOwner>();
  auto [a, b] = bus.CreateChannel(owner);
  // A message larger than the limit is taken by an empty port...
  EXPECT_EQ(bus.Post(a, Sized(20000)), Bus::PostResult::kDelivered);
  // ...and nothing more until it is read.
  EXPECT_EQ(bus.Post(a, Sized(1)), Bus::PostResult::kQueueBytesFull);
  ASSERT_EQ(bus.Take(b, 10).size(), 1u);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(bus.Post(a, Sized(2500)), Bus::PostResult::kDelivered);
  EXPECT_EQ(bus.Post(a, Sized(1)), Bus::PostResult::kQueueBytesFull);
  // Taken and put back: still held, still counted.
  std::vector<Message> taken = bus.Take(b, 2);
  ASSERT_EQ(taken.size(), 2u);
  EXPECT_EQ(bus.Post(a, Sized(5000)), Bus::PostResult::kDelivered);
  bus.Unread(b, std::move(taken));
  EXPECT_EQ(bus.Post(a, Sized(1)), Bus::PostResult::kQueueBytesFull);
  EXPECT_EQ(bus.Take(b, 100).size(), 5u);
  // A message that carries a port is stored boxed; its bytes count too.
  Message boxed = Sized(9000);
  auto [c, d] = bus.CreateChannel(owner);
  ASSERT_TRUE(bus.Detach(c));
  boxed.ports.push_back(c);
  EXPECT_EQ(bus.Post(a, std::move(boxed)), Bus::PostResult::kDelivered);
  EXPECT_EQ(bus.Post(a, Sized(2000)), Bus::PostResult::kQueueBytesFull);
  EXPECT_EQ(bus.Post(a, Sized(1000)), Bus::PostResult::kDelivered);
  EXPECT_EQ(bus.Take(b, 100).size(), 2u);
  EXPECT_EQ(bus.Post(a, Sized(10000)), Bus::PostResult::kDelivered);
  (void)d;
}

class LimitedOwner : public RecordingOwner {
 public:
  std::shared_ptr<const std::atomic<size_t>> queue_limit() const override { return limit; }
  std::shared_ptr<std::atomic<size_t>> limit = std::make_shared<std::atomic<size_t>>(0);
};

TEST(BusTest, AnOwnersQueueLimitAppliesToItsPortsUpToTheBusLimit) {
  Bus bus;
  bus.set_queue_limit(4);
  auto limited = std::make_shared<LimitedOwner>();
  auto other = std::make_shared<RecordingOwner>();
  limited->limit->store(2);
  // `b` is the limited owner's: posts into it stop at 2; `a`'s at the bus's 4.
  auto [a, b] = bus.CreateChannel(other, limited);
  EXPECT_EQ(bus.Post(a, Text(1)), Bus::PostResult::kDelivered);
  EXPECT_EQ(bus.Post(a, Text(2)), Bus::PostResult::kDelivered);
  EXPECT_EQ(bus.Post(a, Text(3)), Bus::PostResult::kQueueFull);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(bus.Post(b, Text(i)), Bus::PostResult::kDelivered);
  EXPECT_EQ(bus.Post(b, Text(5)), Bus::PostResult::kQueueFull);
  // Changed live, and never above the bus's limit.
  limited->limit->store(100);
  EXPECT_EQ(bus.Post(a, Text(3)), Bus::PostResult::kDelivered);
  EXPECT_EQ(bus.Post(a, Text(4)), Bus::PostResult::kDelivered);
  EXPECT_EQ(bus.Post(a, Text(5)), Bus::PostResult::kQueueFull);
  // A port adopted by the limited owner takes its limit.
  auto [c, d] = bus.CreateChannel(other);
  ASSERT_TRUE(bus.Detach(d));
  ASSERT_TRUE(bus.Adopt(d, limited));
  limited->limit->store(1);
  EXPECT_EQ(bus.Post(c, Text(1)), Bus::PostResult::kDelivered);
  EXPECT_EQ(bus.Post(c, Text(2)), Bus::PostResult::kQueueFull);
}

TEST(BusTest, TheSenderPaysForWhatItQueuedOnEveryPortUntilItIsRead) {
  Bus bus;
  bus.set_sender_bytes_limit(1000);
  auto sender = std::make_shared<AccountedOwner>();
  auto receiver = std::make_shared<AccountedOwner>();
  // Ten channels, each far below any per-port bound: together they reach
  // the sender's.
  std::vector<std::pair<PortId, PortId>> channels;
  for (int i = 0; i < 10; ++i) channels.push_back(bus.CreateChannel(sender, receiver));
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(bus.Post(channels[i].first, Bytes(300), sender.get()), Bus::PostResult::kDelivered);
  }
  EXPECT_EQ(sender->account->bytes(), 900u);
  EXPECT_EQ(receiver->account->bytes(), 0u);  // the receiver pays nothing
  EXPECT_EQ(bus.Post(channels[3].first, Bytes(300), sender.get()),
            Bus::PostResult::kSenderBytesFull);
  EXPECT_EQ(bus.Pending(channels[3].second), 0u);  // refused whole
  EXPECT_EQ(bus.Post(channels[3].first, Bytes(100), sender.get()), Bus::PostResult::kDelivered);
  // Reading gives the bytes back to the sender's account.
  EXPECT_EQ(bus.Take(channels[0].second, 10).size(), 1u);
  EXPECT_EQ(sender->account->bytes(), 700u);
  EXPECT_EQ(bus.Post(channels[4].first, Bytes(300), sender.get()), Bus::PostResult::kDelivered);
  EXPECT_EQ(sender->account->peak(), 1000u);
  // The receiver's side going away (its worker ended) drops what it held
  // unread, and the sender's account with it.
  bus.CloseAllOwnedBy(receiver.get());
  EXPECT_EQ(sender->account->bytes(), 0u);
}

TEST(BusTest, AnEmptyAccountMayAlwaysPostOneMessage) {
  Bus bus;
  bus.set_sender_bytes_limit(100);
  auto sender = std::make_shared<AccountedOwner>();
  auto receiver = std::make_shared<RecordingOwner>();
  auto [a, b] = bus.CreateChannel(sender, receiver);
  EXPECT_EQ(bus.Post(a, Bytes(5000)), Bus::PostResult::kDelivered);
  EXPECT_EQ(bus.Post(a, Bytes(1)), Bus::PostResult::kSenderBytesFull);
  bus.Take(b, 1);
  EXPECT_EQ(sender->account->bytes(), 0u);
  EXPECT_EQ(bus.Post(a, Bytes(1)), Bus::PostResult::kDelivered);
}

TEST(BusTest, ChargesFollowTheSenderAcrossATransferAndPartialTakes) {
  Bus bus;
  auto alice = std::make_shared<AccountedOwner>();
  auto bob = std::make_shared<AccountedOwner>();
  auto reader = std::make_shared<RecordingOwner>();
  auto [a, b] = bus.CreateChannel(alice, reader);
  for (int i = 0; i < 3; ++i) bus.Post(a, Bytes(100));
  // The sending side moves to bob: what alice queued stays hers.
  ASSERT_TRUE(bus.Detach(a));
  ASSERT_TRUE(bus.Adopt(a, bob));
  for (int i = 0; i < 2; ++i) bus.Post(a, Bytes(50));
  EXPECT_EQ(alice->account->bytes(), 300u);
  EXPECT_EQ(bob->account->bytes(), 100u);
  // Taken in pieces, oldest first: alice's are released before bob's.
  EXPECT_EQ(bus.Take(b, 2).size(), 2u);
  EXPECT_EQ(alice->account->bytes(), 100u);
  EXPECT_EQ(bob->account->bytes(), 100u);
  // Taken, put back (the reader stopped the port part way through a batch),
  // taken again: released once, not twice.
  auto batch = bus.Take(b, 2);
  ASSERT_EQ(batch.size(), 2u);
  EXPECT_EQ(alice->account->bytes(), 0u);
  EXPECT_EQ(bob->account->bytes(), 50u);
  bus.Unread(b, std::move(batch));
  EXPECT_EQ(bus.Take(b, 10).size(), 3u);
  EXPECT_EQ(alice->account->bytes(), 0u);
  EXPECT_EQ(bob->account->bytes(), 0u);
}

TEST(BusTest, TheDaemonsBudgetBoundsAllSendersTogether) {
  Bus bus;
  auto budget = std::make_shared<ExternalBudget>(3 * QueueAccount::kReserveStep);
  auto reader = std::make_shared<RecordingOwner>();
  auto one = std::make_shared<AccountedOwner>(budget);
  auto two = std::make_shared<AccountedOwner>(budget);
  auto [a, b] = bus.CreateChannel(one, reader);
  auto [c, d] = bus.CreateChannel(two, reader);
  // Small posts reserve one step of the budget, not a charge each.
  EXPECT_EQ(bus.Post(a, Bytes(10)), Bus::PostResult::kDelivered);
  EXPECT_EQ(budget->used(), QueueAccount::kReserveStep);
  EXPECT_EQ(bus.Post(a, Bytes(QueueAccount::kReserveStep)), Bus::PostResult::kDelivered);
  EXPECT_EQ(budget->used(), 2 * QueueAccount::kReserveStep);
  EXPECT_EQ(bus.Post(c, Bytes(QueueAccount::kReserveStep)), Bus::PostResult::kDelivered);
  EXPECT_EQ(budget->used(), 3 * QueueAccount::kReserveStep);
  EXPECT_EQ(bus.Post(c, Bytes(QueueAccount::kReserveStep)), Bus::PostResult::kBudgetFull);
  // Read, the reservations come back (one step kept in hand per sender).
  bus.Take(b, 10);
  bus.Take(d, 10);
  EXPECT_LE(budget->used(), 2 * QueueAccount::kReserveStep);
  EXPECT_EQ(bus.Post(c, Bytes(QueueAccount::kReserveStep)), Bus::PostResult::kDelivered);
  bus.Take(d, 10);
  // And all of it once the senders are gone.
  bus.CloseAllOwnedBy(one.get());
  bus.CloseAllOwnedBy(two.get());
  one.reset();
  two.reset();
  EXPECT_EQ(budget->used(), 0u);
}

TEST(BusTest, BroadcastCopiesAreChargedToTheMemberThatPosted) {
  Bus bus;
  bus.set_sender_bytes_limit(1000);
  auto hub = std::make_shared<BroadcastHub>(&bus);
  auto poster = std::make_shared<AccountedOwner>();
  auto listener = std::make_shared<AccountedOwner>();
  PortId from = hub->Join(poster);
  std::vector<PortId> members;
  for (int i = 0; i < 5; ++i) members.push_back(hub->Join(listener));
  // Five copies of 150 bytes: 750 charged to the poster, not to the hub.
  EXPECT_EQ(bus.Post(from, Bytes(150), poster.get()), Bus::PostResult::kDelivered);
  EXPECT_EQ(poster->account->bytes(), 750u);
  // The next post fits its own charge, but only one more copy fits the
  // poster's limit; the other members do not get it.
  EXPECT_EQ(bus.Post(from, Bytes(150), poster.get()), Bus::PostResult::kDelivered);
  EXPECT_EQ(poster->account->bytes(), 900u);
  size_t delivered = 0;
  for (PortId m : members) delivered += bus.Take(m, 10).size();
  EXPECT_EQ(delivered, 6u);
  EXPECT_EQ(poster->account->bytes(), 0u);
}

TEST(BusTest, ConcurrentPostersKeepPerSenderOrder) {
  Bus bus;
  auto owner = std::make_shared<RecordingOwner>();
  constexpr int kSenders = 8, kEach = 5000;
  std::vector<std::pair<PortId, PortId>> channels;
  for (int i = 0; i < kSenders; ++i) channels.push_back(bus.CreateChannel(owner));
  std::atomic<bool> done{false};
  std::vector<std::thread> senders;
  for (int s = 0; s < kSenders; ++s) {
    senders.emplace_back([&, s] {
      for (int i = 0; i < kEach; ++i) {
        Message m;
        m.bytes = {uint8_t(i & 0xff), uint8_t(i >> 8)};
        ASSERT_EQ(bus.Post(channels[s].first, std::move(m)), Bus::PostResult::kDelivered);
      }
    });
  }
  std::vector<int> next(kSenders, 0);
  int total = 0;
  while (total < kSenders * kEach) {
    for (int s = 0; s < kSenders; ++s) {
      for (auto& m : bus.Take(channels[s].second, 100)) {
        int v = m.bytes[0] | (m.bytes[1] << 8);
        ASSERT_EQ(v, next[s]);
        ++next[s];
        ++total;
      }
    }
  }
  for (auto& t : senders) t.join();
  done = true;
}

}  // namespace
}  // namespace islet::runtime

#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "runtime/base/mutex.h"
#include "runtime/bus/message.h"
#include "runtime/bus/message_ring.h"
#include "runtime/bus/queue_account.h"

namespace islet::runtime {

// Whoever holds a port's receiving side (a worker, the broadcast hub, the
// control plane). Called from any thread; the bus never holds its lock while
// notifying, so an owner may call back into the Bus.
class PortOwner {
 public:
  virtual ~PortOwner() = default;
  // `port` has messages (or a close) waiting; fired once per empty->ready
  // transition, re-armed when the owner drains the port.
  virtual void OnPortReady(PortId port) = 0;
  // Messages one of this owner's ports may hold unread (0 = the bus's own
  // limit; never above it), read at every post. Null: the bus's limit.
  virtual std::shared_ptr<const std::atomic<size_t>> queue_limit() const { return nullptr; }
  // The account charged for what this owner posts from its ports (see
  // QueueAccount). Null: its posts are bounded per port only.
  virtual std::shared_ptr<QueueAccount> queue_account() const { return nullptr; }
};

// The port registry: entangled pairs of endpoints with daemon-unique ids, a
// FIFO queue per endpoint, ownership that moves when a port is transferred
// (queued messages follow it), and close that propagates to the peer.
// Thread-safe. Like Node's MessagePortData, endpoints live here, not in an
// isolate, so any thread may post.
class Bus {
 public:
  Bus() = default;
  ~Bus();
  Bus(const Bus&) = delete;
  Bus& operator=(const Bus&) = delete;

  // A new entangled pair, both sides owned by `owner`.
  std::pair<PortId, PortId> CreateChannel(std::weak_ptr<PortOwner> owner);
  // As CreateChannel, with each side owned by its own owner.
  std::pair<PortId, PortId> CreateChannel(std::weak_ptr<PortOwner> first,
                                          std::weak_ptr<PortOwner> second);

  // kQueueFull: the receiving port holds its limit of messages;
  // kQueueBytesFull: of serialized bytes; kSenderBytesFull: the sender's
  // account holds its limit of bytes queued unread across all ports;
  // kBudgetFull: the daemon's off-heap budget refused the charge.
  enum class PostResult {
    kDelivered,
    kPeerClosed,
    kNoSuchPort,
    kQueueFull,
    kQueueBytesFull,
    kSenderBytesFull,
    kBudgetFull,
    kNotOwner
  };
  // Queues `message` on the peer of `from`, charged to the account of
  // `from`'s owner (or to `charge_to`, if given). Ports named in
  // message.ports must have been Detach()ed by the sender. With `sender`,
  // `from` must be owned by it (kNotOwner otherwise): a worker posts only
  // from its ports.
  PostResult Post(PortId from, Message message, const PortOwner* sender = nullptr,
                  const std::shared_ptr<QueueAccount>& charge_to = nullptr);

  // The account charged for posts from `port`'s peer: whose messages arrive
  // on `port` (the broadcast hub charges its copies to the member that
  // posted). Null if unknown or unaccounted.
  std::shared_ptr<QueueAccount> PeerAccount(PortId port) const;

  // Whose `port` is, seen from `owner`: the binding's check that a worker
  // acts only on its own ports, whatever id its JS passes. A port in
  // transit (detached) belongs to no one.
  enum class Ownership { kOwned, kUnknown, kForeign };
  Ownership OwnershipOf(PortId port, const PortOwner* owner) const;

  // Takes up to `max` queued messages for `port` (its owner calls this). A
  // returned close marker means the channel closed: it comes alone, in a
  // Take of its own, and then the endpoint is gone.
  // `*more` (if given) is set when messages remain: the port's notification
  // is then still outstanding, so the bus sends no new OnPortReady and the
  // caller must come back for the rest itself. When it is false, the next
  // post notifies the owner again.
  std::vector<Message> Take(PortId port, size_t max, bool* more = nullptr);
  // Whether all that `port` holds is its close marker: the channel closed
  // with nothing left to deliver, so even a port that was never started
  // hears its 'close' (as in Node).
  bool OnlyCloseMarker(PortId port) const;
  // Puts messages taken but not delivered back at the front of `port`'s
  // queue, in order (the owner stopped the port, or gave it away, part way
  // through a batch). Unknown ports drop them.
  void Unread(PortId port, std::vector<Message> messages);
  // Messages waiting on `port` (0 if unknown).
  size_t Pending(PortId port) const;

  // Closes the channel `port` belongs to: both sides get a close marker
  // after what is already queued. Idempotent.
  void Close(PortId port);

  // Prepares `port` to travel inside a message: it keeps its queue but has
  // no owner until Adopt. False if unknown, closed or already detached.
  bool Detach(PortId port);
  // Gives a detached port its new owner; if messages wait, notifies it.
  bool Adopt(PortId port, std::weak_ptr<PortOwner> owner);

  // Forgets every port owned by `owner` that is still open, closing their
  // channels (an owner that exits).
  void CloseAllOwnedBy(const PortOwner* owner);

  void set_queue_limit(size_t limit);
  // Serialized bytes one port may hold unread. A message to an empty port
  // is always taken (a single large message is not refused), so the bound
  // is this plus one message.
  void set_queue_bytes_limit(size_t limit);
  // Serialized bytes one sender (an owner with a QueueAccount) may have
  // queued unread across all ports. An empty account may always post one
  // message, so the bound is this plus one message.
  void set_sender_bytes_limit(size_t limit);
  size_t open_ports() const;

 private:
  struct Endpoint {
    PortId peer = 0;
    std::weak_ptr<PortOwner> owner;
    const PortOwner* owner_raw = nullptr;  // identity only, for CloseAllOwnedBy
    MessageRing queue;
    bool closed = false;    // no more sends from this side; close marker queued
    bool notified = false;  // OnPortReady fired, not yet drained
    bool detached = false;
    std::shared_ptr<const std::atomic<size_t>> limit;  // the owner's, if it sets one
    std::shared_ptr<QueueAccount> account;             // the owner's: pays for its posts
    // Who pays for the bytes in `queue`, oldest first, as runs of messages
    // from one account (usually one run: a port has one peer). Runs before
    // `first_charge` are spent. Bytes put back by Unread are charged to no
    // one (they were released when taken): `unread_bytes` of them, read
    // first.
    struct Charge {
      std::shared_ptr<QueueAccount> account;
      size_t bytes;
    };
    std::vector<Charge> charges;
    size_t first_charge = 0;
    size_t unread_bytes = 0;
  };

  // Returns the owner to notify (outside the lock), if any.
  std::shared_ptr<PortOwner> EnqueueLocked(PortId id, Endpoint& ep, Message message) REQUIRES(mu_);
  void CloseLocked(PortId id, std::vector<std::pair<std::shared_ptr<PortOwner>, PortId>>* notify)
      REQUIRES(mu_);
  // Gives `ep` its owner, and with it the owner's queue limit and account.
  void SetOwner(Endpoint& ep, std::weak_ptr<PortOwner> owner) REQUIRES(mu_);
  // Records that `bytes` just queued on `ep` are `account`'s.
  void AddCharge(Endpoint& ep, const std::shared_ptr<QueueAccount>& account, size_t bytes)
      REQUIRES(mu_);
  // Releases the charges for `bytes` taken from the front of `ep`'s queue.
  void ReleaseTaken(Endpoint& ep, size_t bytes) REQUIRES(mu_);
  // Releases every charge on `ep` (its queue is being dropped).
  void ReleaseAll(Endpoint& ep) REQUIRES(mu_);
  // Erases `it`, releasing what its queue was charged.
  void EraseLocked(std::unordered_map<PortId, Endpoint>::iterator it) REQUIRES(mu_);

  mutable AdaptiveMutex mu_;
  std::unordered_map<PortId, Endpoint> endpoints_ GUARDED_BY(mu_);
  PortId next_id_ GUARDED_BY(mu_) = 1;
  size_t queue_limit_ GUARDED_BY(mu_) = SIZE_MAX;
  size_t queue_bytes_limit_ GUARDED_BY(mu_) = SIZE_MAX;
  size_t sender_bytes_limit_ GUARDED_BY(mu_) = SIZE_MAX;
};

}  // namespace islet::runtime

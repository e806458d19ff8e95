#include "runtime/engine/platform.h"

#include <deque>

#include "runtime/base/mutex.h"

namespace islet::runtime {

// Posts V8 tasks for one isolate into its actor's mailbox. Thread-safe.
class ActorTaskRunner final : public v8::TaskRunner,
                              public std::enable_shared_from_this<ActorTaskRunner> {
 public:
  explicit ActorTaskRunner(TimerService* timers) : timers_(timers) {}

  void Attach(std::weak_ptr<Actor> actor) {
    std::deque<std::unique_ptr<v8::Task>> early;
    {
      MutexLock lock(mu_);
      actor_ = std::move(actor);
      attached_ = true;
      early.swap(early_);
    }
    for (auto& task : early) PostTask(std::move(task));
  }

  std::deque<std::unique_ptr<v8::Task>> Detach() {
    MutexLock lock(mu_);
    detached_ = true;
    actor_.reset();
    return std::exchange(early_, {});
  }

  void PostTask(std::unique_ptr<v8::Task> task) override {
    std::shared_ptr<Actor> actor;
    {
      MutexLock lock(mu_);
      if (detached_) return;
      if (!attached_) {
        early_.push_back(std::move(task));
        return;
      }
      actor = actor_.lock();
    }
    if (!actor) return;
    // Platform tasks are never refused: V8 relies on them running.
    actor->PostUrgent([task = std::move(task)] { task->Run(); });
  }

  void PostNonNestableTask(std::unique_ptr<v8::Task> task) override {
    PostTask(std::move(task));  // actors never nest turns
  }

  void PostDelayedTask(std::unique_ptr<v8::Task> task, double delay_in_seconds) override {
    auto when =
        TimerService::Clock::now() + std::chrono::duration_cast<TimerService::Clock::duration>(
                                         std::chrono::duration<double>(delay_in_seconds));
    std::weak_ptr<ActorTaskRunner> self = weak_from_this();
    timers_->RunAt(when, [self, task = std::move(task)]() mutable {
      if (auto runner = self.lock()) runner->PostTask(std::move(task));
    });
  }

  void PostNonNestableDelayedTask(std::unique_ptr<v8::Task> task,
                                  double delay_in_seconds) override {
    PostDelayedTask(std::move(task), delay_in_seconds);
  }

  void PostIdleTask(std::unique_ptr<v8::IdleTask> task) override {}
  bool IdleTasksEnabled() override { return false; }
  bool NonNestableTasksEnabled() const override { return true; }
  bool NonNestableDelayedTasksEnabled() const override { return true; }

 private:
  TimerService* timers_;
  Mutex mu_;
  std::weak_ptr<Actor> actor_ GUARDED_BY(mu_);
  std::deque<std::unique_ptr<v8::Task>> early_ GUARDED_BY(mu_);
  bool attached_ GUARDED_BY(mu_) = false;
  bool detached_ GUARDED_BY(mu_) = false;
};

Platform::Platform(TimerService* timers)
    : inner_(v8::platform::NewDefaultPlatform(0, v8::platform::IdleTaskSupport::kDisabled)),
      timers_(timers) {}

Platform::~Platform() = default;

void Platform::AttachIsolate(v8::Isolate* isolate, std::weak_ptr<Actor> actor) {
  std::shared_ptr<ActorTaskRunner> runner;
  {
    MutexLock lock(mu_);
    auto& slot = runners_[isolate];
    if (!slot) slot = std::make_shared<ActorTaskRunner>(timers_);
    runner = slot;
  }
  runner->Attach(std::move(actor));
}

void Platform::DetachIsolate(v8::Isolate* isolate) {
  std::shared_ptr<ActorTaskRunner> runner;
  {
    MutexLock lock(mu_);
    auto it = runners_.find(isolate);
    if (it == runners_.end()) return;
    runner = std::move(it->second);
    runners_.erase(it);
  }
  runner->Detach();  // undelivered tasks die here, while the isolate lives
}

v8::PageAllocator* Platform::GetPageAllocator() { return inner_->GetPageAllocator(); }

int Platform::NumberOfWorkerThreads() { return inner_->NumberOfWorkerThreads(); }

std::shared_ptr<v8::TaskRunner> Platform::GetForegroundTaskRunner(v8::Isolate* isolate) {
  MutexLock lock(mu_);
  auto& slot = runners_[isolate];
  if (!slot) slot = std::make_shared<ActorTaskRunner>(timers_);
  return slot;
}

void Platform::CallOnWorkerThread(std::unique_ptr<v8::Task> task) {
  inner_->CallOnWorkerThread(std::move(task));
}

void Platform::CallDelayedOnWorkerThread(std::unique_ptr<v8::Task> task, double delay_in_seconds) {
  inner_->CallDelayedOnWorkerThread(std::move(task), delay_in_seconds);
}

std::unique_ptr<v8::JobHandle> Platform::PostJob(v8::TaskPriority priority,
                                                 std::unique_ptr<v8::JobTask> job_task) {
  return inner_->PostJob(priority, std::move(job_task));
}

double Platform::MonotonicallyIncreasingTime() { return inner_->MonotonicallyIncreasingTime(); }

double Platform::CurrentClockTimeMillis() { return inner_->CurrentClockTimeMillis(); }

v8::TracingController* Platform::GetTracingController() { return inner_->GetTracingController(); }

}  // namespace islet::runtime

#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "runtime/base/mutex.h"

namespace islet::runtime {

// A process.env: the job's root and workers spawned with SHARE_ENV share one;
// other workers get their own copy. Thread-safe.
class EnvStore {
 public:
  EnvStore() = default;
  explicit EnvStore(const std::vector<std::pair<std::string, std::string>>& values)
      : values_(values.begin(), values.end()) {}

  bool Get(const std::string& key, std::string* value) const {
    MutexLock lock(mu_);
    auto it = values_.find(key);
    if (it == values_.end()) return false;
    *value = it->second;
    return true;
  }
  void Set(const std::string& key, std::string value) {
    MutexLock lock(mu_);
    values_[key] = std::move(value);
  }
  bool Erase(const std::string& key) {
    MutexLock lock(mu_);
    return values_.erase(key) > 0;
  }
  std::vector<std::pair<std::string, std::string>> Snapshot() const {
    MutexLock lock(mu_);
    return {values_.begin(), values_.end()};
  }

 private:
  mutable Mutex mu_;
  std::map<std::string, std::string> values_ GUARDED_BY(mu_);
};

}  // namespace islet::runtime

#include "runtime/worker/native_modules.h"

#include <vector>

namespace islet::runtime {

std::span<const NativeModule* const> NativeModules() {
  static const NativeModule* const kAll[] = {
      &kBuiltinsModule, &kProcessModule, &kTaskQueueModule, &kBundleModule,
      &kUtilModule,     &kTypesModule,   &kMessagingModule, &kWorkerModule,
      &kShmModule,      &kOsModule,      &kModulesModule,
  };
  return kAll;
}

const intptr_t* ExternalReferences() {
  static const std::vector<intptr_t> kReferences = [] {
    std::vector<intptr_t> refs;
    for (const NativeModule* module : NativeModules()) {
      for (const binding_util::Function& f : module->functions) {
        refs.push_back(reinterpret_cast<intptr_t>(f.callback));
      }
    }
    refs.push_back(reinterpret_cast<intptr_t>(PortConstructor));
    for (const binding_util::EmbeddedSource* source : binding_util::EmbeddedSources()) {
      if (source != nullptr) refs.push_back(reinterpret_cast<intptr_t>(source));
    }
    refs.push_back(0);
    return refs;
  }();
  return kReferences.data();
}

}  // namespace islet::runtime

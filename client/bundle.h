#pragma once

#include <cstddef>
#include <expected>
#include <string>

#include "proto/islet/v1/control.pb.h"

namespace islet::client {

struct BundleLimits {
  size_t max_files = 1000;
  size_t max_bytes = 8u << 20;  // sum of file sizes
};

// Builds the bundle `islet run FILE` uploads: FILE plus every .js, .mjs, .cjs
// and .json file beside and below FILE's directory, skipping node_modules and
// directories whose name starts with '.'. root is FILE's absolute directory
// (symlinks resolved), main is FILE's name relative to it. Errors are
// user-facing and name the limit or the file at fault.
std::expected<v1::Bundle, std::string> CollectBundle(const std::string& main_file,
                                                     const BundleLimits& limits = {});

}  // namespace islet::client

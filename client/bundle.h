#pragma once

#include <cstddef>
#include <expected>
#include <string>

#include "proto/islet/v1/control.pb.h"

namespace islet::client {

// The client's own bounds on what it reads (the daemon has its own limits,
// --max-bundle-bytes and --max-bundle-files, and names them when refusing).
struct BundleLimits {
  size_t max_files = 200000;
  size_t max_bytes = size_t{4} << 30;  // sum of file sizes
};

struct BundleOptions {
  // The project root; empty: decided from FILE (ProjectRoot).
  std::string root;
  // The directory `islet` runs in; the worker's process.cwd() when it is
  // inside the root (else the root). Empty: the root.
  std::string cwd;
  BundleLimits limits;
  // Use the digests of files hashed before (DigestCache): a file whose
  // digest the cache has is not read; its File has the digest and no
  // content, and UploadBundle reads it if the daemon lacks it. Off: every
  // content is read.
  bool use_digest_cache = false;
};

// The project root for FILE, as a Node user expects it: the nearest
// directory at or above FILE's that has a package.json; if that package is
// one of a workspace (an ancestor has a package.json with "workspaces", or a
// pnpm-workspace.yaml), the workspace's root, so that hoisted and linked
// packages come along; without any package.json, FILE's directory.
// `dir` is canonical.
std::string ProjectRoot(const std::string& dir);

// Builds the bundle `islet run FILE` uploads: every regular file under the
// root (where no package.json decided the root, only .js/.mjs/.cjs/.json
// files, and links out of it are skipped: FILE may sit in /tmp or $HOME),
// node_modules included, with its SHA-256 digest (and its content,
// unless the digest cache knew the digest). Names that start
// with '.' (files and directories: .git, .env, node_modules/.bin, ...) are
// left out, except node_modules/.pnpm (pnpm keeps the packages there).
// Symbolic links are sent as links to the bundle name of their target
// (Node resolves them to real paths); a link whose target lies outside the
// root is an error naming it, a dangling one is left out. main is FILE's
// name relative to the root. Errors are user-facing and name the limit or
// the file at fault.
std::expected<v1::Bundle, std::string> CollectBundle(const std::string& main_file,
                                                     const BundleOptions& options = {});

// The whole content of the file at `path`, or a user-facing error.
std::expected<std::string, std::string> ReadWholeFile(const std::string& path);

}  // namespace islet::client

#include "client/shm_commands.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "client/client.h"
#include "client/commands.h"
#include "client/shm_format.h"

namespace islet::client {
namespace {

// What `islet shm dump` shows without --length.
constexpr uint64_t kDefaultDumpBytes = 4096;

int Report(const Error& error) {
  if (error.kind == ErrorKind::kNoDaemon) {
    std::fprintf(stderr, "islet: %s (start one with 'islet daemon start')\n",
                 error.message.c_str());
    return kExitNoDaemon;
  }
  std::fprintf(stderr, "islet: %s\n", error.message.c_str());
  return kExitError;
}

int Report(const std::string& message) {
  std::fprintf(stderr, "islet: %s\n", message.c_str());
  return kExitError;
}

int Usage(const std::string& message) {
  std::fprintf(stderr, "islet: %s\n", message.c_str());
  return kExitUsage;
}

void Print(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

Result<v1::Response> Call(const std::string& socket_path, v1::Request request) {
  auto client = Client::Connect(socket_path);
  if (!client) return std::unexpected(client.error());
  return client->Call(std::move(request));
}

Result<v1::ShmSegment> FindSegment(Client& client, const std::string& name) {
  v1::Request request;
  request.mutable_shm_list();
  auto response = client.Call(std::move(request));
  if (!response) return std::unexpected(response.error());
  for (const v1::ShmSegment& s : response->shm_list().segments()) {
    if (s.name() == name) return s;
  }
  return std::unexpected(
      Error{ErrorKind::kRemote, "no shared segment named '" + name + "'", v1::NOT_FOUND});
}

int Create(const std::string& socket_path, const ShmArgs& args) {
  auto size = ParseSize(args.size);
  if (!size) return Usage(size.error());
  v1::Request request;
  request.mutable_shm_create()->set_name(args.name);
  request.mutable_shm_create()->set_size(*size);
  auto response = Call(socket_path, std::move(request));
  if (!response) return Report(response.error());
  const v1::ShmSegment& s = response->shm_create().segment();
  Print(std::string(response->shm_create().created() ? "created " : "exists: ") + s.name() + " (" +
        std::to_string(s.size()) + " bytes) at " + s.path() + "\n");
  return kExitOk;
}

int List(const std::string& socket_path, const ShmArgs& args) {
  v1::Request request;
  request.mutable_shm_list();
  auto response = Call(socket_path, std::move(request));
  if (!response) return Report(response.error());
  std::vector<v1::ShmSegment> segments(response->shm_list().segments().begin(),
                                       response->shm_list().segments().end());
  Print(args.json ? ShmSegmentsToJson(segments) + "\n" : FormatShmTable(segments));
  return kExitOk;
}

int Remove(const std::string& socket_path, const ShmArgs& args) {
  v1::Request request;
  request.mutable_shm_delete()->set_name(args.name);
  auto response = Call(socket_path, std::move(request));
  if (!response) return Report(response.error());
  Print("deleted " + args.name + "\n");
  return kExitOk;
}

int Dump(const std::string& socket_path, const ShmArgs& args) {
  auto offset = ParseSize(args.offset.empty() ? "0" : args.offset);
  if (!offset) return Usage(offset.error());
  std::optional<uint64_t> length;
  if (!args.length.empty()) {
    auto parsed = ParseSize(args.length);
    if (!parsed) return Usage(parsed.error());
    length = *parsed;
  }
  auto client = Client::Connect(socket_path);
  if (!client) return Report(client.error());
  auto segment = FindSegment(*client, args.name);
  if (!segment) return Report(segment.error());
  uint64_t size = segment->size();
  if (*offset > size) {
    return Report("offset " + std::to_string(*offset) + " is past the end of segment '" +
                  args.name + "' (" + std::to_string(size) + " bytes)");
  }
  bool cut = !length && size - *offset > kDefaultDumpBytes;
  uint64_t count = length ? *length : std::min(size - *offset, kDefaultDumpBytes);
  if (count == 0) {
    Print(args.name + ": nothing to show at offset " + std::to_string(*offset) + " of " +
          std::to_string(size) + " bytes\n");
    return kExitOk;
  }
  v1::Request request;
  request.mutable_shm_read()->set_name(args.name);
  request.mutable_shm_read()->set_offset(*offset);
  request.mutable_shm_read()->set_length(count);
  auto response = client->Call(std::move(request));
  if (!response) return Report(response.error());
  const std::string& data = response->shm_read().data();
  std::string out = args.name + ": bytes " + std::to_string(*offset) + " to " +
                    std::to_string(*offset + data.size()) + " of " + std::to_string(size) +
                    (cut ? " (the first " + std::to_string(kDefaultDumpBytes) +
                               "; --offset and --length show more)"
                         : "") +
                    "\n" + FormatHexDump(data, *offset);
  std::string words = FormatInt32s(data, *offset);
  if (!words.empty()) out += "Int32Array index and values:\n" + words;
  Print(out);
  return kExitOk;
}

int Write(const std::string& socket_path, const ShmArgs& args) {
  auto offset = ParseSize(args.offset.empty() ? "0" : args.offset);
  if (!offset) return Usage(offset.error());
  if (args.hex.empty() == args.int32.empty()) {
    return Usage("give exactly one of --hex HEX and --int32 V1,V2,...");
  }
  auto bytes = args.hex.empty() ? ParseInt32List(args.int32) : ParseHexBytes(args.hex);
  if (!bytes) return Usage(bytes.error());
  v1::Request request;
  request.mutable_shm_write()->set_name(args.name);
  request.mutable_shm_write()->set_offset(*offset);
  request.mutable_shm_write()->set_data(*bytes);
  auto response = Call(socket_path, std::move(request));
  if (!response) return Report(response.error());
  Print("wrote " + std::to_string(bytes->size()) + " bytes to " + args.name + " at offset " +
        std::to_string(*offset) + "\n");
  return kExitOk;
}

}  // namespace

void AddShmCommands(CLI::App& app, ShmArgs* args) {
  args->shm = app.add_subcommand(
      "shm", "Named shared-memory segments: what require('islet').shared(name, size) opens");
  args->shm->require_subcommand(1);
  args->create = args->shm->add_subcommand(
      "create", "Create a zero-filled segment (or check an existing one has this size)");
  args->create
      ->add_option("NAME", args->name,
                   "1-64 characters from A-Z a-z 0-9 . _ -, not starting with .")
      ->required();
  args->create->add_option("SIZE", args->size, "Bytes; K, M, G suffixes are powers of 1024")
      ->required();
  args->ls = args->shm->add_subcommand("ls", "List segments");
  args->ls->add_flag("--json", args->json, "Print a JSON array");
  args->rm = args->shm->add_subcommand(
      "rm", "Delete a segment's name (workers holding it keep its memory until they drop it)");
  args->rm->add_option("NAME", args->name, "Segment name")->required();
  args->dump = args->shm->add_subcommand("dump", "Show a segment's bytes, in hex and as Int32s");
  args->dump->add_option("NAME", args->name, "Segment name")->required();
  args->dump->add_option("--offset", args->offset, "First byte (default 0)");
  args->dump->add_option("--length", args->length,
                         "Bytes to show (default: to the end, at most 4096)");
  args->write = args->shm->add_subcommand("write", "Write bytes into a segment");
  args->write->add_option("NAME", args->name, "Segment name")->required();
  args->write->add_option("--offset", args->offset, "First byte (default 0)");
  auto* hex = args->write->add_option("--hex", args->hex, "Bytes in hex, e.g. 2a000000");
  auto* int32 = args->write->add_option(
      "--int32", args->int32, "Comma-separated Int32 values, little-endian, e.g. 42,-1,0x10");
  hex->excludes(int32);
}

std::optional<int> RunShmCommand(const std::string& socket_path, const ShmArgs& args) {
  if (args.shm == nullptr || !*args.shm) return std::nullopt;
  if (*args.create) return Create(socket_path, args);
  if (*args.ls) return List(socket_path, args);
  if (*args.rm) return Remove(socket_path, args);
  if (*args.dump) return Dump(socket_path, args);
  if (*args.write) return Write(socket_path, args);
  return kExitUsage;
}

}  // namespace islet::client

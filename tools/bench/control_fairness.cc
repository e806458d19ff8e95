// One client floods the daemon with spawns while another runs tiny jobs:
// how long does the second wait? (issue 13, part 6). Prints the probe's
// median and p99, alone and during the flood, as JSON.
//   control_fairness SOCKET [FLOOD_SPAWNS=2000] [PROBES=40]
// tools/bench/fairness.sh starts a daemon for it. islet only: Node has no
// control plane to compare with.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "client/client.h"

namespace {

using islet::client::Client;
using Clock = std::chrono::steady_clock;

islet::v1::Request Spawn(const std::string& source, bool follow) {
  islet::v1::Request request;
  auto* spawn = request.mutable_spawn();
  spawn->mutable_bundle()->set_main("main.js");
  spawn->mutable_bundle()->set_root("/bench");
  auto* file = spawn->mutable_bundle()->add_files();
  file->set_name("main.js");
  file->set_content(source);
  spawn->set_follow(follow);
  return request;
}

// One tiny job: the spawn's reply (the control plane's part) and the end of
// its output (the job's run), in ms after the request (-1 on error).
struct Timing {
  double reply = -1, done = -1;
};
Timing Probe(Client& client) {
  auto start = Clock::now();
  auto since = [&] {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  };
  Timing t;
  auto id = client.Send(Spawn("console.log('ok');", true));
  if (!id) return t;
  for (;;) {
    auto response = client.Read(*id);
    if (!response) return t;
    if (response->has_spawn()) t.reply = since();
    if (response->end_of_stream()) break;
  }
  t.done = since();
  return t;
}

struct Stats {
  double median = 0, p99 = 0;
};
Stats Of(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  if (ms.empty()) return {};
  size_t p99 = std::min(ms.size() - 1, static_cast<size_t>(ms.size() * 0.99));
  return {ms[ms.size() / 2], ms[p99]};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: control_fairness SOCKET [FLOOD_SPAWNS] [PROBES]\n");
    return 64;
  }
  std::string socket = argv[1];
  int flood_n = argc > 2 ? std::atoi(argv[2]) : 2000;
  int probes = argc > 3 ? std::atoi(argv[3]) : 40;
  auto probe_client = Client::Connect(socket);
  auto flood_client = Client::Connect(socket);
  if (!probe_client || !flood_client) {
    std::fprintf(stderr, "cannot connect to %s\n", socket.c_str());
    return 1;
  }
  std::vector<double> alone, flooded, flooded_reply;
  for (int i = 0; i < probes; ++i) alone.push_back(Probe(*probe_client).done);

  // The flood: every spawn sent at once, pipelined on one connection
  // (workers that end at once), then the replies read.
  std::atomic<bool> done{false};
  std::thread flood([&] {
    std::vector<uint64_t> ids;
    for (int i = 0; i < flood_n; ++i) {
      auto id = flood_client->Send(Spawn("0", false));
      if (id) ids.push_back(*id);
    }
    for (uint64_t id : ids) (void)flood_client->Read(id);
    done = true;
  });
  // Probes while the flood is being served.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  auto flood_start = Clock::now();
  for (int i = 0; i < probes && !done; ++i) {
    Timing t = Probe(*probe_client);
    flooded.push_back(t.done);
    flooded_reply.push_back(t.reply);
  }
  flood.join();
  double flood_s = std::chrono::duration<double>(Clock::now() - flood_start).count();
  Stats a = Of(alone), f = Of(flooded), r = Of(flooded_reply);
  std::printf(
      "{\"probe_alone_median_ms\": %.2f, \"probe_alone_p99_ms\": %.2f, "
      "\"probe_during_flood_median_ms\": %.2f, \"probe_during_flood_p99_ms\": %.2f, "
      "\"probe_reply_during_flood_p99_ms\": %.2f, "
      "\"probes_during_flood\": %zu, \"flood_spawns\": %d, \"flood_seconds\": %.2f}\n",
      a.median, a.p99, f.median, f.p99, r.p99, flooded.size(), flood_n, flood_s);
  return 0;
}

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "runtime/worker/binding_util.h"
#include "runtime/worker/native_modules.h"

namespace islet::runtime {
namespace {

using binding_util::Str;
using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Value;

void Set(Local<v8::Context> context, Local<v8::Object> obj, const char* key, Local<Value> value) {
  (void)binding_util::DefineData(context, obj, key, value);
}

// binding.osInfo() -> { hostname, sysname, release, version, machine, totalmem,
//   freemem, uptime, loadavg, parallelism, homedir, uid, gid, username, shell }
void OsInfo(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  Local<v8::Object> out = v8::Object::New(isolate);
  auto str = [&](const char* key, const std::string& value) {
    Set(context, out, key, Str(isolate, value));
  };
  auto num = [&](const char* key, double value) {
    Set(context, out, key, v8::Number::New(isolate, value));
  };
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) == 0) str("hostname", host);
  struct utsname u {};
  if (uname(&u) == 0) {
    str("sysname", u.sysname);
    str("release", u.release);
    str("version", u.version);
    str("machine", u.machine);
  }
  // As libuv: memory from /proc/meminfo (MemAvailable is what it calls
  // free), uptime from /proc/uptime, to the hundredth.
  std::ifstream meminfo("/proc/meminfo");
  for (std::string line; std::getline(meminfo, line);) {
    unsigned long long kb = 0;
    if (std::sscanf(line.c_str(), "MemTotal: %llu kB", &kb) == 1)
      num("totalmem", double(kb) * 1024);
    if (std::sscanf(line.c_str(), "MemAvailable: %llu kB", &kb) == 1)
      num("freemem", double(kb) * 1024);
  }
  std::ifstream uptime("/proc/uptime");
  double up = 0;
  if (uptime >> up) num("uptime", up);
  for (const char* name : {"TMPDIR", "TMP", "TEMP"}) {
    const char* value = getenv(name);
    if (value != nullptr && value[0] != '\0') {
      str("tmpdir", value);
      break;
    }
  }
  double load[3] = {0, 0, 0};
  if (getloadavg(load, 3) == 3) {
    Local<Value> items[] = {v8::Number::New(isolate, load[0]), v8::Number::New(isolate, load[1]),
                            v8::Number::New(isolate, load[2])};
    Set(context, out, "loadavg", v8::Array::New(isolate, items, 3));
  }
  // As libuv's uv_available_parallelism: the CPUs this process may run on.
  cpu_set_t set;
  CPU_ZERO(&set);
  int parallelism = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 0;
  if (parallelism <= 0) parallelism = int(std::thread::hardware_concurrency());
  num("parallelism", parallelism > 0 ? parallelism : 1);
  num("uid", getuid());
  num("gid", getgid());
  struct passwd pw {};
  struct passwd* found = nullptr;
  std::vector<char> buffer(16384);
  if (getpwuid_r(getuid(), &pw, buffer.data(), buffer.size(), &found) == 0 && found != nullptr) {
    str("username", pw.pw_name);
    str("shell", pw.pw_shell);
    str("pwHome", pw.pw_dir);
  }
  // As libuv's uv_os_homedir: $HOME first.
  const char* home = getenv("HOME");
  if (home != nullptr && home[0] != '\0')
    str("homedir", home);
  else if (found != nullptr)
    str("homedir", pw.pw_dir);
  errno = 0;
  int priority = getpriority(PRIO_PROCESS, 0);
  if (errno == 0) num("priority", priority);
  args.GetReturnValue().Set(out);
}

// binding.osCpus() -> [[model, speed, user, nice, sys, idle, irq], ...], as
// libuv reads them: /proc/stat ticks in ms, speed from cpufreq (0 without).
void OsCpus(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Local<v8::Context> context = isolate->GetCurrentContext();
  std::vector<std::string> models;
  std::ifstream cpuinfo("/proc/cpuinfo");
  for (std::string line; std::getline(cpuinfo, line);) {
    if (line.rfind("model name", 0) == 0) {
      size_t colon = line.find(':');
      models.push_back(
          colon == std::string::npos ? "" : line.substr(line.find_first_not_of(' ', colon + 1)));
    }
  }
  const double ms_per_tick = 1000.0 / double(sysconf(_SC_CLK_TCK));
  std::vector<Local<Value>> cpus;
  std::ifstream stat("/proc/stat");
  for (std::string line; std::getline(stat, line);) {
    if (line.rfind("cpu", 0) != 0 || line.size() < 4 || line[3] < '0' || line[3] > '9') continue;
    std::istringstream fields(line);
    std::string name;
    unsigned long long user = 0, nice = 0, sys = 0, idle = 0, iowait = 0, irq = 0;
    fields >> name >> user >> nice >> sys >> idle >> iowait >> irq;
    unsigned index = unsigned(std::strtoul(name.c_str() + 3, nullptr, 10));
    double speed = 0;
    char path[128];
    std::snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu%u/cpufreq/scaling_cur_freq",
                  index);
    std::ifstream freq(path);
    unsigned long long khz = 0;
    if (freq >> khz) speed = double(khz / 1000);
    Local<Value> items[] = {
        Str(isolate, index < models.size() ? models[index] : (models.empty() ? "" : models[0])),
        v8::Number::New(isolate, speed),
        v8::Number::New(isolate, double(user) * ms_per_tick),
        v8::Number::New(isolate, double(nice) * ms_per_tick),
        v8::Number::New(isolate, double(sys) * ms_per_tick),
        v8::Number::New(isolate, double(idle) * ms_per_tick),
        v8::Number::New(isolate, double(irq) * ms_per_tick),
    };
    cpus.push_back(v8::Array::New(isolate, items, std::size(items)));
  }
  args.GetReturnValue().Set(v8::Array::New(isolate, cpus.data(), cpus.size()));
  (void)context;
}

// binding.osInterfaces() -> [[name, family, address, netmask, mac, internal,
// scopeid], ...], the interfaces that are up and running, as libuv lists them.
void OsInterfaces(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  struct ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return;
  std::map<std::string, std::string> macs;
  for (auto* a = list; a != nullptr; a = a->ifa_next) {
    if (a->ifa_addr == nullptr || a->ifa_addr->sa_family != AF_PACKET) continue;
    auto* ll = reinterpret_cast<sockaddr_ll*>(a->ifa_addr);
    char mac[18];
    std::snprintf(mac, sizeof mac, "%02x:%02x:%02x:%02x:%02x:%02x", ll->sll_addr[0],
                  ll->sll_addr[1], ll->sll_addr[2], ll->sll_addr[3], ll->sll_addr[4],
                  ll->sll_addr[5]);
    macs[a->ifa_name] = mac;
  }
  std::vector<Local<Value>> out;
  for (auto* a = list; a != nullptr; a = a->ifa_next) {
    if (!((a->ifa_flags & IFF_UP) && (a->ifa_flags & IFF_RUNNING))) continue;
    if (a->ifa_addr == nullptr) continue;
    int family = a->ifa_addr->sa_family;
    if (family != AF_INET && family != AF_INET6) continue;
    char address[INET6_ADDRSTRLEN] = {};
    char netmask[INET6_ADDRSTRLEN] = {};
    double scopeid = -1;
    if (family == AF_INET) {
      inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr, address,
                sizeof address);
      if (a->ifa_netmask != nullptr) {
        inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_netmask)->sin_addr, netmask,
                  sizeof netmask);
      }
    } else {
      auto* in6 = reinterpret_cast<sockaddr_in6*>(a->ifa_addr);
      inet_ntop(AF_INET6, &in6->sin6_addr, address, sizeof address);
      scopeid = in6->sin6_scope_id;
      if (a->ifa_netmask != nullptr) {
        inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(a->ifa_netmask)->sin6_addr, netmask,
                  sizeof netmask);
      }
    }
    auto mac = macs.find(a->ifa_name);
    Local<Value> items[] = {
        Str(isolate, a->ifa_name),
        Str(isolate, family == AF_INET ? "IPv4" : "IPv6"),
        Str(isolate, address),
        Str(isolate, netmask),
        Str(isolate, mac == macs.end() ? "00:00:00:00:00:00" : mac->second),
        v8::Boolean::New(isolate, (a->ifa_flags & IFF_LOOPBACK) != 0),
        v8::Number::New(isolate, scopeid),
    };
    out.push_back(v8::Array::New(isolate, items, std::size(items)));
  }
  freeifaddrs(list);
  args.GetReturnValue().Set(v8::Array::New(isolate, out.data(), out.size()));
}

}  // namespace

constexpr binding_util::Function kOsFunctions[] = {
    {"osInfo", OsInfo},
    {"osCpus", OsCpus},
    {"osInterfaces", OsInterfaces},
};
const NativeModule kOsModule = {"os", kOsFunctions};

}  // namespace islet::runtime

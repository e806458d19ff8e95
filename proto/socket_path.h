#pragma once

#include <sys/types.h>

#include <expected>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

// Where the control socket lives: part of the contract between isletd and
// its clients, so both resolve it with this one function. And whom to trust
// there: the daemon keeps its files only in a private directory, and a client
// talks only to a daemon of its own user (docs/daemon.md, "The socket").
namespace islet::proto {

// Looks up an environment variable; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

// The process environment, as an EnvLookup.
std::optional<std::string> GetEnv(std::string_view name);

// `flag` if non-empty, else $ISLET_SOCKET, else
// $XDG_RUNTIME_DIR/islet/isletd.sock, else /tmp/islet-$UID/isletd.sock.
std::string ResolveSocketPath(std::string_view flag, const EnvLookup& env, uid_t uid);

// The directory a socket path is in: "." for a bare name, "/" for a name in
// the root.
std::string SocketDirectory(std::string_view socket_path);

// Whether `dir` may hold the daemon's socket and files for user `uid`: an
// existing directory owned by `uid` or by root that neither its group nor
// other users may write to (if `dir` is a symbolic link, the link too must
// be owned by `uid` or root). The sticky bit is no help: it keeps others
// from removing what is there, not from creating a directory, a socket or a
// link first, so a shared directory such as /tmp never qualifies (a private
// subdirectory of it does). The error starts with `dir` and says what is
// wrong and how to fix it ("/tmp is shared with other users (mode 1777) ...;
// use a private subdirectory ..."). Only `dir` itself is checked, not its
// ancestors.
std::expected<void, std::string> CheckPrivateDirectory(const std::string& dir, uid_t uid);

// What a client checks before it connects to `socket_path` as user `uid`
// (getuid()): its directory passes CheckPrivateDirectory, and the socket
// file, if there is one, is owned by `uid` or root. A directory or socket
// that does not exist passes: nothing listens there (connecting fails), and
// CheckSocketPeer still applies to whatever may appear. The error is the
// whole message, "refusing to use PATH: ... ", with a way out.
std::expected<void, std::string> CheckSocketPath(const std::string& socket_path, uid_t uid);

// What a client checks once connected, before it sends anything: that the
// process listening on `socket_path`, which runs as `peer_uid`, runs as
// `uid` or as root. Errors as CheckSocketPath's.
std::expected<void, std::string> CheckPeerUid(const std::string& socket_path, uid_t peer_uid,
                                              uid_t uid);

// CheckPeerUid for the connected Unix socket `fd`, whose peer's uid comes
// from the kernel (SO_PEERCRED: who called listen()).
std::expected<void, std::string> CheckSocketPeer(const std::string& socket_path, int fd, uid_t uid);

}  // namespace islet::proto

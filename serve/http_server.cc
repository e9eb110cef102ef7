#include "serve/http_server.h"

#include <arpa/inet.h>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <microhttpd.h>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include <morgue/error.h>

#include "serve/static_files.h"

namespace morgue::serve {

namespace {

using Clock = std::chrono::steady_clock;

// A connection whose request headers have not all arrived yet, and since when it waits.
struct Waiting {
  MHD_socket socket;
  Clock::time_point since;
};

}  // namespace

struct HttpServer::Impl {
  Impl(const ServerOptions& server_options, const Api& server_api)
      : options(server_options), api(server_api) {}

  ServerOptions options;
  const Api& api;
  MHD_Daemon* daemon = nullptr;

  // libmicrohttpd's timeout counts idle time only, so a client sending one header byte a
  // second would hold its connection for ever; the reaper cuts connections whose headers are
  // not complete after the timeout.
  std::mutex mutex;
  std::map<MHD_Connection*, Waiting> waiting;
  std::condition_variable stop_reaper;
  bool stopping = false;
  std::thread reaper;

  void reap() {
    std::unique_lock lock(mutex);
    while (!stopping) {
      stop_reaper.wait_for(lock, std::chrono::milliseconds(250));
      const auto deadline = Clock::now() - std::chrono::seconds(options.timeout_seconds);
      for (auto& [connection, state] : waiting) {
        if (state.since < deadline && state.socket != MHD_INVALID_SOCKET) {
          ::shutdown(state.socket, SHUT_RDWR);  // libmicrohttpd then closes it
          state.socket = MHD_INVALID_SOCKET;
        }
      }
    }
  }

  void headers_done(MHD_Connection* connection) {
    std::lock_guard lock(mutex);
    waiting.erase(connection);
  }
};

namespace {

MHD_Result send(MHD_Connection* connection, const Response& answer, bool api) {
  MHD_Response* response = nullptr;
  if (!answer.file.empty()) {
    const int fd = ::open(answer.file.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat status {};
    if (fd < 0 || ::fstat(fd, &status) != 0) {
      if (fd >= 0) {
        ::close(fd);
      }
      return send(connection, error_response(404, "cannot read " + answer.file.filename().string()),
                  api);
    }
    response = MHD_create_response_from_fd(static_cast<std::uint64_t>(status.st_size), fd);
  } else {
    response = MHD_create_response_from_buffer(
        answer.body.size(), const_cast<char*>(answer.body.data()), MHD_RESPMEM_MUST_COPY);
  }
  if (response == nullptr) {
    return MHD_NO;
  }
  MHD_add_response_header(response, "Content-Type", answer.content_type.c_str());
  MHD_add_response_header(response, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(response, "Cache-Control", api ? "no-store" : "no-cache");
  if (answer.status == MHD_HTTP_METHOD_NOT_ALLOWED) {
    MHD_add_response_header(response, "Allow", "GET, HEAD");
  }
  const MHD_Result queued = MHD_queue_response(connection, answer.status, response);
  MHD_destroy_response(response);
  return queued;
}

MHD_Result collect_argument(void* arguments, MHD_ValueKind, const char* key, const char* value) {
  static_cast<Arguments*>(arguments)->emplace_back(key == nullptr ? "" : key,
                                                   value == nullptr ? "" : value);
  return MHD_YES;
}

const char* header(MHD_Connection* connection, const char* name) {
  return MHD_lookup_connection_value(connection, MHD_HEADER_KIND, name);
}

// Called once the request line and headers are in. The request is answered at once, before
// any body is read: a request that carries one is refused.
MHD_Result answer(void* context, MHD_Connection* connection, const char* url, const char* method,
                  const char*, const char*, std::size_t*, void**) {
  auto& server = *static_cast<HttpServer::Impl*>(context);
  server.headers_done(connection);
  const std::string_view path = url;
  const bool api = Api::owns(path);
  const std::string_view verb = method;
  if (verb != MHD_HTTP_METHOD_GET && verb != MHD_HTTP_METHOD_HEAD) {
    return send(connection,
                error_response(405, "morgue-serve is read-only: use GET, not " + std::string(verb)),
                api);
  }
  if (header(connection, MHD_HTTP_HEADER_CONTENT_ENCODING) != nullptr) {
    return send(connection, error_response(415, "requests with a Content-Encoding are refused"),
                api);
  }
  const char* length = header(connection, MHD_HTTP_HEADER_CONTENT_LENGTH);
  if (header(connection, MHD_HTTP_HEADER_TRANSFER_ENCODING) != nullptr ||
      (length != nullptr && std::string_view(length) != "0")) {
    return send(connection, error_response(413, "a GET request carries no body"), api);
  }
  if (!api) {
    return send(connection, static_file(server.options.web, path), false);
  }
  Arguments arguments;
  MHD_get_connection_values(connection, MHD_GET_ARGUMENT_KIND, collect_argument, &arguments);
  return send(connection, server.api.handle(path, arguments), true);
}

void notify(void* context, MHD_Connection* connection, void**,
            MHD_ConnectionNotificationCode code) {
  auto& server = *static_cast<HttpServer::Impl*>(context);
  std::lock_guard lock(server.mutex);
  if (code == MHD_CONNECTION_NOTIFY_STARTED) {
    const MHD_ConnectionInfo* info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    server.waiting[connection] = {info != nullptr ? info->connect_fd : MHD_INVALID_SOCKET,
                                  Clock::now()};
  } else {
    server.waiting.erase(connection);
  }
}

// After a response on a kept-alive connection, the next request's headers are due in time too.
void completed(void* context, MHD_Connection* connection, void**, MHD_RequestTerminationCode code) {
  auto& server = *static_cast<HttpServer::Impl*>(context);
  if (code != MHD_REQUEST_TERMINATED_COMPLETED_OK) {
    return;
  }
  const MHD_ConnectionInfo* info =
      MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
  std::lock_guard lock(server.mutex);
  server.waiting[connection] = {info != nullptr ? info->connect_fd : MHD_INVALID_SOCKET,
                                Clock::now()};
}

}  // namespace

HttpServer::HttpServer(const ServerOptions& options, const Api& api)
    : impl_(std::make_unique<Impl>(options, api)) {
  sockaddr_in address4{};
  sockaddr_in6 address6{};
  const sockaddr* address = nullptr;
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG;
  if (::inet_pton(AF_INET, options.host.c_str(), &address4.sin_addr) == 1) {
    address4.sin_family = AF_INET;
    address4.sin_port = htons(options.port);
    address = reinterpret_cast<const sockaddr*>(&address4);
  } else if (::inet_pton(AF_INET6, options.host.c_str(), &address6.sin6_addr) == 1) {
    address6.sin6_family = AF_INET6;
    address6.sin6_port = htons(options.port);
    address = reinterpret_cast<const sockaddr*>(&address6);
    flags |= MHD_USE_IPv6;
  } else {
    throw Error("--host must be an IPv4 or IPv6 address such as 127.0.0.1 or ::1; got '" +
                options.host + "'");
  }
  impl_->daemon = MHD_start_daemon(
      flags, options.port, nullptr, nullptr, answer, impl_.get(),  //
      MHD_OPTION_SOCK_ADDR, address,                               //
      MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(options.threads),
      MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(options.timeout_seconds),
      MHD_OPTION_CONNECTION_LIMIT, static_cast<unsigned>(options.max_connections),
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<std::size_t>(64 * 1024),
      MHD_OPTION_NOTIFY_CONNECTION, notify, impl_.get(),    //
      MHD_OPTION_NOTIFY_COMPLETED, completed, impl_.get(),  //
      MHD_OPTION_END);
  if (impl_->daemon == nullptr) {
    throw Error("cannot listen on " + options.host + " port " + std::to_string(options.port) +
                ": " + std::strerror(errno));
  }
  impl_->reaper = std::thread([this] { impl_->reap(); });
}

HttpServer::~HttpServer() {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->stop_reaper.notify_all();
  impl_->reaper.join();
  MHD_stop_daemon(impl_->daemon);
}

std::uint16_t HttpServer::port() const {
  const MHD_DaemonInfo* info = MHD_get_daemon_info(impl_->daemon, MHD_DAEMON_INFO_BIND_PORT);
  return info != nullptr ? info->port : 0;
}

}  // namespace morgue::serve

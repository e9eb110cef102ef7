// HTTP/1.1 on libmicrohttpd: a pool of threads answering GET requests with the Api and the web
// page's files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "serve/api.h"

namespace morgue::serve {

/// How the server listens and protects itself.
struct ServerOptions {
  std::string host = "127.0.0.1";  ///< an IPv4 or IPv6 address to bind
  std::uint16_t port = 8080;       ///< 0: any free port (see HttpServer::port)
  std::filesystem::path web;       ///< the web page's folder, served at /
  unsigned threads = 4;            ///< threads answering requests, each with its own Searcher
  /// A connection idle this long (no bytes in or out) is closed; also the deadline for a
  /// request's headers to arrive complete, so slow clients cannot hold connections.
  unsigned timeout_seconds = 10;
  unsigned max_connections = 512;  ///< further connections are refused until one closes
};

/// A running server. Starts listening in the constructor and stops in the destructor.
/// Throws morgue::Error when the address cannot be bound.
class HttpServer {
 public:
  HttpServer(const ServerOptions& options, const Api& api);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// The port listened on (the chosen one when ServerOptions::port was 0).
  std::uint16_t port() const;

  struct Impl;  ///< the daemon and its callbacks' state (public for the C callbacks)

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace morgue::serve

// morgue-serve for the tests: started in a child process on a free port, asked over real sockets.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace morgue::testing {

/// morgue-serve (MORGUE_SERVE_BIN) running with `arguments` until the object goes away; pass
/// "--port", "0" and the constructor reads the chosen port from the first line it prints.
class ServeProcess {
 public:
  explicit ServeProcess(std::vector<std::string> arguments);
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  int port() const { return port_; }
  /// "http://127.0.0.1:PORT"
  std::string url() const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

/// A connected TCP socket to 127.0.0.1:`port` whose reads give up after the timeout.
int connect_to(int port, int receive_timeout_seconds = 5);

/// An HTTP answer as read off the socket.
struct HttpReply {
  int status = 0;  ///< 0: no answer in time
  std::string headers;
  std::string body;
};

/// Sends `request` as is and reads the answer until the server closes the connection.
HttpReply send_raw(int port, const std::string& request);

/// GET `target` ("/api/search?q=x") with Connection: close.
HttpReply http_get(int port, const std::string& target);

}  // namespace morgue::testing

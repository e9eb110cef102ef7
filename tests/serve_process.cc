#include "tests/serve_process.h"

#include <arpa/inet.h>
#include <cstdint>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

namespace morgue::testing {

ServeProcess::ServeProcess(std::vector<std::string> arguments) {
  int out[2];
  EXPECT_EQ(::pipe(out), 0);
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    std::vector<char*> argv{const_cast<char*>(MORGUE_SERVE_BIN)};
    for (auto& argument : arguments) {
      argv.push_back(argument.data());
    }
    argv.push_back(nullptr);
    ::execv(MORGUE_SERVE_BIN, argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  // "morgue-serve: serving DB on http://127.0.0.1:PORT/"
  std::string line;
  char c = 0;
  while (::read(out[0], &c, 1) == 1 && c != '\n') {
    line += c;
  }
  ::close(out[0]);
  const auto colon = line.rfind(':');
  EXPECT_NE(colon, std::string::npos) << line;
  if (colon != std::string::npos) {
    port_ = std::stoi(line.substr(colon + 1));
  }
}

ServeProcess::~ServeProcess() {
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
}

std::string ServeProcess::url() const { return "http://127.0.0.1:" + std::to_string(port_); }

int connect_to(int port, int receive_timeout_seconds) {
  const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval timeout{receive_timeout_seconds, 0};
  ::setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  EXPECT_EQ(::connect(socket, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  return socket;
}

HttpReply send_raw(int port, const std::string& request) {
  const int socket = connect_to(port);
  ::send(socket, request.data(), request.size(), MSG_NOSIGNAL);
  std::string raw;
  char buffer[65536];
  for (ssize_t got; (got = ::recv(socket, buffer, sizeof buffer, 0)) > 0;) {
    raw.append(buffer, static_cast<std::size_t>(got));
  }
  ::close(socket);
  HttpReply reply;
  const auto end = raw.find("\r\n\r\n");
  if (raw.starts_with("HTTP/1.1 ") && end != std::string::npos) {
    reply.status = std::stoi(raw.substr(9, 3));
    reply.headers = raw.substr(0, end);
    reply.body = raw.substr(end + 4);
  }
  return reply;
}

HttpReply http_get(int port, const std::string& target) {
  return send_raw(port,
                  "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
}

}  // namespace morgue::testing

// morgue-serve: answer searches over HTTP and serve the web search page.
#include <csignal>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>

#include <CLI/CLI.hpp>

#include <morgue/error.h>
#include <morgue/searcher.h>
#include <morgue/version.h>

#include "serve/api.h"
#include "serve/http_server.h"

namespace {

// The web page's folder: installed beside the program (PREFIX/share/morgue/web), else the
// source tree's web/ (a build that was not installed).
std::filesystem::path default_web_folder(const char* argv0) {
  std::error_code error;
  const auto program = std::filesystem::canonical("/proc/self/exe", error);
  const auto base = error ? std::filesystem::path(argv0).parent_path() : program.parent_path();
  const auto installed = base / ".." / "share" / "morgue" / "web";
  if (std::filesystem::is_directory(installed, error)) {
    return installed.lexically_normal();
  }
  return MORGUE_SOURCE_WEB_DIR;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Serve a morgue database over HTTP: a JSON search API and the web search page."};
  std::string database;
  morgue::serve::ServerOptions options;
  options.threads = std::max(2u, std::thread::hardware_concurrency());
  std::string web;
  app.add_option("database", database, "Database directory built by morgue-index")->required();
  app.add_option("--host", options.host, "Address to listen on (127.0.0.1: this machine only)")
      ->capture_default_str();
  app.add_option("--port", options.port, "Port to listen on; 0 picks a free one")
      ->capture_default_str();
  app.add_option("--web", web, "Folder of the web search page served at /");
  app.add_option("--threads", options.threads, "Threads answering requests")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  app.add_option("--timeout", options.timeout_seconds,
                 "Seconds a connection may stay idle or take to send its headers")
      ->check(CLI::Range(1u, 3600u))
      ->capture_default_str();
  app.add_option("--max-connections", options.max_connections, "Connections open at once")
      ->check(CLI::Range(1u, 100000u))
      ->capture_default_str();
  app.set_version_flag("--version", std::string(morgue::kVersion));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }

  try {
    // Fail now, not on the first request, when the database cannot be opened.
    morgue::Searcher{database}.stats();
    options.web = web.empty() ? default_web_folder(argv[0]) : std::filesystem::path(web);

    // Block the stop signals in every thread; this one waits for them below.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    const morgue::serve::Api api(database);
    morgue::serve::HttpServer server(options, api);
    const bool v6 = options.host.find(':') != std::string::npos;
    std::cout << "morgue-serve: serving " << database << " on http://"
              << (v6 ? "[" + options.host + "]" : options.host) << ':' << server.port() << "/"
              << std::endl;
    int signal = 0;
    sigwait(&signals, &signal);
    std::cout << "morgue-serve: stopped" << std::endl;
    return 0;
  } catch (const morgue::Error& error) {
    std::cerr << "morgue-serve: error: " << error.what() << '\n';
    return 2;
  }
}

// tests/support/blogger_server.py as a test fixture: a Blogger-like server
// (the sample blog, live) on 127.0.0.1, a forward proxy that terminates TLS
// with a CA of its own. The destructor closes its stdin, which ends it; its
// --lifetime ends it anyway if a test dies first.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "temp_file.h"

namespace blogshift::testing {

class BloggerServer {
public:
  BloggerServer(const std::filesystem::path& state_dir, const std::vector<std::string>& args = {}) {
    std::filesystem::create_directories(state_dir);
    int in[2], out[2];
    if (::pipe(in) != 0 || ::pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(in[0], 0);
      ::dup2(out[1], 1);
      ::close(in[1]);
      ::close(out[0]);
      std::vector<std::string> argv = {"python3", std::string(BLOGSHIFT_TEST_SUPPORT_SOURCE_DIR) + "/blogger_server.py",
                                       "--state-dir", state_dir.string(), "--lifetime", "900"};
      argv.insert(argv.end(), args.begin(), args.end());
      std::vector<char*> c;
      for (auto& a : argv) c.push_back(a.data());
      c.push_back(nullptr);
      ::execvp("python3", c.data());
      ::_exit(127);
    }
    ::close(in[0]);
    ::close(out[1]);
    stdin_ = in[1];
    // The ready line, within 60 s.
    std::string line;
    pollfd p{out[0], POLLIN, 0};
    while (line.find('\n') == std::string::npos) {
      if (::poll(&p, 1, 60000) <= 0) break;
      char buffer[512];
      const ssize_t n = ::read(out[0], buffer, sizeof buffer);
      if (n <= 0) break;
      line.append(buffer, static_cast<size_t>(n));
    }
    ::close(out[0]);
    port = json_int(line, "port");
    ca = json_string(line, "ca");
    log = json_string(line, "log");
    if (port <= 0) throw std::runtime_error("blogger_server.py did not start: '" + line + "'");
  }

  ~BloggerServer() {
    if (stdin_ >= 0) ::close(stdin_);
    if (pid_ > 0) {
      for (int i = 0; i < 100; ++i) {  // up to 10 s to end by itself
        if (::waitpid(pid_, nullptr, WNOHANG) == pid_) return;
        ::usleep(100000);
      }
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  BloggerServer(const BloggerServer&) = delete;
  BloggerServer& operator=(const BloggerServer&) = delete;

  std::string proxy() const { return "http://127.0.0.1:" + std::to_string(port) + "/"; }
  // The options that send blogshift's requests here, TLS verified with the server's CA.
  std::string fetch_options() const { return "--proxy " + proxy() + " --cacert " + ca; }

  // Every request the server answered so far, one JSON object a line.
  std::vector<std::string> requests() const {
    std::vector<std::string> lines;
    const std::string text = read_file(log);
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      if (end > start) lines.push_back(text.substr(start, end - start));
      start = end + 1;
    }
    return lines;
  }
  // The "url" of each request, in order.
  std::vector<std::string> requested_urls() const {
    std::vector<std::string> urls;
    for (const auto& line : requests()) urls.push_back(json_string(line, "url"));
    return urls;
  }

  int port = 0;
  std::string ca, log;

  static std::string json_string(const std::string& line, const std::string& key) {
    const std::string needle = "\"" + key + "\": \"";
    size_t at = line.find(needle);
    size_t skip = needle.size();
    if (at == std::string::npos) {
      at = line.find("\"" + key + "\":\"");
      skip = key.size() + 4;
    }
    if (at == std::string::npos) return {};
    std::string out;
    for (size_t i = at + skip; i < line.size() && line[i] != '"'; ++i) {
      if (line[i] == '\\' && i + 1 < line.size()) ++i;
      out += line[i];
    }
    return out;
  }
  static int json_int(const std::string& line, const std::string& key) {
    size_t at = line.find("\"" + key + "\":");
    if (at == std::string::npos) return 0;
    at += key.size() + 3;
    while (at < line.size() && line[at] == ' ') ++at;
    return std::atoi(line.c_str() + at);
  }

private:
  pid_t pid_ = -1;
  int stdin_ = -1;
};

}  // namespace blogshift::testing

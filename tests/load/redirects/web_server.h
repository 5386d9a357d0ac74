// A real web server for a test: started as a child process in the
// foreground on 127.0.0.1, stopped (SIGTERM, then reaped) when the object
// goes, also when the test fails; if the test process itself dies, the
// kernel sends the server SIGTERM (PR_SET_PDEATHSIG). And a minimal HTTP/1.1
// client that sends a request target byte for byte and reads the status
// and Location, so the test sees exactly what the server answered.
#pragma once

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <string>
#include <vector>

#include "temp_file.h"

namespace blogshift::testing {

// A port nothing listens on now (the kernel's pick for port 0).
inline int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof addr;
  int port = -1;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
    port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

inline int connect_loopback(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

class ServerProcess {
public:
  // Runs argv[0] (a full path) with `env` added to the environment; its
  // output goes to `log`.
  ServerProcess(const std::vector<std::string>& argv, const std::string& log, const std::vector<std::string>& env = {})
      : log_(log) {
    pid_ = ::fork();
    if (pid_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGTERM);
      int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (out >= 0) {
        ::dup2(out, 1);
        ::dup2(out, 2);
      }
      int in = ::open("/dev/null", O_RDONLY);
      if (in >= 0) ::dup2(in, 0);
      for (const auto& e : env) ::putenv(const_cast<char*>(e.c_str()));
      std::vector<char*> args;
      for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
  }
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess() { stop(); }

  // True once `port` accepts connections; false when the server exited first
  // or 20 s passed (`why` then holds its log). Tries connect() in a loop: a
  // refused connection returns at once, so this waits on the server, not on
  // a clock.
  bool wait_until_listening(int port, std::string& why) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (pid_ <= 0 || ::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        why = "the server exited before listening: " + read_file(log_);
        return false;
      }
      int fd = connect_loopback(port);
      if (fd >= 0) {
        ::close(fd);
        return true;
      }
    }
    why = "nothing listens on 127.0.0.1:" + std::to_string(port) + " after 20 s: " + read_file(log_);
    return false;
  }

  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

private:
  pid_t pid_ = -1;
  std::string log_;
};

struct HttpAnswer {
  int status = 0;        // 0: no answer
  std::string location;  // the Location header, as sent
};

// GET `target` (sent as it is: percent-encode it first) on 127.0.0.1:port.
inline HttpAnswer http_get(int port, const std::string& target) {
  HttpAnswer answer;
  int fd = connect_loopback(port);
  if (fd < 0) return answer;
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  const std::string request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                              "\r\nUser-Agent: blogshift-test\r\nConnection: close\r\n\r\n";
  if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
    ::close(fd);
    return answer;
  }
  std::string response;
  char buffer[8192];
  for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) {
    response.append(buffer, static_cast<size_t>(n));
    if (response.find("\r\n\r\n") != std::string::npos) break;  // the head is all we read
  }
  ::close(fd);
  if (response.rfind("HTTP/1.", 0) != 0 || response.size() < 12) return answer;
  answer.status = std::stoi(response.substr(9, 3));
  const std::string head = response.substr(0, response.find("\r\n\r\n"));
  for (size_t at = head.find("\r\n"); at != std::string::npos; at = head.find("\r\n", at + 2)) {
    const size_t end = head.find("\r\n", at + 2);
    const std::string line = head.substr(at + 2, end == std::string::npos ? std::string::npos : end - at - 2);
    std::string name = line.substr(0, 9);
    for (auto& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (name == "location:") {
      size_t v = 9;
      while (v < line.size() && line[v] == ' ') ++v;
      answer.location = line.substr(v);
    }
  }
  return answer;
}

}  // namespace blogshift::testing

#include "bag_verifier.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "digest.h"
#include "manifest_lines.h"
#include "text.h"

namespace blogshift {

namespace fs = std::filesystem;

namespace {

struct Problem {
  std::string entry;
  std::string message;
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    start = end + 1;
  }
  return lines;
}

// A manifest path that stays inside the bag: relative, no "." or ".." part.
bool safe_relative_path(const std::string& path) {
  if (path.empty() || path.front() == '/') return false;
  for (const auto& part : fs::path(path))
    if (part == "." || part == "..") return false;
  return true;
}

class BagCheck {
public:
  explicit BagCheck(const std::string& dir) : dir_(dir) {
    while (dir_.size() > 1 && dir_.back() == '/') dir_.pop_back();
  }

  VerifyResult run() {
    if (!fs::is_directory(dir_)) {
      problems_.push_back({"", "not a folder"});
    } else if (check_declaration()) {
      check_tag_manifest();
      check_payload();
    }
    VerifyResult r;
    r.output = dir_;
    r.ok = problems_.empty();
    r.entries_checked = checked_;
    if (!r.ok) {
      r.first_bad_entry = problems_.front().entry;
      r.message = (r.first_bad_entry.empty() ? "" : r.first_bad_entry + ": ") + problems_.front().message;
      if (problems_.size() > 1) r.message += " (and " + std::to_string(problems_.size() - 1) + " more problems)";
    }
    return r;
  }

private:
  bool read(const std::string& relative, std::string& out) {
    std::ifstream in(fs::path(dir_) / relative, std::ios::binary);
    if (!in) return false;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    out = bytes.str();
    return true;
  }

  // Every file's digest, by path relative to the bag; "" when unreadable (and said so).
  std::string digest_of(const std::string& relative) {
    try {
      return sha256_file((fs::path(dir_) / relative).string());
    } catch (const std::runtime_error&) {
      problems_.push_back({relative, "cannot be read"});
      return "";
    }
  }

  bool check_declaration() {
    std::string text;
    if (!read("bagit.txt", text)) {
      problems_.push_back({"bagit.txt", "missing: this is not a bag"});
      return false;
    }
    const auto lines = split_lines(text);
    const bool version = !lines.empty() && lines[0].rfind("BagIt-Version: ", 0) == 0;
    const bool encoding = lines.size() >= 2 && lines[1] == "Tag-File-Character-Encoding: UTF-8";
    if (!version || !encoding || lines.size() != 2) {
      problems_.push_back({"bagit.txt", "must be 'BagIt-Version: M.N' and 'Tag-File-Character-Encoding: UTF-8'"});
      return false;
    }
    return true;
  }

  // Lines of a manifest, decoded; problems for lines that are not "<hex> <path>" or repeat a path.
  std::vector<ManifestLine> manifest(const std::string& name, const std::string& text) {
    std::vector<ManifestLine> out;
    std::set<std::string> seen;
    const auto lines = split_lines(text);
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string error;
      auto line = parse_bagit_manifest_line(lines[i], error);
      const std::string where = "line " + std::to_string(i + 1) + ": ";
      if (!line) problems_.push_back({name, where + error});
      else if (!safe_relative_path(line->path)) problems_.push_back({name, where + "path leaves the bag: " + line->path});
      else if (!seen.insert(line->path).second) problems_.push_back({name, where + line->path + " listed twice"});
      else out.push_back(std::move(*line));
    }
    return out;
  }

  void check_tag_manifest() {
    std::string text;
    if (!read("tagmanifest-sha256.txt", text)) return;  // optional in RFC 8493
    for (const auto& line : manifest("tagmanifest-sha256.txt", text)) {
      if (line.path.rfind("data/", 0) == 0) {
        problems_.push_back({"tagmanifest-sha256.txt", "lists a payload file: " + line.path});
      } else if (!fs::is_regular_file(fs::path(dir_) / line.path)) {
        problems_.push_back({line.path, "listed in tagmanifest-sha256.txt but missing"});
      } else if (const std::string digest = digest_of(line.path); !digest.empty() && digest != line.digest) {
        problems_.push_back({line.path, "SHA-256 " + digest + " differs from tagmanifest-sha256.txt's " + line.digest});
      }
    }
  }

  void check_payload() {
    std::string text;
    if (!read("manifest-sha256.txt", text)) {
      problems_.push_back({"manifest-sha256.txt", "missing (the only payload manifest this verifier checks)"});
      return;
    }
    // What is under data/, by path relative to the bag.
    std::map<std::string, int64_t> present;
    const fs::path data = fs::path(dir_) / "data";
    std::error_code ec;
    if (!fs::is_directory(data)) problems_.push_back({"data", "no payload folder"});
    std::vector<Problem> strays;
    for (fs::recursive_directory_iterator it(data, ec), end; !ec && it != end; it.increment(ec)) {
      const auto status = it->symlink_status(ec);
      const std::string relative = it->path().lexically_relative(dir_).generic_string();
      if (fs::is_directory(status)) continue;
      if (fs::is_regular_file(status)) present[relative] = static_cast<int64_t>(it->file_size(ec));
      else strays.push_back({relative, "is not a regular file (a link or a special file) in the payload"});
    }
    if (ec) problems_.push_back({"data", "cannot be listed: " + ec.message()});

    std::set<std::string> listed;
    for (const auto& line : manifest("manifest-sha256.txt", text)) {
      listed.insert(line.path);
      if (line.path.rfind("data/", 0) != 0) {
        problems_.push_back({"manifest-sha256.txt", "lists a file outside data/: " + line.path});
      } else if (!present.count(line.path)) {
        problems_.push_back({line.path, "listed in manifest-sha256.txt but missing"});
      } else if (const std::string digest = digest_of(line.path); digest.empty()) {
        continue;
      } else if (digest != line.digest) {
        problems_.push_back({line.path, "SHA-256 " + digest + " differs from manifest-sha256.txt's " + line.digest});
      } else {
        ++checked_;
      }
    }
    for (const auto& [path, size] : present)
      if (!listed.count(path)) problems_.push_back({path, "is in the payload but not in manifest-sha256.txt"});
    problems_.insert(problems_.end(), strays.begin(), strays.end());
    check_oxum(present);
  }

  void check_oxum(const std::map<std::string, int64_t>& present) {
    std::string text;
    if (!read("bag-info.txt", text)) return;
    int64_t octets = 0;
    for (const auto& [path, size] : present) octets += size;
    const std::string actual = std::to_string(octets) + "." + std::to_string(present.size());
    for (const auto& line : split_lines(text)) {
      if (line.rfind("Payload-Oxum:", 0) != 0) continue;
      const std::string oxum(trim(std::string_view(line).substr(13)));
      if (oxum != actual)
        problems_.push_back({"bag-info.txt", "Payload-Oxum is " + oxum + " but the payload holds " + actual +
                                                 " (bytes.files)"});
    }
  }

  std::string dir_;
  std::vector<Problem> problems_;
  int64_t checked_ = 0;
};

}  // namespace

VerifyResult verify_bag(const std::string& dir) { return BagCheck(dir).run(); }

}  // namespace blogshift

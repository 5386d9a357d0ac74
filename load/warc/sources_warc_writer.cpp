#include "sources_warc_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <utility>
#include <vector>

#include "atomic_file.h"
#include "cdxj_writer.h"
#include "digest.h"
#include "errors.h"
#include "extractor.h"
#include "source_records.h"
#include "staging_store.h"

namespace blogshift {

namespace fs = std::filesystem;

namespace {

// An unnamed file in a folder (made with mkstemp and unlinked at once), so
// nothing is left behind however the run ends. The records go here first.
class ScratchFile {
public:
  explicit ScratchFile(const fs::path& folder) {
    std::string name = (folder / ".blogshift-warc-XXXXXX").string();
    fd_ = ::mkstemp(name.data());
    if (fd_ < 0) throw FatalError(folder.string(), std::string("cannot create a scratch file: ") + std::strerror(errno));
    ::unlink(name.c_str());
  }
  ~ScratchFile() { ::close(fd_); }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  void write(std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw FatalError("", std::string("cannot write the WARC scratch file: ") + std::strerror(errno));
      bytes.remove_prefix(static_cast<size_t>(n));
    }
  }

  // Hands everything written so far to `out`, from the start.
  template <typename Out>
  void replay(Out&& out) {
    if (::lseek(fd_, 0, SEEK_SET) < 0) throw FatalError("", std::string("cannot re-read the WARC scratch file: ") + std::strerror(errno));
    std::string buffer(size_t{1} << 20, '\0');
    for (;;) {
      const ssize_t n = ::read(fd_, buffer.data(), buffer.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) throw FatalError("", std::string("cannot re-read the WARC scratch file: ") + std::strerror(errno));
      if (n == 0) return;
      out(std::string_view(buffer.data(), static_cast<size_t>(n)));
    }
  }

private:
  int fd_ = -1;
};

// A file name as a warc-fields value: control characters (a line break
// would end the field) shown as '?'.
std::string field_text(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return out;
}

// "YYYY-MM-DDThh:mm:ssZ" from a WARC-Date (fraction dropped), or "".
std::string second_of(const std::string& date) {
  if (date.size() < 20 || date[4] != '-' || date[7] != '-' || date[10] != 'T' || date[13] != ':' || date[16] != ':' ||
      date.back() != 'Z')
    return {};
  return date.substr(0, 19) + "Z";
}

struct SourceOutcome {
  StagedSource source;
  int64_t records = 0;
  std::string left_out;  // why it is not in the file; empty when it is
};

std::vector<StagedSource> staged_sources(Database& db) {
  std::vector<StagedSource> out;
  Statement query = db.prepare("SELECT id, path, kind, size, sha256 FROM sources ORDER BY path");
  while (query.step())
    out.push_back({query.column_int(0), query.column_text(1), query.column_text(2), query.column_int(3), query.column_text(4)});
  return out;
}

std::string warcinfo_block(const WarcOptions& options, const std::vector<SourceOutcome>& sources) {
  std::string block;
  auto field = [&](const std::string& name, const std::string& value) { block += name + ": " + value + "\r\n"; };
  field("software", options.software);
  field("format", "WARC File Format 1.1");
  field("conformsTo", "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/");
  field("description",
        "The original material of a Blogger blog migrated by blogshift: the records of crawls copied as they were "
        "(HTTP blocks byte for byte), the files of mirrors, exports and saved pages as resource records");
  field("digest", options.digest == WarcDigestAlgorithm::Sha1 ? "sha1, base32" : "sha256, hex");
  for (const auto& s : sources) {
    const std::string common = "kind=" + s.source.kind + "; sha256=" + s.source.sha256 +
                               "; size=" + std::to_string(s.source.size);
    const std::string name = "; name=" + field_text(fs::path(s.source.path).filename().string());
    if (s.left_out.empty()) field("source", common + "; records=" + std::to_string(s.records) + name);
    else field("left-out-source", common + "; reason=" + s.left_out + name);
  }
  return block;
}

}  // namespace

WarcReport write_sources_warc(Database& db, const std::string& warc_path, const std::string& cdxj_path,
                              const WarcOptions& options) {
  WarcReport report;
  report.warc_path = warc_path;
  report.cdxj_path = cdxj_path;
  auto problem = [&](ProblemRecord p, int64_t source_id) {
    p.stage = "load";
    if (p.severity == Severity::Error) ++report.errors;
    if (p.severity == Severity::Warning) ++report.warnings;
    insert_problem(db, p, source_id);
  };
  auto source_problem = [&](const StagedSource& s, Severity severity, const char* code, const std::string& message) {
    ProblemRecord p;
    p.position.file = s.path;
    p.severity = severity;
    p.code = code;
    p.message = message;
    problem(std::move(p), s.id);
  };

  // Which sources still hold the bytes that were staged.
  std::vector<SourceOutcome> sources;
  std::set<std::string> digests_seen;
  for (StagedSource& s : staged_sources(db)) {
    SourceOutcome outcome{std::move(s), 0, {}};
    const StagedSource& source = outcome.source;
    if (digests_seen.count(source.sha256)) {
      outcome.left_out = "same SHA-256 as a source already in the file";
      source_problem(source, Severity::Info, "WARC_SOURCE_DUPLICATE",
                     source.kind + " source has the same SHA-256 as a source already in the WARC file; written once");
    } else {
      try {
        const SourceInfo now = describe_source(source.path, source.kind);
        if (now.sha256 != source.sha256 || now.size != source.size) {
          outcome.left_out = "changed since it was staged";
          source_problem(source, Severity::Error, "WARC_SOURCE_CHANGED",
                         source.kind + " source changed since it was staged (SHA-256 " + source.sha256 + ", " +
                             std::to_string(source.size) + " bytes then; " + now.sha256 + ", " +
                             std::to_string(now.size) + " bytes now); left out of the WARC file: run extract again");
        }
      } catch (const std::exception& e) {
        outcome.left_out = "cannot be read";
        source_problem(source, Severity::Error, "WARC_SOURCE_UNREADABLE",
                       source.kind + " source cannot be read (" + std::string(e.what()) + "); left out of the WARC file");
      }
    }
    if (outcome.left_out.empty()) digests_seen.insert(source.sha256);
    sources.push_back(std::move(outcome));
  }

  const std::string filename = fs::path(warc_path).filename().string();
  std::string id_name = "warcinfo\n" + filename + "\n" + (options.digest == WarcDigestAlgorithm::Sha1 ? "sha1" : "sha256");
  for (const auto& s : sources)
    if (s.left_out.empty()) id_name += "\n" + s.source.kind + " " + s.source.sha256;
  const std::string warcinfo_id = warc_record_id(id_name);
  const std::string fallback_date = warc_date(options.date_epoch.value_or(0));

  // The records, into the scratch file.
  const fs::path folder = fs::absolute(warc_path).parent_path();
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) throw FatalError(warc_path, "cannot create its folder: " + ec.message());
  ScratchFile scratch(folder);
  WarcWriter writer([&](std::string_view bytes) { scratch.write(bytes); }, options.digest, options.gzip_level);
  std::vector<WarcWrittenRecord> written;
  std::set<std::string> record_ids{warcinfo_id};
  for (SourceOutcome& s : sources) {
    if (!s.left_out.empty()) {
      ++report.sources_skipped;
      continue;
    }
    const int64_t source_id = s.source.id;
    SourceContext context{db, writer, warcinfo_id, written, record_ids,
                          [&](ProblemRecord p) { problem(std::move(p), source_id); }, 0};
    const std::string date = source_date(db, s.source, fallback_date);
    if (s.source.kind == "warc") s.records = copy_warc_source(context, s.source, date);
    else if (s.source.kind == "mirror") s.records = write_mirror_source(context, s.source, date);
    else s.records = write_file_source(context, s.source, date);
    report.input_bytes += context.input_bytes;
    ++report.sources_written;
  }

  // The warcinfo record, dated by what follows it, then the records.
  std::string info_date;
  if (options.date_epoch) {
    info_date = fallback_date;
  } else {
    for (const auto& record : written) info_date = std::max(info_date, second_of(record.date));
    if (info_date.empty()) info_date = fallback_date;
  }
  AtomicFileWriter file(warc_path);
  Sha256 file_hash;
  auto emit = [&](std::string_view bytes) {
    file.write(bytes);
    file_hash.update(bytes);
  };
  WarcWriter info_writer(emit, options.digest, options.gzip_level);
  WarcRecordHead info_head;
  info_head.type = "warcinfo";
  info_head.record_id = warcinfo_id;
  info_head.date = info_date;
  info_head.content_type = "application/warc-fields";
  info_head.fields.emplace_back("WARC-Filename", field_text(filename));
  const WarcWrittenRecord info = info_writer.write(info_head, warcinfo_block(options, sources));
  scratch.replay(emit);
  for (auto& record : written) record.offset += info.length;
  written.insert(written.begin(), info);
  report.bytes = file.size();
  file.commit();
  report.sha256 = file_hash.hex_digest();

  const std::string index = cdxj_text(written, filename);
  write_file_atomically(cdxj_path, index);
  report.cdxj_sha256 = sha256_hex(index);
  for (char c : index) report.cdxj_lines += c == '\n';
  for (const auto& record : written) ++report.records_by_type[record.type];
  report.records = static_cast<int64_t>(written.size());
  return report;
}

}  // namespace blogshift

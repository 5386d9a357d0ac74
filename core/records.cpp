#include "records.h"

namespace blogshift {

const char* to_string(ItemKind kind) {
  switch (kind) {
    case ItemKind::Post: return "post";
    case ItemKind::Page: return "page";
    case ItemKind::Comment: return "comment";
    case ItemKind::Settings: return "settings";
    case ItemKind::Template: return "template";
  }
  return "post";
}

const char* to_string(ItemStatus status) {
  switch (status) {
    case ItemStatus::Live: return "LIVE";
    case ItemStatus::Draft: return "DRAFT";
    case ItemStatus::Scheduled: return "SCHEDULED";
    case ItemStatus::Trashed: return "TRASHED";
    case ItemStatus::Unknown: return "UNKNOWN";
  }
  return "UNKNOWN";
}

const char* to_string(Severity severity) {
  switch (severity) {
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::string SourcePosition::describe() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  } else if (offset >= 0) {
    out += '@' + std::to_string(offset);
  }
  return out;
}

}  // namespace blogshift

// libarchive behind one adapter: its handles in unique_ptrs, and the locale it
// converts names in. libarchive turns path names to and from "the current
// locale's charset"; under the C locale it cannot represent UTF-8 names (its
// pax writer even crashes on them, and its zip writer sets the UTF-8 flag
// only when the locale says UTF-8), so the bytes written would depend on the
// caller's locale. Utf8LocaleScope switches the calling thread (only that
// thread: uselocale) to C.UTF-8 while we talk to libarchive.
#pragma once

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

#include <memory>
#include <string>

namespace blogshift {

struct ArchiveWriteDeleter {
  void operator()(archive* a) const { archive_write_free(a); }
};
struct ArchiveReadDeleter {
  void operator()(archive* a) const { archive_read_free(a); }
};
struct ArchiveEntryDeleter {
  void operator()(archive_entry* e) const { archive_entry_free(e); }
};
using ArchiveWriter = std::unique_ptr<archive, ArchiveWriteDeleter>;
using ArchiveReader = std::unique_ptr<archive, ArchiveReadDeleter>;
using ArchiveEntryPtr = std::unique_ptr<archive_entry, ArchiveEntryDeleter>;

// libarchive's last message for `a`, or `fallback` when it has none.
inline std::string archive_message(archive* a, const char* fallback = "unknown libarchive error") {
  const char* m = archive_error_string(a);
  return m ? m : fallback;
}

class Utf8LocaleScope {
public:
  // Throws FatalError when the C library has no UTF-8 locale at all.
  Utf8LocaleScope();
  ~Utf8LocaleScope();
  Utf8LocaleScope(const Utf8LocaleScope&) = delete;
  Utf8LocaleScope& operator=(const Utf8LocaleScope&) = delete;

private:
  locale_t utf8_ = nullptr;
  locale_t previous_ = nullptr;
};

}  // namespace blogshift

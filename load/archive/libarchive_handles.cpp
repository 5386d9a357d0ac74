#include "libarchive_handles.h"

#include "errors.h"

namespace blogshift {

Utf8LocaleScope::Utf8LocaleScope() {
  // C.UTF-8 is built into glibc 2.35+; older systems usually have en_US.UTF-8.
  for (const char* name : {"C.UTF-8", "C.utf8", "en_US.UTF-8"}) {
    utf8_ = newlocale(LC_CTYPE_MASK, name, static_cast<locale_t>(0));
    if (utf8_) break;
  }
  if (!utf8_) throw FatalError("", "no UTF-8 locale (C.UTF-8) available for archive entry names");
  previous_ = uselocale(utf8_);
}

Utf8LocaleScope::~Utf8LocaleScope() {
  uselocale(previous_);
  freelocale(utf8_);
}

}  // namespace blogshift

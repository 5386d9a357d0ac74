#include "fetch_version.h"

namespace blogshift::fetch {

std::string default_user_agent() {
  return std::string("blogshift/") + BLOGSHIFT_VERSION +
         " (+https://github.com/blogshift/blogshift; archival crawl of one Blogger blog for its migration)";
}

}  // namespace blogshift::fetch

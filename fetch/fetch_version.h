// The name and version blogshift gives itself on the wire.
#pragma once

#include <string>

namespace blogshift::fetch {

// "blogshift/0.1.0 (+https://github.com/blogshift/blogshift; archival crawl of a Blogger blog)"
std::string default_user_agent();
// The product token robots.txt groups are matched against: "blogshift".
inline constexpr const char* kRobotsProduct = "blogshift";

}  // namespace blogshift::fetch

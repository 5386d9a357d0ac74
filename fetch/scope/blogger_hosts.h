// Which hosts are Blogger's: a blog's blogspot host in any of its country
// forms, Blogger's own site, and the image servers posts embed from.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace blogshift::fetch {

// "name" for name.blogspot.com and every country form of it
// (name.blogspot.fr, .de, .co.uk, .com.br, .com.au ...), which Blogger
// serves as the same blog; nullopt for any other host (bp.blogspot.com
// and N.bp.blogspot.com are image servers, not blogs).
std::optional<std::string> blogspot_name(std::string_view host);

// blogger.com and its subdomains: the editor, profiles, comment forms, the
// www.blogger.com/feeds/ID/... spelling of a feed. Never the blog.
bool is_blogger_site(std::string_view host);

// Google's servers for Blogger images: N.bp.blogspot.com, bp.blogspot.com,
// blogger.googleusercontent.com, lhN.googleusercontent.com (and the other
// *.googleusercontent.com content servers, such as lh7-us for images pasted
// from Google Docs), lhN.ggpht.com, and the old bpN.blogger.com /
// photosN.blogger.com servers.
bool is_image_server(std::string_view host);

}  // namespace blogshift::fetch

// The URLs an HTML page names, through core's HTML reader (gumbo):
// <a href>/<area href> (Link; TagLink when rel holds "tag"),
// <img src>/srcset/data-src, <link rel=icon|canonical|alternate|next>
// (Embed / Link), <source src>/srcset, <video poster>/src, <audio src>
// (Embed); <iframe src> is not followed. A <base href> is honoured. A URL
// named twice keeps its first place and the strongest way it was found
// (TagLink, then Embed, then Link).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "discover/discovered_link.h"

namespace blogshift::fetch {

struct PageLinks {
  std::vector<DiscoveredLink> links;  // in document order, duplicates removed
  std::string canonical;              // <link rel=canonical href>, resolved; empty when none
};

PageLinks read_page_links(std::string_view page_url, std::string_view html);

// The images and attachments a post body references (for --images-only):
// <img src>/srcset (and <source>, <video>, <audio> media), and <a href> to
// a Blogger image host or to a file whose extension names a non-HTML media
// type (an image or an attachment). Resolved against `base_url`, normalised,
// each once, in document order.
std::vector<std::string> media_in_body(std::string_view base_url, std::string_view body_html);

}  // namespace blogshift::fetch

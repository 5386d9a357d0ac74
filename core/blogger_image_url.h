// Blogger's image URLs and their size options.
//
// Blogger serves every uploaded image from Google's image servers
// (N.bp.blogspot.com, blogger.googleusercontent.com, lhN.googleusercontent.com,
// lhN.ggpht.com) at any size named in the URL, either as a path segment just
// before the file name or as a suffix after `=`:
//
//   https://1.bp.blogspot.com/-id/X/AAAA/key/s320/photo.jpg      path form
//   https://blogger.googleusercontent.com/img/a/AVvXsEg...=w400-h300   suffix form
//
// The options are dash-separated tokens: `sN` (longest side N; `s0` is the
// original bytes), `wN`, `hN`, `c`/`p` (crop), `h` (an HTML page showing the
// image, in old `/s1600-h/` links), and format flags (`rw`, `no`...).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace blogshift {

// The size every thumbnail is raised to. Google never upscales, so this is
// "as large as the original, up to 1600 pixels": what Blogger's own editor
// linked as the full-size image for years and what every Blogger image
// answers to. `s0` (original bytes) is not used: camera originals can be tens
// of megabytes, and rewriting to it would make every page heavier than the
// blog ever was.
inline constexpr int64_t kLargestImageSide = 1600;

struct ImageSizeOptions {
  size_t begin = 0;          // byte range of the options text in the URL
  size_t end = 0;
  bool suffix = false;       // `=options` rather than a `/options/` segment
  int64_t longest_side = -1; // -1 unknown, 0 original (s0)
  bool cropped = false;      // `c` or `p`: a cropped thumbnail
  bool html_page = false;    // bare `h`: an HTML page around the image
};

// True for the hosts above (lower or mixed case).
bool is_blogger_image_host(std::string_view host);
// The size options of a Blogger image URL, or nullopt for any other URL.
std::optional<ImageSizeOptions> find_size_options(std::string_view url);
// `url` with its options replaced by `options` (e.g. "s1600").
std::string with_size_options(std::string_view url, const ImageSizeOptions& where, std::string_view options);
// The same image at kLargestImageSide when `url` names a smaller, cropped or
// HTML-page variant; otherwise `url` unchanged.
std::string largest_image_url(std::string_view url);
// A key equal for two URLs of the same image at different sizes (scheme,
// server shard number and size options left out).
std::string image_identity(std::string_view url);
// Orders the sizes of one image: larger is bigger; the original (s0 or no
// options) ranks highest; unknown ranks lowest.
int64_t image_size_rank(std::string_view url);

// A Blogger profile's image (an export's author gd:image/@src) as a URL to
// keep: scheme-relative "//lh3..." gets https:, a Blogger image at its
// largest size; "" for no image and for Blogger's placeholders, which are
// theme images served from blogblog.com (b16-rounded.gif, blank.gif), the
// host that never holds a user's upload.
std::string profile_image_url(std::string_view src);

}  // namespace blogshift

// The comments of a post, when asked for (--comments), as a YAML file beside
// it: comments.yaml, one entry per comment in date order. Bodies are
// Markdown; e-mail addresses are left out of the author fields.
#pragma once

#include <string>
#include <vector>

namespace blogshift {

struct CommentEntry {
  std::string id;          // Blogger's comment id
  std::string author;
  std::string author_url;  // profile URL; never a mailto:
  std::string date;        // local time with its offset, RFC 3339
  std::string reply_to;    // the comment it answers, when the source says
  std::string body;        // Markdown
};

// "" for no comments.
std::string write_comments_file(const std::vector<CommentEntry>& comments);

// An author field with any e-mail address removed ("Anonymous" when nothing is left).
std::string without_email(const std::string& author);

}  // namespace blogshift

// One author record of the new site, in the fields python-insider-blog's
// authors collection has (src/content.config.ts: name, bio, github, avatar,
// bluesky, mastodon, website, featured) and twitter, which its author pages
// know: what Blogger has (the name, the profile as the website, the avatar)
// filled in, the rest empty for the site's owner to complete.
#pragma once

#include <string>
#include <vector>

namespace blogshift {

struct AuthorRecord {
  std::string id;       // the file name and the documents' author field
  std::string name;
  std::string website;  // the Blogger profile URL
  std::string avatar;   // a site path ("/authors/<id>.jpg") or the image's URL; "" for none
};

// Astro: content/authors/<id>.json, laid out as python-insider-blog's are.
std::string author_record_json(const AuthorRecord& author);
// Hugo: data/authors/<id>.yaml (.Site.Data.authors.<id>).
std::string author_record_yaml(const AuthorRecord& author);
// Jekyll: _data/authors.yml, one map keyed by id (site.data.authors[page.author]).
std::string authors_data_yaml(const std::vector<AuthorRecord>& authors);

}  // namespace blogshift

// Reads a feed with @rowanmanning/feed-parser (npm; a parser not written
// here) and prints what it understood as JSON: the feed's type and title,
// and per item its id, link, title, publication date and categories.
// Usage: node feed_check.cjs <folder holding node_modules> <feed file>
const path = require("path");
const fs = require("fs");
const { parseFeed } = require(path.join(process.argv[2], "node_modules", "@rowanmanning", "feed-parser"));
const feed = parseFeed(fs.readFileSync(process.argv[3], "utf8"));
process.stdout.write(JSON.stringify({
  type: feed.meta.type,
  title: feed.title,
  items: feed.items.map((item) => ({
    id: item.id,
    url: item.url,
    title: item.title,
    published: item.published ? item.published.toISOString() : null,
    categories: item.categories.map((c) => c.term),
  })),
}) + "\n");

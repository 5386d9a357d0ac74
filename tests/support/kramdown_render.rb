#!/usr/bin/env ruby
# frozen_string_literal: true

# kramdown_render.rb: render Markdown documents the way the Jekyll skeleton's
# site build does (Jekyll 4.3's own kramdown converter, kramdown 2.4 with the
# GFM parser), in one process for many documents.
#
#   ruby tests/support/kramdown_render.rb [CONFIG.yml] < in.json > out.json
#
# stdin:  a JSON array of strings, each one Markdown document (the body only,
#         without front matter).
# stdout: a JSON array of the same length; element i is the HTML for document i,
#         or null when kramdown raised (the message goes to stderr, prefixed
#         with the index).
#
# CONFIG.yml defaults to fixtures/sites/jekyll/_config.yml of this repository.
# Its settings are merged over Jekyll's defaults by Jekyll itself
# (Jekyll::Configuration.from), and each document goes through
# Jekyll::Converters::Markdown::KramdownParser#convert, so the options are
# exactly the site's: input GFM, auto_ids, entity_output as_char, guess_lang,
# syntax_highlighter rouge (default_lang plaintext), plus the file's kramdown:
# block (hard_wrap false, parse_block_html false, smart_quotes, typographic
# symbols). Liquid is not run (the skeleton sets render_with_liquid: false).
#
# Needs the jekyll (4.3), kramdown, kramdown-parser-gfm and rouge gems
# (Debian: apt-get install jekyll ruby-kramdown ruby-kramdown-parser-gfm ruby-rouge).

require "json"
require "yaml"
require "jekyll"

config_path = ARGV[0] || File.expand_path("../../fixtures/sites/jekyll/_config.yml", __dir__)
user_config = YAML.safe_load(File.read(config_path)) || {}
site_config = Jekyll::Configuration.from(user_config)
parser = Jekyll::Converters::Markdown::KramdownParser.new(site_config)

docs = JSON.parse($stdin.read)
raise ArgumentError, "stdin must be a JSON array of strings" unless docs.is_a?(Array)

out = docs.each_with_index.map do |text, i|
  parser.convert(text.to_s)
rescue StandardError => e
  warn "#{i}: #{e.class}: #{e.message}"
  nil
end
$stdout.write(JSON.generate(out))
$stdout.write("\n")

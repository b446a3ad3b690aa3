#pragma once
// The identity of an article in the store: the same text fed again (yesterday's articles in
// today's feed, the same page scraped twice) has the same hash and is not extracted again.
#include <filesystem>
#include <string>
#include <string_view>

namespace incimap {

// SHA-256, as 64 lower-case hex digits, of the text with every run of white space made one
// space and the ends trimmed: a page re-scraped with other line breaks is the same article.
std::string content_hash(std::string_view text);

// SHA-256 of a file's bytes as they are, 64 lower-case hex digits (the outputs' manifest).
// Throws incimap::Error naming the file when it cannot be read.
std::string file_sha256(const std::filesystem::path& file);

}  // namespace incimap

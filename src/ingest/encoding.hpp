#pragma once
// Bytes from a file to clean UTF-8: binary sniffing, encoding fallback, BOM and newlines.
// Internal to the ingest stage; the readers share it so every format follows one rule.
#include <optional>
#include <string>
#include <string_view>

namespace incimap::ingest {

// Why `bytes` (the start of a file, or all of it) is not text: "NUL byte at offset 12",
// "PDF document", ...; nullopt when it looks like text. UTF-16 with a byte order mark is text.
std::optional<std::string> binary_reason(std::string_view bytes);

bool is_valid_utf8(std::string_view bytes);

// The legacy encoding that best explains bytes that are not UTF-8: "windows-1256" when the
// high bytes form runs of Arabic letters, else "windows-1252" (a superset of Latin-1).
const char* guess_legacy_encoding(std::string_view bytes);

// Converts with ICU; characters the encoding does not define become U+FFFD.
std::string convert_to_utf8(std::string_view bytes, const char* charset);

// "\r\n" and lone "\r" become "\n", in place and in one pass.
void normalise_newlines(std::string& text);

struct DecodedText {
    std::string text;      // UTF-8, no BOM, "\n" line ends
    std::string encoding;  // "UTF-8", or the fallback that was used
    bool fell_back() const { return encoding != "UTF-8"; }
};

// The whole rule: UTF-8 and UTF-16 byte order marks honoured and removed, valid UTF-8 kept,
// anything else decoded by guess_legacy_encoding; newlines normalised. Takes ownership so
// that clean UTF-8 (the usual case) is not copied.
DecodedText decode_text(std::string bytes);

// "not valid UTF-8; read as windows-1256 (Arabic)" for a warning problem.
std::string fallback_note(const DecodedText& decoded);

}  // namespace incimap::ingest

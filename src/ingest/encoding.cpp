#include "ingest/encoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <array>
#include <cstring>
#include <memory>

#include "core/error.hpp"

namespace incimap::ingest {

namespace {

struct Signature {
    std::string_view magic;
    const char* what;
};

// File signatures of formats scrapers hand over renamed as text (from each format's
// specification: PDF 1.7 §7.5.2, ZIP APPNOTE 4.3.7, RFC 1952, PNG, JPEG/JFIF, GIF89a, ELF).
constexpr std::array<Signature, 8> binary_signatures{{
    {"%PDF-", "PDF document"},
    {"PK\x03\x04", "ZIP archive (or DOCX/XLSX/ODT)"},
    {"\x1f\x8b", "gzip archive"},
    {"\x89PNG", "PNG image"},
    {"\xff\xd8\xff", "JPEG image"},
    {"GIF8", "GIF image"},
    {"\x7f" "ELF", "executable"},
    {"\xd0\xcf\x11\xe0", "Microsoft Office document"},
}};

bool has_utf16_bom(std::string_view b) {
    return b.starts_with("\xff\xfe") || b.starts_with("\xfe\xff");
}

// Windows-1256 bytes that are Arabic letters or harakat (Microsoft's cp1256 table); the
// others in 0xC0-0xFF are French letters, × and ÷, kept there for Maghreb use.
bool is_cp1256_arabic(unsigned char c) {
    return (c >= 0xC1 && c <= 0xD6) || (c >= 0xD8 && c <= 0xDF) || c == 0xE1 ||
           (c >= 0xE3 && c <= 0xE6) || c == 0xEC || c == 0xED || (c >= 0xF0 && c <= 0xF3) ||
           c == 0xF5 || c == 0xF6 || c == 0xF8 || c == 0xFA;
}

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

ConverterPtr open_converter(const char* name) {
    UErrorCode status = U_ZERO_ERROR;
    ConverterPtr converter(ucnv_open(name, &status));
    if (U_FAILURE(status))
        throw Error(std::string("ICU has no converter for ") + name + ": " + u_errorName(status));
    return converter;
}

}  // namespace

std::optional<std::string> binary_reason(std::string_view bytes) {
    if (has_utf16_bom(bytes)) return std::nullopt;
    for (const auto& sig : binary_signatures)
        if (bytes.starts_with(sig.magic)) return std::string(sig.what);
    if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size()))
        return "NUL byte at offset " +
               std::to_string(static_cast<const char*>(nul) - bytes.data());
    // Control characters other than whitespace and ESC (used by some legacy encodings)
    // do not occur in prose; more than 1% of them means a binary format we did not list.
    std::size_t controls = 0;
    for (unsigned char c : bytes)
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B)
            ++controls;
    if (controls > 0 && controls * 100 > bytes.size())
        return std::to_string(controls) + " control characters";
    return std::nullopt;
}

bool is_valid_utf8(std::string_view bytes) {
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    const auto length = static_cast<int64_t>(bytes.size());
    int64_t i = 0;
    while (i < length) {
        if (s[i] < 0x80) {  // ASCII fast path: most of every input
            ++i;
            continue;
        }
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) return false;
    }
    return true;
}

const char* guess_legacy_encoding(std::string_view bytes) {
    // Arabic words are runs of three or more letter bytes; Latin-1 prose has single accented
    // letters between ASCII ones, and at most short runs ("Größe").
    std::size_t high = 0, arabic_in_words = 0, run = 0;
    auto end_run = [&] {
        if (run >= 3) arabic_in_words += run;
        run = 0;
    };
    for (unsigned char c : bytes) {
        if (c >= 0x80) ++high;
        if (is_cp1256_arabic(c))
            ++run;
        else
            end_run();
    }
    end_run();
    return high > 0 && arabic_in_words * 2 > high ? "windows-1256" : "windows-1252";
}

std::string convert_to_utf8(std::string_view bytes, const char* charset) {
    ConverterPtr from = open_converter(charset);
    ConverterPtr to = open_converter("UTF-8");
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 2);
    // ucnv_convertEx streams through a small pivot buffer, so memory stays at the output size.
    std::array<UChar, 4096> pivot;
    UChar* pivot_source = pivot.data();
    UChar* pivot_target = pivot.data();
    std::array<char, 64 * 1024> chunk;
    const char* source = bytes.data();
    const char* source_end = source + bytes.size();
    bool reset = true;
    for (;;) {
        char* target = chunk.data();
        UErrorCode status = U_ZERO_ERROR;
        ucnv_convertEx(to.get(), from.get(), &target, chunk.data() + chunk.size(), &source,
                       source_end, pivot.data(), &pivot_source, &pivot_target,
                       pivot.data() + pivot.size(), reset, /*flush=*/true, &status);
        reset = false;
        out.append(chunk.data(), static_cast<std::size_t>(target - chunk.data()));
        if (status == U_BUFFER_OVERFLOW_ERROR) continue;
        if (U_FAILURE(status))
            throw Error(std::string("cannot convert from ") + charset + ": " + u_errorName(status));
        return out;
    }
}

void normalise_newlines(std::string& text) {
    const std::size_t n = text.size();
    std::size_t w = text.find('\r');
    if (w == std::string::npos) return;
    for (std::size_t r = w; r < n; ++r) {
        char c = text[r];
        if (c == '\r') {
            c = '\n';
            if (r + 1 < n && text[r + 1] == '\n') ++r;
        }
        text[w++] = c;
    }
    text.resize(w);
}

DecodedText decode_text(std::string bytes) {
    DecodedText out;
    std::string_view view(bytes);
    if (view.starts_with("\xef\xbb\xbf")) {
        bytes.erase(0, 3);
        view = bytes;
    }
    if (view.starts_with("\xff\xfe") || view.starts_with("\xfe\xff")) {
        out.encoding = view[0] == '\xff' ? "UTF-16LE" : "UTF-16BE";
        out.text = convert_to_utf8(view.substr(2), out.encoding.c_str());
    } else if (is_valid_utf8(view)) {
        out.encoding = "UTF-8";
        out.text = std::move(bytes);
    } else {
        out.encoding = guess_legacy_encoding(view);
        out.text = convert_to_utf8(view, out.encoding.c_str());
    }
    normalise_newlines(out.text);
    return out;
}

std::string fallback_note(const DecodedText& decoded) {
    if (decoded.encoding.starts_with("UTF-16")) return "UTF-16 text; read as " + decoded.encoding;
    std::string note = "not valid UTF-8; read as " + decoded.encoding;
    if (decoded.encoding == "windows-1256") note += " (Arabic)";
    else if (decoded.encoding == "windows-1252") note += " (Latin-1)";
    return note;
}

}  // namespace incimap::ingest

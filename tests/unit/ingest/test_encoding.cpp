#include <catch2/catch.hpp>

#include "ingest/encoding.hpp"

using namespace incimap::ingest;

TEST_CASE("valid UTF-8 is recognised and broken sequences are not", "[ingest][encoding]") {
    CHECK(is_valid_utf8("plain ASCII"));
    CHECK(is_valid_utf8("Dayr az Zawr \xd8\xaf\xd9\x8a\xd8\xb1"));  // Arabic letters
    CHECK_FALSE(is_valid_utf8("caf\xe9"));                           // Latin-1 é
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));                          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));                      // UTF-16 surrogate
    CHECK_FALSE(is_valid_utf8("cut \xd8"));                          // truncated at the end
}

TEST_CASE("Arabic high bytes are read as Windows-1256 and accented Latin as Windows-1252",
          "[ingest][encoding]") {
    // "قصف" (shelling) and "مدينة" (city) in Windows-1256.
    CHECK(std::string(guess_legacy_encoding("\xde\xd5\xdd \xe3\xcf\xed\xe4\xc9 2020")) == "windows-1256");
    CHECK(std::string(guess_legacy_encoding("r\xe9sum\xe9 of the caf\xe9 attack")) == "windows-1252");
    CHECK(std::string(guess_legacy_encoding("Gr\xf6\xdf" "e")) == "windows-1252");
}

TEST_CASE("Windows-1256 bytes convert to the Arabic letters they stand for", "[ingest][encoding]") {
    CHECK(convert_to_utf8("\xde\xd5\xdd", "windows-1256") == "\xd9\x82\xd8\xb5\xd9\x81");  // قصف
    CHECK(convert_to_utf8("caf\xe9", "windows-1252") == "caf\xc3\xa9");
    CHECK(convert_to_utf8("\x93quoted\x94", "windows-1252") == "\xe2\x80\x9cquoted\xe2\x80\x9d");
}

TEST_CASE("every Windows-1256 byte counted as Arabic decodes to an Arabic code point",
          "[ingest][encoding]") {
    // Guards the byte table in guess_legacy_encoding against typos: Arabic block U+0600-U+06FF
    // is UTF-8 lead byte 0xD8-0xDB.
    std::string arabic_bytes;
    for (int c = 0xC1; c <= 0xFA; ++c) {
        const std::string one(1, static_cast<char>(c));
        if (std::string(guess_legacy_encoding(one + one + one)) == "windows-1256")
            arabic_bytes += one;
    }
    REQUIRE(arabic_bytes.size() >= 36);
    for (char c : arabic_bytes) {
        const std::string utf8 = convert_to_utf8(std::string(1, c), "windows-1256");
        INFO("byte 0x" << std::hex << (static_cast<int>(c) & 0xFF));
        REQUIRE(utf8.size() == 2);
        CHECK(static_cast<unsigned char>(utf8[0]) >= 0xD8);
        CHECK(static_cast<unsigned char>(utf8[0]) <= 0xDB);
    }
}

TEST_CASE("CRLF and lone CR line ends become LF", "[ingest][encoding]") {
    std::string s = "one\r\ntwo\rthree\n\r\nfour\r";
    normalise_newlines(s);
    CHECK(s == "one\ntwo\nthree\n\nfour\n");
}

TEST_CASE("NUL bytes, known binary signatures and control noise mark a file as binary",
          "[ingest][encoding]") {
    CHECK(binary_reason(std::string("text\0more", 9)).value() == "NUL byte at offset 4");
    CHECK(binary_reason("%PDF-1.7\n%\xe2\xe3\xcf\xd3").value() == "PDF document");
    CHECK(binary_reason("PK\x03\x04rest").has_value());
    CHECK(binary_reason("\x01\x02\x03\x04\x05 mostly control bytes").has_value());
    CHECK_FALSE(binary_reason("An ordinary line.\r\n\tIndented.\f").has_value());
    CHECK_FALSE(binary_reason(std::string("\xff\xfe" "a\0", 4)).has_value());  // UTF-16 text
}

TEST_CASE("decoding removes a UTF-8 byte order mark and keeps clean UTF-8 as it is",
          "[ingest][encoding]") {
    DecodedText d = decode_text("\xef\xbb\xbfTitle\r\nBody");
    CHECK(d.text == "Title\nBody");
    CHECK_FALSE(d.fell_back());
}

TEST_CASE("decoding falls back to a legacy encoding and says which", "[ingest][encoding]") {
    DecodedText d = decode_text("Caf\xe9 owner hurt");
    CHECK(d.text == "Caf\xc3\xa9 owner hurt");
    CHECK(d.encoding == "windows-1252");
    CHECK(fallback_note(d).find("windows-1252") != std::string::npos);
}

TEST_CASE("UTF-16 text with a byte order mark is converted", "[ingest][encoding]") {
    DecodedText d = decode_text(std::string("\xff\xfeO\0k\0", 6));
    CHECK(d.text == "Ok");
    CHECK(d.encoding == "UTF-16LE");
}

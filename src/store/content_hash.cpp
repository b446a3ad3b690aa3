#include "store/content_hash.hpp"

#include <openssl/evp.h>

#include <fstream>
#include <memory>
#include <vector>

#include "core/error.hpp"

namespace incimap {
namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string collapse_white_space(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (unsigned char c : text) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(static_cast<char>(c));
    }
    return out;
}

struct DigestContextDeleter {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

// SHA-256 over the pieces `feed` hands to its callback, as hex.
template <typename Feed>
std::string sha256_hex(Feed&& feed, const char* what) {
    std::unique_ptr<EVP_MD_CTX, DigestContextDeleter> ctx(EVP_MD_CTX_new());
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        throw Error(std::string("SHA-256 of ") + what + " failed (libcrypto)");
    bool ok = true;
    feed([&](const char* data, std::size_t size) {
        ok = ok && EVP_DigestUpdate(ctx.get(), data, size) == 1;
    });
    if (!ok || EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1)
        throw Error(std::string("SHA-256 of ") + what + " failed (libcrypto)");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out.push_back(hex[digest[i] >> 4]);
        out.push_back(hex[digest[i] & 0x0f]);
    }
    return out;
}

}  // namespace

std::string content_hash(std::string_view text) {
    const std::string normal = collapse_white_space(text);
    return sha256_hex([&](auto&& update) { update(normal.data(), normal.size()); }, "an article");
}

std::string file_sha256(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error("cannot open the file to hash it", file.string());
    const std::string hash = sha256_hex(
        [&](auto&& update) {
            std::vector<char> buffer(1 << 16);
            while (in) {
                in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
                if (in.gcount() > 0) update(buffer.data(), static_cast<std::size_t>(in.gcount()));
            }
        },
        "a file");
    if (in.bad()) throw Error("cannot read the file to hash it", file.string());
    return hash;
}

}  // namespace incimap

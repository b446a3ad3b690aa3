#include "gazetteer/tsv_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/error.hpp"

namespace incimap {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t tab = line.find('\t', start);
        out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

TsvReader::TsvReader(const std::filesystem::path& path, const std::vector<std::string>& required)
    : path_(path), in_(path) {
    if (!in_) throw Error("cannot open", path.string());
    std::string header;
    while (std::getline(in_, header)) {
        ++line_;
        if (!trim(header).empty() && header[0] != '#') break;
    }
    for (auto f : split_tabs(trim(header))) header_.emplace_back(trim(f));
    for (const auto& column : required)
        if (std::find(header_.begin(), header_.end(), column) == header_.end())
            throw Error("missing column '" + column + "' in the header", path.string(), line_);
}

bool TsvReader::next() {
    while (std::getline(in_, buffer_)) {
        ++line_;
        if (trim(buffer_).empty() || buffer_[0] == '#') continue;
        if (!buffer_.empty() && buffer_.back() == '\r') buffer_.pop_back();
        fields_ = split_tabs(buffer_);
        if (fields_.size() > header_.size())
            fail("row has " + std::to_string(fields_.size()) + " columns, the header " +
                 std::to_string(header_.size()));
        return true;
    }
    return false;
}

std::string_view TsvReader::get(std::string_view column) const {
    for (std::size_t i = 0; i < header_.size(); ++i)
        if (header_[i] == column) return i < fields_.size() ? trim(fields_[i]) : std::string_view{};
    return {};
}

void TsvReader::fail(const std::string& what) const { throw Error(what, path_.string(), line_); }

std::vector<std::string> split_list(std::string_view text, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(sep, start);
        if (end == std::string_view::npos) end = text.size();
        auto piece = trim(text.substr(start, end - start));
        if (!piece.empty()) out.emplace_back(piece);
        start = end + 1;
    }
    return out;
}

double parse_double(const TsvReader& r, std::string_view column) {
    const auto text = r.get(column);
    double value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size() ||
        !std::isfinite(value))
        r.fail("column '" + std::string(column) + "' is not a number: '" + std::string(text) +
               "'");
    return value;
}

long long parse_int(const TsvReader& r, std::string_view column, long long fallback) {
    const auto text = r.get(column);
    if (text.empty()) return fallback;
    long long value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size()) {
        // Populations sometimes arrive as "1234.0".
        double d = parse_double(r, column);
        return static_cast<long long>(d);
    }
    return value;
}

}  // namespace incimap

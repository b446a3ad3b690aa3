#pragma once
// The gazetteer's tab-separated files: a header row naming the columns, then one record per
// line; no quoting (values never hold tabs or newlines); blank lines and lines starting with
// '#' are skipped. Missing trailing columns read as empty so curators may omit a final note.
// Hand-written because the format is this small and the builder must not depend on GDAL.
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace incimap {

class TsvReader {
public:
    // Throws incimap::Error when the file cannot be opened or a required column is missing.
    TsvReader(const std::filesystem::path& path, const std::vector<std::string>& required);

    // Next record; false at the end. Throws (file:line) when a row has too many columns.
    bool next();
    std::string_view get(std::string_view column) const;
    long line() const { return line_; }
    const std::filesystem::path& path() const { return path_; }
    // incimap::Error at the current line.
    [[noreturn]] void fail(const std::string& what) const;

private:
    std::filesystem::path path_;
    std::ifstream in_;
    std::vector<std::string> header_;
    std::string buffer_;
    std::vector<std::string_view> fields_;
    long line_ = 0;
};

// Split on a separator character, dropping empty pieces and trimming spaces.
std::vector<std::string> split_list(std::string_view text, char sep = '|');

// Number parsing that throws at reader's line on garbage.
double parse_double(const TsvReader& r, std::string_view column);
long long parse_int(const TsvReader& r, std::string_view column, long long fallback);

}  // namespace incimap

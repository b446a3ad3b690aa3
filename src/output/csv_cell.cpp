#include "output/csv_cell.hpp"

#include <cstdlib>
#include <string>

namespace incimap {
namespace {

bool starts_like_formula(std::string_view cell) {
    if (cell.empty()) return false;
    switch (cell.front()) {
        case '=': case '+': case '-': case '@': case '\t': case '\r': return true;
        default: return false;
    }
}

// The whole cell is one decimal number (strtod's grammar, without hex, inf or nan).
bool is_plain_number(std::string_view cell) {
    if (cell.find_first_not_of("+-.0123456789eE") != std::string_view::npos) return false;
    const std::string text(cell);
    char* end = nullptr;
    std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size();
}

}  // namespace

std::string neutralise_formula(std::string_view cell) {
    if (!starts_like_formula(cell) || is_plain_number(cell)) return std::string(cell);
    return "'" + std::string(cell);
}

std::string csv_field(std::string_view cell) {
    const std::string safe = neutralise_formula(cell);
    if (safe.find_first_of(",\"\n\r") == std::string::npos) return safe;
    std::string out = "\"";
    for (char c : safe) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace incimap

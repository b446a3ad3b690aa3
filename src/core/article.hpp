#pragma once
#include <optional>
#include <string>

#include "core/date.hpp"

namespace incimap {

// One news report as read from an input file.
struct Article {
    std::string id;                 // file stem, JSON `id`, or CSV id column
    std::string title;
    std::string text;               // UTF-8, page furniture not yet removed
    std::optional<Date> published;  // publication date, if known
    std::string source;             // outlet
    std::string url;
    std::string origin;             // "file" or "file:line" it came from, for error messages
};

}  // namespace incimap

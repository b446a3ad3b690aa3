#pragma once
#include <string>

namespace incimap::cli {
// Multi-line report of incimap's version and the library versions in use at run time.
std::string version_report();
}  // namespace incimap::cli

#pragma once
// The project XML inside an incimap.qgz, read through GDAL's zip file system (braces: GDAL
// knows zip archives by their extension, and .qgz is not among them). Empty when the archive
// or its incimap.qgs cannot be read.
#include <cpl_vsi.h>

#include <filesystem>
#include <string>

namespace incimap::test {

inline std::string qgs_text(const std::filesystem::path& qgz) {
    const std::string inside = "/vsizip/{" + qgz.string() + "}/incimap.qgs";
    VSILFILE* file = VSIFOpenL(inside.c_str(), "rb");
    if (!file) return {};
    std::string text;
    char buffer[65536];
    for (std::size_t n; (n = VSIFReadL(buffer, 1, sizeof buffer, file)) > 0;) text.append(buffer, n);
    VSIFCloseL(file);
    return text;
}

}  // namespace incimap::test

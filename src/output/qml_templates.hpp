#pragma once
// The QML templates of src/output/styles/, compiled into the library by CMake so that a
// run needs no file beside the binary.
#include <string_view>

namespace incimap {

// The template named after its file without extension ("incidents", "choropleth", ...);
// throws incimap::Error for an unknown name (a build problem, not a user error).
std::string_view qml_template(std::string_view name);

}  // namespace incimap

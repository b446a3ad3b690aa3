#pragma once
// A small gazetteer compiled from tests/data/gazetteer and the real OCHA polygons of
// gazetteer/, built once per test process in the build tree.
#include <unistd.h>

#include <filesystem>
#include <string>

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/gazetteer_builder.hpp"
#include "shared_data.hpp"

namespace incimap::test {

// One folder per process: CTest runs test cases of this executable in parallel processes.
inline std::filesystem::path scratch_dir(const std::string& name) {
    const auto dir = binary_dir() / "test-tmp" / "gazetteer" /
                     (std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline std::filesystem::path fixture_sources() {
    namespace fs = std::filesystem;
    const auto dir = scratch_dir("sources");
    for (const auto& entry : fs::directory_iterator(source_dir() / "tests/data/gazetteer"))
        fs::copy_file(entry.path(), dir / entry.path().filename());
    for (const char* f : {"ocha_admin0.geojson", "ocha_admin1.geojson", "ocha_admin2.geojson"})
        fs::copy_file(source_dir() / "gazetteer" / f, dir / f);
    return dir;
}

struct FixtureGazetteer {
    std::filesystem::path path;
    GazetteerBuildReport report;
    std::unique_ptr<Gazetteer> gazetteer;
};

inline const FixtureGazetteer& fixture_gazetteer() {
    static const FixtureGazetteer fixture = [] {
        FixtureGazetteer f;
        f.path = scratch_dir("db") / "gazetteer.sqlite";
        f.report = build_gazetteer(fixture_sources(), f.path);
        f.gazetteer = Gazetteer::open(f.path);
        return f;
    }();
    return fixture;
}

}  // namespace incimap::test

namespace incimap::test {

// The gazetteer compiled from the committed files of gazetteer/: the build tree's when the
// `gazetteer_db` target has made it, else compiled here once.
inline std::filesystem::path real_gazetteer_path() {
    static const std::filesystem::path path = [] {
        const auto built = binary_dir() / "gazetteer.sqlite";
        if (std::filesystem::exists(built)) return built;
        const auto here = scratch_dir("real") / "gazetteer.sqlite";
        build_gazetteer(source_dir() / "gazetteer", here);
        return here;
    }();
    return path;
}

inline const Gazetteer& real_gazetteer() {
    static const auto gazetteer = Gazetteer::open(real_gazetteer_path());
    return *gazetteer;
}

}  // namespace incimap::test

#include "pipeline/output_manifest.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "core/error.hpp"
#include "output/heatmap_file.hpp"
#include "store/content_hash.hpp"

namespace incimap {

namespace fs = std::filesystem;

const char* const manifest_file_name = ".incimap-manifest.json";

OutputManifest describe_outputs(const fs::path& dir, const std::vector<fs::path>& files,
                                std::string settings, std::string store_state) {
    OutputManifest manifest;
    manifest.settings = std::move(settings);
    manifest.store_state = std::move(store_state);
    for (const fs::path& file : files) {
        const fs::path path = dir / file.filename();
        manifest.files[file.filename().string()] = {fs::file_size(path), file_sha256(path)};
    }
    return manifest;
}

void write_manifest(const OutputManifest& manifest, const fs::path& dir) {
    nlohmann::json j;
    j["settings"] = manifest.settings;
    j["store"] = manifest.store_state;
    nlohmann::json& files = j["files"] = nlohmann::json::object();
    for (const auto& [name, file] : manifest.files)
        files[name] = {{"size", file.size}, {"sha256", file.sha256}};
    const std::string text = j.dump(1) + "\n";
    write_file_atomically(dir / manifest_file_name, [&](const fs::path& tmp) {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out)
            throw Error("cannot write the outputs' manifest", (dir / manifest_file_name).string());
    });
}

std::optional<OutputManifest> read_manifest(const fs::path& dir) {
    std::ifstream in(dir / manifest_file_name, std::ios::binary);
    if (!in) return std::nullopt;
    // A damaged manifest only means the outputs are written again.
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("files") || !j["files"].is_object()) return std::nullopt;
    try {
        OutputManifest manifest;
        manifest.settings = j.at("settings").get<std::string>();
        manifest.store_state = j.at("store").get<std::string>();
        for (const auto& [name, file] : j["files"].items())
            manifest.files[name] = {file.at("size").get<std::uintmax_t>(),
                                    file.at("sha256").get<std::string>()};
        return manifest;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

bool outputs_match(const OutputManifest& manifest, const fs::path& dir, const std::string& settings,
                   const std::string& store_state) {
    if (manifest.settings != settings || manifest.store_state != store_state) return false;
    if (manifest.files.empty()) return false;
    for (const auto& [name, file] : manifest.files) {
        const fs::path path = dir / name;
        std::error_code ec;
        // The size first: a cut file is found without reading it.
        if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) != file.size || ec)
            return false;
        try {
            if (file_sha256(path) != file.sha256) return false;
        } catch (const Error&) {
            return false;
        }
    }
    return true;
}

}  // namespace incimap

#pragma once
// What a run's outputs are, written last as DIR/.incimap-manifest.json: the settings they
// were made with, the state of the store they show, and every file's size and SHA-256.
// A re-run with nothing new calls the outputs up to date only when every file still has the
// size and hash the manifest lists (docs/store.md): a file cut short by a full disk, removed,
// or replaced by hand is written again, whatever the last run recorded.
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace incimap {

struct OutputManifest {
    struct File {
        std::uintmax_t size = 0;
        std::string sha256;
        bool operator==(const File&) const = default;
    };
    std::string settings;               // run_settings() of the run that wrote the files
    std::string store_state;            // what the store held then (see IncidentStore::state())
    std::map<std::string, File> files;  // by file name inside the output directory
};

// The manifest of `files` (each inside `dir`), hashing each one.
OutputManifest describe_outputs(const std::filesystem::path& dir,
                                const std::vector<std::filesystem::path>& files,
                                std::string settings, std::string store_state);

// Written atomically and synced, after every file it lists.
void write_manifest(const OutputManifest& manifest, const std::filesystem::path& dir);

// The manifest of `dir`; nullopt when there is none or it cannot be read.
std::optional<OutputManifest> read_manifest(const std::filesystem::path& dir);

// True when the manifest has these settings and store state and every file it lists is in
// `dir` with its size and hash.
bool outputs_match(const OutputManifest& manifest, const std::filesystem::path& dir,
                   const std::string& settings, const std::string& store_state);

// The manifest's file name, for the folder's tidy-up to leave it alone.
extern const char* const manifest_file_name;

}  // namespace incimap

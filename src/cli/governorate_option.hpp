#pragma once
// `--governorate NAME|PCODE`, the same for run, map, heatmap and brief: any spelling the
// gazetteer knows for a governorate ("Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Idlib",
// "Hasakah", "Raqqa province", OCHA's "Ar-Raqqa") or its P-code ("SY09", "sy09").
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

namespace incimap::cli {

struct Governorate {
    std::string pcode;  // OCHA P-code, SY01..SY14: what the filters compare with
    std::string name;   // OCHA English name, for titles
};

// The governorate `text` names, looked up in the gazetteer at `gazetteer_path` (empty: the
// default one). When it names none, writes "incimap: error: unknown governorate ..." with
// the list of governorates to `err` and returns nullopt: the caller exits with
// exit_code::usage. Throws incimap::Error when the gazetteer cannot be read.
std::optional<Governorate> governorate_option(const std::string& text,
                                              const std::filesystem::path& gazetteer_path,
                                              std::ostream& err);

}  // namespace incimap::cli

#pragma once
// Options that choose and weigh the incidents of the layers, the same for `run` and `map`,
// and the date check every subcommand with a date option uses.
#include <CLI/CLI.hpp>
#include <string>

#include "output/layer_writer.hpp"

namespace incimap::cli {

// CLI11 validator: empty when `text` is a date as YYYY-MM-DD, else the message.
std::string check_date(const std::string& text);

// CLI11 validators with messages a user can read (CLI::PositiveNumber prints its range as
// "0.000000 to 1797693134862315708145...").
// A whole number from `min` to `max`: "must be a whole number from 1 to 1024, not 0".
CLI::Validator whole_number(long min, long max);
// A number greater than 0: "must be a number greater than 0, not -3".
CLI::Validator positive_number();

struct LayerArgs {
    std::string format = "GeoJSON";
    std::string weight = "casualties";
    std::string from;
    std::string to;
    std::string governorate;
    std::string role = "current";
    int min_precision = 3;

    // Declares -f/--format, --weight, --from, --to, --governorate, --role, --min-precision.
    void add_to(CLI::App& app);
    // The layer options they give. Throws incimap::Error for a usage error found before any
    // work: an unknown format, a weight expression that does not parse, --to before --from.
    LayerOptions layer_options() const;
};

}  // namespace incimap::cli

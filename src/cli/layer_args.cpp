#include "cli/layer_args.hpp"

#include "core/date.hpp"
#include "core/error.hpp"
#include "output/weight_expression.hpp"

namespace incimap::cli {

std::string check_date(const std::string& text) {
    return Date::parse_iso(text) ? std::string() : "expected a date as YYYY-MM-DD: " + text;
}

CLI::Validator whole_number(long min, long max) {
    const std::string range = "from " + std::to_string(min) + " to " + std::to_string(max);
    return CLI::Validator(
        [=](std::string& text) -> std::string {
            std::size_t used = 0;
            long value = 0;
            try {
                value = std::stol(text, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used == 0 || used != text.size() || value < min || value > max)
                return "must be a whole number " + range + ", not " + text;
            return {};
        },
        "INT " + range);
}

CLI::Validator positive_number() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            std::size_t used = 0;
            double value = 0;
            try {
                value = std::stod(text, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used == 0 || used != text.size() || !(value > 0))
                return "must be a number greater than 0, not " + text;
            return {};
        },
        "NUMBER > 0");
}

void LayerArgs::add_to(CLI::App& app) {
    app.add_option("-f,--format", format,
                   "Per-layer files beside incidents.gpkg: GeoJSON, FlatGeobuf, CSV, or GPKG for "
                   "the GeoPackage only")
        ->capture_default_str();
    app.add_option("--weight", weight,
                   "Incident weight: killed, casualties, or an expression over killed, injured, "
                   "captured such as killed*2+injured")
        ->capture_default_str();
    app.add_option("--from", from, "First event date on the map, YYYY-MM-DD")->check(check_date);
    app.add_option("--to", to, "Last event date on the map, YYYY-MM-DD")->check(check_date);
    app.add_option("--governorate", governorate,
                   "Only this governorate (any spelling the gazetteer knows, or P-code)");
    app.add_option("--role", role, "current, background or all incidents")
        ->capture_default_str()
        ->check(CLI::IsMember({"current", "background", "all"}));
    app.add_option("--min-precision", min_precision,
                   "Worst geo-precision kept: 1 named places, 2 also near/offset, 3 all")
        ->capture_default_str()
        ->check(CLI::Range(1, 3));
}

LayerOptions LayerArgs::layer_options() const {
    LayerOptions o;
    o.format = parse_layer_format(format);
    (void)WeightExpression::parse(weight);  // a typo is a usage error before any work
    o.weight = weight;
    IncidentFilter& f = o.filter;
    if (!from.empty()) f.from = Date::parse_iso(from);
    if (!to.empty()) f.to = Date::parse_iso(to);
    if (f.from && f.to && *f.to < *f.from) throw Error("--to " + to + " is before --from " + from);
    f.governorate = governorate;
    f.role = parse_role_filter(role);
    f.min_precision = min_precision;
    return o;
}

}  // namespace incimap::cli

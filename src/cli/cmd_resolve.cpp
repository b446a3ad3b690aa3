// incimap resolve NAME [--context TEXT] [--gazetteer FILE] [--json] [--limit N]
// Prints the places NAME can mean, best first, with the reasons for each score.
// Exit codes: 0 (also when nothing matches: "[]" or "no match"), 2 usage, 3 gazetteer missing
// or unreadable (thrown as incimap::Error, reported by main).
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "gazetteer/gazetteer.hpp"
#include "gazetteer/resolver.hpp"

namespace incimap::cli {
namespace {

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (const std::string& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

nlohmann::json to_json(const Candidate& c) {
    const Place& p = c.place;
    return {
        {"id", p.id},
        {"name", p.name},
        {"name_ar", p.name_ar},
        {"lat", p.point.lat},
        {"lon", p.point.lon},
        {"admin1_name", p.admin.admin1_name},
        {"admin1_pcode", p.admin.admin1_pcode},
        {"admin2_name", p.admin.admin2_name},
        {"admin2_pcode", p.admin.admin2_pcode},
        {"feature_type", p.feature_type},
        {"country_code", p.country_code},
        {"population", p.population},
        {"precision_km", p.precision_km},
        {"source", p.source},
        {"score", c.score},
        {"reasons", c.reasons},
    };
}

std::string admin_cell(const std::string& name, const std::string& pcode) {
    if (pcode.empty()) return "-";
    return name + " (" + pcode + ")";
}

void print_table(std::ostream& out, const std::vector<Candidate>& candidates) {
    char line[512];
    std::snprintf(line, sizeof line, "%-3s %-28s %9s %9s  %-26s %-30s %-15s %6s  %s\n", "#", "name", "lat",
                  "lon", "governorate", "district", "type", "score", "why");
    out << line;
    int rank = 0;
    for (const Candidate& c : candidates) {
        const Place& p = c.place;
        std::string name = p.name;
        if (p.country_code != "SY" && !p.country_code.empty()) name += " [" + p.country_code + "]";
        std::snprintf(line, sizeof line, "%-3d %-28s %9.5f %9.5f  %-26s %-30s %-15s %6.2f  ", ++rank,
                      name.c_str(), p.point.lat, p.point.lon,
                      admin_cell(p.admin.admin1_name, p.admin.admin1_pcode).c_str(),
                      admin_cell(p.admin.admin2_name, p.admin.admin2_pcode).c_str(), p.feature_type.c_str(),
                      c.score);
        out << line << join(c.reasons, "; ") << '\n';
    }
}

class ResolveCommand final : public Command {
public:
    std::string name() const override { return "resolve"; }
    std::string synopsis() const override {
        return "Rank the places a name can mean (Latin or Arabic script), optionally given the text around it";
    }
    void setup(CLI::App& app) override {
        app.add_option("NAME", name_, "Place name as written, e.g. \"al-Tayba\" or \"تدمر\"")->required();
        app.add_option("--context", context_,
                       "Text the name appears in (sentence or article): governorate, country and "
                       "nearby-place clues are read from it");
        app.add_option("--gazetteer", gazetteer_path_,
                       "Gazetteer database (default: $INCIMAP_GAZETTEER, else gazetteer.sqlite beside "
                       "the executable or in the build tree)");
        app.add_flag("--json", json_, "Print one JSON array, best first");
        app.add_option("--limit", limit_, "Show at most N candidates (0: all)")->check(CLI::NonNegativeNumber);
    }
    int run() override {
        const auto path = gazetteer_path_.empty() ? Gazetteer::default_path() : std::filesystem::path(gazetteer_path_);
        const std::unique_ptr<Gazetteer> gazetteer = Gazetteer::open(path);
        const Resolver resolver(*gazetteer);
        ResolveContext context;
        context.text = context_;
        std::vector<Candidate> candidates = resolver.resolve(name_, context);
        if (limit_ > 0 && candidates.size() > limit_) candidates.resize(limit_);

        if (json_) {
            nlohmann::json array = nlohmann::json::array();
            for (const Candidate& c : candidates) array.push_back(to_json(c));
            std::cout << array.dump(2) << '\n';
        } else if (candidates.empty()) {
            std::cout << "no match for \"" << name_ << "\"\n";
        } else {
            print_table(std::cout, candidates);
        }
        return exit_code::ok;
    }

private:
    std::string name_;
    std::string context_;
    std::string gazetteer_path_;
    bool json_ = false;
    std::size_t limit_ = 10;
};

}  // namespace

std::unique_ptr<Command> make_resolve_command() { return std::make_unique<ResolveCommand>(); }

}  // namespace incimap::cli

// One run, one selection: every figure the same in the GeoPackage, GeoJSON, CSV, the briefing
// and the heatmap (docs/figures.md); and the smaller things an analyst reads beside them.
#include <catch2/catch.hpp>
#include <map>
#include <regex>

#include "cli_fixtures.hpp"

using namespace incimap::test;
namespace fs = std::filesystem;

namespace {

// The dated incidents of the examples, so that the briefing (which counts dated incidents
// only) and the layers count the same ones.
const std::vector<std::string> year_2023 = {"--from", "2023-01-01", "--to", "2023-12-31"};

std::vector<std::string> with_dates(std::vector<std::string> args) {
    args.insert(args.end(), year_2023.begin(), year_2023.end());
    return args;
}

// Each governorate's figures as the briefing writes them: "SY09: 2 incidents, 5 killed, 1-3
// injured; ...".
using ByGovernorate = std::map<std::string, std::string>;

std::string figures(const std::string& incidents, const std::string& killed,
                    const std::string& injured) {
    return incidents + " incidents, " + killed + " killed, " + injured + " injured";
}

std::string text_of(const ByGovernorate& by_governorate) {
    std::string out;
    for (const auto& [pcode, f] : by_governorate) out += pcode + ": " + f + "; ";
    return out;
}

std::map<std::string, std::string> fields_of(const std::string& dumped_row) {
    std::map<std::string, std::string> fields;
    std::size_t at = 0;
    for (std::size_t bar; (bar = dumped_row.find('|', at)) != std::string::npos; at = bar + 1) {
        const std::string cell = dumped_row.substr(at, bar - at);
        const auto eq = cell.find('=');
        if (eq != std::string::npos) fields[cell.substr(0, eq)] = cell.substr(eq + 1);
    }
    return fields;
}

std::string range_text(const std::string& low, const std::string& high) {
    return low == high ? low : low + "-" + high;
}

std::string from_layer(const fs::path& dataset, const std::string& layer) {
    ByGovernorate out;
    for (const auto& row : feature_dump(dataset, layer)) {
        auto f = fields_of(row);
        if (f["incidents"] == "0") continue;  // the briefing lists governorates with incidents
        out[f["admin1_pcode"]] =
            figures(f["incidents"], range_text(f["killed_low"], f["killed_high"]),
                    range_text(f["injured_low"], f["injured_high"]));
    }
    return text_of(out);
}

std::string from_brief(const std::string& html, std::string& total_incidents) {
    ByGovernorate out;
    const std::string cell = R"(</td><td class="n">([^<]*))";
    // A governorate's row; the total row, with no P-code, is read apart.
    const std::regex row("<tr><td>[^<]*</td><td>([^<]+)" + cell + cell + cell);
    const auto section = html.substr(html.find("<section id=\"governorates\">"));
    for (std::sregex_iterator it(section.begin(), section.end(), row), end; it != end; ++it)
        out[(*it)[1]] = figures((*it)[2], (*it)[3], (*it)[4]);
    std::smatch total;
    if (std::regex_search(section, total, std::regex("<tfoot><tr><td>Total</td><td>" + cell)))
        total_incidents = total[1];
    return text_of(out);
}

// "heatmap: 7 incidents from ... (total 43), ..." -> {7, 43}
std::pair<long, double> heatmap_figures(const std::string& out) {
    std::smatch m;
    REQUIRE(
        std::regex_search(out, m, std::regex(R"(heatmap: (\d+) incidents.*\(total ([0-9.]+)\))")));
    return {std::stol(m[1]), std::stod(m[2])};
}

// Incidents with a point, and the sum of their casualties, in an incidents layer.
std::pair<long, double> mapped(const fs::path& dataset) {
    long points = 0;
    double casualties = 0;
    for (const auto& row : feature_dump(dataset, "incidents")) {
        if (!contains(row, "POINT")) continue;
        ++points;
        casualties += std::stod(fields_of(row)["casualties"]);
    }
    return {points, casualties};
}

}  // namespace

TEST_CASE("every figure of a run is the same in GeoPackage, GeoJSON, CSV, briefing and heatmap",
          "[cli][figures]") {
    ExampleRun run;
    const fs::path csv = run.path("csv"), json = run.path("json");
    for (const auto& [out, format] : {std::pair{csv, "CSV"}, std::pair{json, "GeoJSON"}}) {
        const auto r =
            run_incimap(with_dates({"map", run.run.string(), "-o", out.string(), "-f", format}));
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
    }
    const auto brief = run_incimap(
        with_dates({"brief", run.run.string(), "-o", run.path("brief/brief.html").string()}));
    INFO(brief.err);
    REQUIRE(brief.exit_code == 0);
    const auto heat = run_incimap(with_dates(
        {"heatmap", run.run.string(), "-o", run.path("heat/heatmap.tif").string(), "--no-png"}));
    INFO(heat.err);
    REQUIRE(heat.exit_code == 0);

    const std::string gpkg = from_layer(csv / "incidents.gpkg", "governorates");
    CHECK(contains(gpkg, "SY09: 2 incidents"));
    CHECK(from_layer(json / "governorates.geojson", "") == gpkg);
    CHECK(from_layer(csv / "governorates.csv", "") == gpkg);
    CHECK(from_layer(json / "governorate_points.geojson", "") == gpkg);
    std::string brief_total;
    CHECK(from_brief(read_text(run.path("brief/brief.html")), brief_total) == gpkg);
    long governorate_sum = 0;
    for (const auto& row : feature_dump(csv / "incidents.gpkg", "governorates"))
        governorate_sum += std::stol(fields_of(row)["incidents"]);
    CHECK(brief_total == std::to_string(governorate_sum));

    // The heatmap weighs the incidents layer's points by their casualties.
    const auto [points, casualties] = mapped(csv / "incidents.gpkg");
    CHECK(points == governorate_sum);
    CHECK(mapped(json / "incidents.geojson") == std::pair{points, casualties});
    CHECK(mapped(csv / "incidents.csv") == std::pair{points, casualties});
    CHECK(heatmap_figures(heat.out) == std::pair{points, casualties});
}

TEST_CASE(
    "after a filtered map into the run folder, heatmap and brief still count the same "
    "incidents",
    "[cli][figures]") {
    ExampleRun run;
    const auto map = run_incimap(
        {"map", run.run.string(), "-o", run.run.string(), "--governorate", "Deir ez-Zor"});
    INFO(map.err);
    REQUIRE(map.exit_code == 0);
    REQUIRE(feature_count(run.run / "incidents.geojson", "incidents") == 2);

    const auto heat = run_incimap(with_dates({"heatmap", run.run.string(), "--no-png"}));
    const auto brief = run_incimap(with_dates({"brief", run.run.string()}));
    INFO(heat.err << brief.err);
    REQUIRE(heat.exit_code == 0);
    REQUIRE(brief.exit_code == 0);
    CHECK(heatmap_figures(heat.out).first == 7);
    CHECK(contains(brief.out, "brief: 7 incidents in Syria"));
}

TEST_CASE(
    "brief --period names the store it read and compares with no period before the data "
    "begin",
    "[cli][brief]") {
    ExampleRun run;
    const fs::path html = run.path("q2/brief.html");
    // The examples begin on 13 March 2023, inside the first quarter that Q2 would compare with.
    const auto r = run_incimap(
        {"brief", run.run.string(), "--period", "2023-04..2023-06", "-o", html.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const std::string page = read_text(html);
    const fs::path store = run.run / "incimap.sqlite";
    CHECK(contains(page, "Source: incimap store " + store.string() + "<"));
    CHECK(fs::exists(store));
    CHECK(contains(page, "The data begin on 13 Mar 2023"));
    CHECK_FALSE(contains(page, "Compared with"));
    CHECK(contains(read_text(run.path("q2/brief.md")), "The data begin on 13 Mar 2023"));
}

TEST_CASE("extract --json and run both give an impossible date no date", "[cli][dates]") {
    TempDir dir("cli-dates");
    const fs::path text = dir.path() / "feb30.txt";
    write_text(text,
               "Car bomb in Homs\n\nOn February 30, 2017, a car bomb killed five people "
               "in the city of Homs, police said.\n");
    const auto extracted = run_incimap({"extract", text.string(), "--json"});
    INFO(extracted.err);
    REQUIRE(extracted.exit_code == 0);
    const auto first = nlohmann::json::parse(extracted.out.substr(0, extracted.out.find('\n')));
    CHECK(first["event_date"].is_null());
    CHECK_FALSE(contains(extracted.out, "2017-02-30"));

    const fs::path out = dir.path() / "run";
    const auto stored = run_incimap({"run", text.string(), "-o", out.string()});
    INFO(stored.err);
    REQUIRE(stored.exit_code == 0);
    CHECK(store_count(out / "incimap.sqlite",
                      "SELECT count(*) FROM incidents WHERE event_date IS NOT NULL") == 0);
    CHECK(store_count(out / "incimap.sqlite", "SELECT count(*) FROM incidents") >= 1);
}

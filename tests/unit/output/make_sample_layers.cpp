// Writes the map layers of invented incidents, for the tests that open them with real
// clients (tests/qgis, tests/postgis) before extraction is wired into `incimap run`.
//   make_sample_layers OUT [EXTRA]   OUT: a directory or a PG:... connection string;
//                                    EXTRA: how many more generated incidents (default 40)
// Exit codes: 0 written, 1 error, 2 usage.
#include <cmath>
#include <iostream>

#include "core/error.hpp"
#include "layer_fixtures.hpp"
#include "output/layer_writer.hpp"

using namespace incimap;

namespace {
// Deterministic incidents spread over the two invented governorates.
std::vector<Incident> generated(int count) {
    const char* types[] = {"air_strike", "shelling", "ied", "armed_clash", "abduction"};
    std::vector<Incident> out;
    for (int n = 0; n < count; ++n) {
        const double lon = 36.1 + std::fmod(n * 0.377, 1.8);
        const double lat = 32.1 + std::fmod(n * 0.291, 3.8);
        const bool north = lat >= 34;
        const bool west = lon < 37;
        const Place place = test::make_place(
            2000 + n, "Generated place " + std::to_string(n), lon, lat, north ? "SY91" : "SY92",
            north ? "Northland" : "Southland", north ? (west ? "SY9101" : "SY9102") : "SY9201");
        out.push_back(test::make_incident("gen-" + std::to_string(n), "art-gen-" + std::to_string(n / 4),
                                          IncidentRole::current, types[n % 5],
                                          Date{2024, 1 + n % 12, 1 + n % 28}, n % 7, n % 3,
                                          place, 1 + n % 2));
    }
    return out;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3) {
        std::cerr << "usage: make_sample_layers OUT_DIR|PG:... [EXTRA_INCIDENTS]\n";
        return 2;
    }
    try {
        const std::string out = argv[1];
        const int extra = argc == 3 ? std::stoi(argv[2]) : 40;
        test::TempDir scratch{"sample-admin"};
        auto incidents = test::sample_incidents();
        for (auto& i : generated(extra)) incidents.push_back(std::move(i));
        LayerOptions options;
        options.admin_source = test::make_admin_source(scratch.path());
        const auto report = write_layers(incidents, test::sample_articles(), options, out);
        for (const auto& [layer, count] : report.layers) std::cout << layer << ' ' << count << '\n';
        return 0;
    } catch (const Error& e) {
        std::cerr << "make_sample_layers: error: " << e.located() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "make_sample_layers: error: " << e.what() << '\n';
        return 1;
    }
}

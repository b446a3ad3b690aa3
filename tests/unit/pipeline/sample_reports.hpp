#pragma once
// Random reports of every kind the merge tells apart, for the tests that a merge through an
// index, or continued from the store, equals comparing every report with every incident.
#include <random>
#include <string>
#include <vector>

#include "store/incident_store.hpp"
#include "store_fixtures.hpp"

namespace incimap::test {

struct SamplePlace {
    LonLat point;
    const char* pcode;
};
// Towns a few to a few dozen kilometres apart in Homs and Deir ez-Zor, so that every distance
// rule is crossed both ways.
inline constexpr SamplePlace places[] = {
    {{38.87, 34.88}, "SY04"}, {{38.97, 34.88}, "SY04"}, {{38.27, 34.56}, "SY04"},
    {{38.60, 34.75}, "SY04"}, {{40.14, 35.33}, "SY09"}, {{40.20, 35.30}, "SY09"},
    {{39.30, 35.00}, "SY09"},
};
inline const char* const types[] = {"ambush",   "armed_clash",     "attack",    "ied",
                                    "landmine", "other_explosion", "air_strike"};

// Reports of every kind the merge tells apart: dated to the day, week or month, undated with
// and without a publication date, at a town, at governorate level or in a desert region,
// some placed by an offset from their place, several from one article.
inline std::vector<StoredReport> random_reports(unsigned seed, int count) {
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    std::vector<StoredReport> out;
    for (int i = 0; i < count; ++i) {
        const SamplePlace& place = places[pick(std::size(places))];
        const int day = 1 + pick(20);
        const std::string date =
            pick(5) == 0 ? "" : "2023-03-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
        StoredReport r;
        r.report_id = 10 + i;
        r.article_key = 1 + i / 2 - pick(2);
        if (pick(4) != 0) r.published = Date::parse_iso("2023-03-2" + std::to_string(pick(10)));
        const int place_id = 500 + static_cast<int>(&place - places);
        r.incident = test::make_report(
            "art" + std::to_string(r.article_key), types[pick(std::size(types))], date, place_id,
            "Place" + std::to_string(place_id), place.point, pick(4) == 0 ? -1 : pick(8));
        r.incident.incident_id += "-" + std::to_string(i % 3);  // some ids repeat
        if (!date.empty()) {
            const DatePrecision precisions[] = {DatePrecision::day, DatePrecision::day,
                                                DatePrecision::week, DatePrecision::month};
            r.incident.date_precision = precisions[pick(4)];
        }
        r.incident.where.admin.admin1_pcode = place.pcode;
        r.incident.evidence = pick(2) ? "A bus was hit on the road." : "A patrol was hit.";
        if (pick(4) == 0) {
            r.incident.where.geo_precision = 3;
            if (pick(2)) {
                r.incident.where.place->feature_type = "desert";
                r.incident.where.place->precision_km = 60;
            } else {
                r.incident.where.place->feature_type = "governorate";
            }
        } else if (pick(8) == 0) {
            // "40 km east of" the place: the same place, a point far from it.
            r.incident.where.point.lon += 0.45;
        }
        if (pick(10) == 0) r.incident.where.place.reset();
        r.incident.role = pick(5) == 0 ? IncidentRole::background : IncidentRole::current;
        out.push_back(std::move(r));
    }
    return out;
}

// The same reports with actors, victims and confidences varied, so that every field
// merge_reports() folds differs between them.
inline std::vector<StoredReport> vary_actors(std::vector<StoredReport> reports, unsigned seed) {
    std::mt19937 rng(seed);
    const char* const actors[] = {"", "", "ISIS", "SDF"};
    const char* const victims[] = {"", "", "", "civilians"};
    for (StoredReport& r : reports) {
        r.incident.actor = actors[rng() % 4];
        r.incident.victims = victims[rng() % 4];
        r.incident.confidence = 0.5 + 0.1 * static_cast<double>(rng() % 5);
    }
    return reports;
}

}  // namespace incimap::test

#pragma once
// A place of the gazetteer, and a ranked candidate for a name as written.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace incimap {

struct LonLat {
    double lon = 0;
    double lat = 0;
};

// OCHA COD-AB admin units of a point (empty strings outside Syria).
struct AdminUnits {
    std::string admin1_name;
    std::string admin1_pcode;  // SY01..SY14
    std::string admin2_name;
    std::string admin2_pcode;  // SY0100..SY1402
    bool empty() const { return admin1_pcode.empty(); }
};

// Feature types, as stored in the gazetteer's places.feature_type column:
// country, governorate, district, city, town, village, neighbourhood, camp, region, desert,
// mountain, oil_field, gas_field, military_base, airport, border_crossing, road, orchard, other.
struct Place {
    std::int64_t id = 0;          // gazetteer row id (stable: WOF id, GeoNames id, or supplement id)
    std::string name;             // preferred Latin name
    std::string name_ar;          // Arabic name, if any
    std::string feature_type;
    std::string country_code;     // ISO 3166-1 alpha-2, "SY" for Syria
    LonLat point;                 // representative point (for a road: its middle)
    AdminUnits admin;             // from point-in-polygon against OCHA polygons
    std::int64_t population = 0;
    double precision_km = 1.0;    // radius within which the real place lies
    std::string source;           // wof, geonames, supplement:<source>, ocha
    std::string line_wkt;         // WKT LINESTRING for roads, else empty
};

struct Candidate {
    Place place;
    double score = 0;             // higher is better; comparable within one query only
    std::vector<std::string> reasons;  // why it scored as it did, for `resolve` and evidence
    bool exact_name = false;      // the name as written is the place's own (or written in full)
    // The text's own support for this place: hinted governorate, closeness to resolved points
    // and to other places named (0 when the text says nothing for it).
    double context_support = 0;
    // The text names governorates or places, and this candidate is in or near none of them.
    bool contradicted = false;
    // Share of the text's country words that name this candidate's country (0..1).
    double country_share = 0;
};

}  // namespace incimap

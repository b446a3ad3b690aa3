#include "gazetteer/gazetteer_sources.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "core/error.hpp"
#include "gazetteer/gazetteer_schema.hpp"
#include "gazetteer/tsv_reader.hpp"
#include "gazetteer/resolver.hpp"  // great_circle_km
#include "geo/geos_shapes.hpp"
#include "text/name_key.hpp"

namespace incimap {
namespace fs = std::filesystem;
namespace schema = gazetteer_schema;

void SourcePlace::add_name(std::string_view name, std::string_view kind) {
    if (name.empty()) return;
    for (const auto& n : names)
        if (n.name == name) return;
    names.push_back({std::string(name), std::string(kind)});
}

namespace {

// Settlement classes by population, and the radius within which the real place lies around
// its point. The thresholds follow the usual city/town/village split of gazetteers (GeoNames
// PPL classes carry no size); the radii are rough built-up extents at those sizes.
struct SettlementClass {
    long long min_population;
    const char* feature_type;
    double precision_km;
};
constexpr SettlementClass kSettlementClasses[] = {
    {100'000, "city", 5.0},
    {10'000, "town", 2.0},
    {0, "village", 1.0},
};

const SettlementClass& settlement_class(long long population) {
    for (const auto& c : kSettlementClasses)
        if (population >= c.min_population) return c;
    return kSettlementClasses[std::size(kSettlementClasses) - 1];
}

// Rough radius of an admin unit, for precision_km of governorate and district places.
constexpr double kGovernorateRadiusKm = 60.0;
constexpr double kDistrictRadiusKm = 25.0;

nlohmann::json read_json(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw Error("cannot open", path.string());
    try {
        return nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("not valid JSON: ") + e.what(), path.string());
    }
}

std::string prop(const nlohmann::json& props, const std::string& key) {
    auto it = props.find(key);
    return it != props.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// "SY0405" -> 405: the digits of a P-code, for the admin id ranges.
std::int64_t pcode_number(const std::string& pcode, const fs::path& file) {
    if (pcode.size() < 3 || pcode.compare(0, 2, "SY") != 0 ||
        !std::all_of(pcode.begin() + 2, pcode.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw Error("unexpected P-code '" + pcode + "'", file.string());
    return std::stoll(pcode.substr(2));
}

void read_admin_level(const fs::path& path, int level, GazetteerSources& out) {
    const auto doc = read_json(path);
    const std::string n = std::to_string(level);
    long count = 0;
    for (const auto& feature : doc.at("features")) {
        const auto& props = feature.at("properties");
        AdminArea area;
        area.level = level;
        area.pcode = prop(props, "ADM" + n + "_PCODE");
        area.name = prop(props, "ADM" + n + "_EN");
        area.name_ar = prop(props, "ADM" + n + "_AR");
        if (level == 2) {
            area.parent_pcode = prop(props, "ADM1_PCODE");
            area.parent_name = prop(props, "ADM1_EN");
        }
        for (const char* alt : {"_REF", "ALT1EN", "ALT2EN", "ALT1AR", "ALT2AR"}) {
            auto value = prop(props, "ADM" + n + alt);
            if (!value.empty()) area.alt_names.push_back(value);
        }
        if (area.pcode.empty()) throw Error("feature without ADM" + n + "_PCODE", path.string());
        out.admin.add_geojson(area, feature.at("geometry").dump());
        const AdminArea& added = out.admin.areas().back();

        SourcePlace sp;
        Place& p = sp.place;
        p.id = (level == 1 ? schema::admin1_base : schema::admin2_base) +
               pcode_number(added.pcode, path);
        p.name = added.name;
        p.name_ar = added.name_ar;
        p.feature_type = level == 1 ? "governorate" : "district";
        p.country_code = "SY";
        p.point = added.representative;
        p.precision_km = level == 1 ? kGovernorateRadiusKm : kDistrictRadiusKm;
        p.source = "ocha";
        p.admin = level == 1 ? AdminUnits{added.name, added.pcode, {}, {}}
                             : AdminUnits{added.parent_name, added.parent_pcode, added.name,
                                          added.pcode};
        sp.add_name(p.name, "preferred");
        sp.add_name(p.name_ar, "arabic");
        for (const auto& alt : added.alt_names) sp.add_name(alt, has_arabic(alt) ? "arabic" : "variant");
        out.places.push_back(std::move(sp));
        ++count;
    }
    out.counts[path.filename().string()] = count;
}

void read_syria(const fs::path& path, GazetteerSources& out) {
    const auto doc = read_json(path);
    const auto& feature = doc.at("features").at(0);
    const auto& props = feature.at("properties");
    SourcePlace sp;
    Place& p = sp.place;
    p.id = schema::country_base + ('S' - 'A') * 26 + ('Y' - 'A');
    p.name = "Syria";
    p.name_ar = prop(props, "ADM0_AR");
    p.feature_type = "country";
    p.country_code = "SY";
    p.point = point_on_surface_of_geojson(feature.at("geometry").dump());
    p.precision_km = 250.0;  // half the country's width: a country is no place to pin a point
    p.source = "ocha";
    sp.add_name(p.name, "preferred");
    sp.add_name(prop(props, "ADM0_EN"), "variant");
    sp.add_name(p.name_ar, "arabic");
    out.places.push_back(std::move(sp));
    out.counts[path.filename().string()] = 1;
}

void add_names(SourcePlace& sp, const std::vector<std::string>& names) {
    for (const auto& n : names) sp.add_name(n, has_arabic(n) ? "arabic" : "variant");
}

// GeoNames ids already in the gazetteer (WOF concordances and neighbours.tsv rows), so that a
// later file does not add the same GeoNames place twice.
using GeonamesIds = std::unordered_set<long long>;

void read_wof(const fs::path& path, GazetteerSources& out, GeonamesIds& geonames) {
    TsvReader r(path, {"wof_id", "name", "name_ara", "variants", "lat", "lon", "population",
                       "placetype"});
    long count = 0;
    while (r.next()) {
        if (const long long gn = parse_int(r, "geonames_id", 0); gn > 0) geonames.insert(gn);
        SourcePlace sp;
        Place& p = sp.place;
        p.id = parse_int(r, "wof_id", 0);
        p.name = r.get("name");
        p.name_ar = r.get("name_ara");
        p.point = {parse_double(r, "lon"), parse_double(r, "lat")};
        p.population = parse_int(r, "population", 0);
        p.country_code = "SY";
        p.source = "wof";
        const auto placetype = r.get("placetype");
        const auto& cls = settlement_class(p.population);
        p.feature_type = cls.feature_type;
        p.precision_km = cls.precision_km;
        if (placetype == "neighbourhood") p.feature_type = "neighbourhood";
        if (placetype == "campus") p.feature_type = "airport";  // WOF's one SY campus
        sp.add_name(p.name, "preferred");
        sp.add_name(p.name_ar, "arabic");
        add_names(sp, split_list(r.get("name_eng")));
        add_names(sp, split_list(r.get("variants")));
        out.places.push_back(std::move(sp));
        ++count;
    }
    out.counts[path.filename().string()] = count;
}

void read_neighbours(const fs::path& path, GazetteerSources& out, GeonamesIds& geonames) {
    TsvReader r(path, {"geonames_id", "name", "asciiname", "alternatenames", "lat", "lon",
                       "country_code", "population"});
    long count = 0;
    while (r.next()) {
        SourcePlace sp;
        Place& p = sp.place;
        p.id = parse_int(r, "geonames_id", 0);
        geonames.insert(p.id);
        p.name = r.get("name");
        p.point = {parse_double(r, "lon"), parse_double(r, "lat")};
        p.population = parse_int(r, "population", 0);
        p.country_code = r.get("country_code");
        p.source = "geonames";
        const auto& cls = settlement_class(p.population);
        p.feature_type = cls.feature_type;
        p.precision_km = cls.precision_km;
        sp.add_name(p.name, "preferred");
        sp.add_name(r.get("asciiname"), "variant");
        const auto alternates = split_list(r.get("alternatenames"));
        for (const auto& a : alternates)
            if (p.name_ar.empty() && has_arabic(a)) p.name_ar = a;
        add_names(sp, alternates);
        out.places.push_back(std::move(sp));
        ++count;
    }
    out.counts[path.filename().string()] = count;
}

std::int64_t supplement_id(const TsvReader& r, std::int64_t base) {
    const long long id = parse_int(r, "id", -1);
    if (id < 0 || id >= schema::supplement_line_base - schema::supplement_base)
        r.fail("supplement id must be a small non-negative integer");
    return base + id;
}

void fill_supplement_common(const TsvReader& r, SourcePlace& sp, std::int64_t id_base) {
    Place& p = sp.place;
    p.id = supplement_id(r, id_base);
    p.name = r.get("name");
    if (p.name.empty()) r.fail("supplement row without a name");
    p.feature_type = r.get("feature_type");
    if (p.feature_type.empty()) p.feature_type = "other";
    const auto precision = r.get("precision_km");
    p.precision_km = precision.empty() ? 1.0 : parse_double(r, "precision_km");
    p.source = "supplement:" + std::string(r.get("source"));
    sp.add_name(p.name, "preferred");
}

void read_supplement(const fs::path& path, GazetteerSources& out) {
    TsvReader r(path, {"id", "name", "variants", "feature_type", "lat", "lon"});
    long count = 0;
    while (r.next()) {
        SourcePlace sp;
        fill_supplement_common(r, sp, schema::supplement_base);
        Place& p = sp.place;
        p.name_ar = r.get("name_ar");
        p.point = {parse_double(r, "lon"), parse_double(r, "lat")};
        p.country_code = r.get("country_code");
        if (p.country_code.empty()) p.country_code = "SY";
        sp.add_name(p.name_ar, "arabic");
        add_names(sp, split_list(r.get("variants")));
        out.places.push_back(std::move(sp));
        ++count;
    }
    out.counts[path.filename().string()] = count;
}

void read_supplement_lines(const fs::path& path, GazetteerSources& out) {
    TsvReader r(path, {"id", "name", "variants", "feature_type", "wkt"});
    long count = 0;
    while (r.next()) {
        SourcePlace sp;
        fill_supplement_common(r, sp, schema::supplement_line_base);
        Place& p = sp.place;
        if (!r.get("name_ar").empty()) p.name_ar = r.get("name_ar");
        p.line_wkt = r.get("wkt");
        try {
            p.point = line_middle_of_wkt(p.line_wkt);
        } catch (const Error& e) {
            r.fail(e.what());
        }
        p.country_code = "SY";
        if (p.feature_type == "other") p.feature_type = "road";
        sp.add_name(p.name_ar, "arabic");
        add_names(sp, split_list(r.get("variants")));
        out.places.push_back(std::move(sp));
        ++count;
    }
    out.counts[path.filename().string()] = count;
}

// A row of neighbourhoods.tsv names a place already in the gazetteer when it carries the
// GeoNames id of one, or when one of its names has the exact key of a name of a place within
// kDuplicateRadiusKm (WOF has a few city quarters, e.g. Maydan and Mezze of Damascus).
constexpr double kDuplicateRadiusKm = 2.0;

// Default radius of a quarter's built-up area around its point.
constexpr double kNeighbourhoodRadiusKm = 2.0;

bool is_settlement_like(const Place& p) {
    return p.feature_type != "governorate" && p.feature_type != "district" &&
           p.feature_type != "country" && p.line_wkt.empty();
}

void read_neighbourhoods(const fs::path& path, GazetteerSources& out, const GeonamesIds& geonames) {
    // name key -> indexes of the places bearing it, over everything read so far.
    std::unordered_map<std::string, std::vector<std::size_t>> by_key;
    for (std::size_t i = 0; i < out.places.size(); ++i) {
        if (!is_settlement_like(out.places[i].place)) continue;
        for (const auto& n : out.places[i].names) {
            const auto key = name_keys(n.name).exact;
            if (!key.empty()) by_key[key].push_back(i);
        }
    }
    static const std::unordered_set<std::string> kTypes = {"neighbourhood", "camp", "village"};
    TsvReader r(path, {"id", "name", "variants", "feature_type", "lat", "lon"});
    long count = 0;
    while (r.next()) {
        SourcePlace sp;
        Place& p = sp.place;
        const long long id = parse_int(r, "id", -1);
        if (id < 0 || id >= 100'000'000) r.fail("neighbourhood id must be a small non-negative integer");
        p.id = schema::neighbourhood_base + id;
        p.name = r.get("name");
        if (p.name.empty()) r.fail("neighbourhood row without a name");
        p.feature_type = r.get("feature_type");
        if (p.feature_type.empty()) p.feature_type = "neighbourhood";
        if (!kTypes.count(p.feature_type))
            r.fail("feature_type must be neighbourhood, camp or village, not '" + p.feature_type + "'");
        p.name_ar = r.get("name_ar");
        p.point = {parse_double(r, "lon"), parse_double(r, "lat")};
        const auto precision = r.get("precision_km");
        p.precision_km = !precision.empty() ? parse_double(r, "precision_km")
                         : p.feature_type == "village" ? 1.0
                                                       : kNeighbourhoodRadiusKm;
        p.country_code = "SY";
        p.source = "neighbourhoods:" + std::string(r.get("source"));
        sp.add_name(p.name, "preferred");
        sp.add_name(p.name_ar, "arabic");
        add_names(sp, split_list(r.get("variants")));

        const std::string where = path.filename().string() + ":" + std::to_string(r.line());
        if (const long long gn = parse_int(r, "geonames_id", 0); gn > 0 && geonames.count(gn)) {
            out.warnings.push_back(where + ": '" + p.name + "' has GeoNames id " + std::to_string(gn) +
                                   ", already in the gazetteer; skipped");
            continue;
        }
        const Place* twin = nullptr;
        double twin_km = 0;
        for (const auto& n : sp.names) {
            auto it = by_key.find(name_keys(n.name).exact);
            if (it == by_key.end()) continue;
            for (std::size_t i : it->second) {
                const double km = great_circle_km(p.point, out.places[i].place.point);
                if (km <= kDuplicateRadiusKm && (!twin || km < twin_km)) {
                    twin = &out.places[i].place;
                    twin_km = km;
                }
            }
        }
        if (twin) {
            std::ostringstream msg;
            msg.precision(2);
            msg << where << ": '" << p.name << "' is " << std::fixed << twin_km << " km from '"
                << twin->name << "' (" << twin->source << ", id " << twin->id
                << ") of the same name; skipped";
            out.warnings.push_back(msg.str());
            continue;
        }
        out.places.push_back(std::move(sp));
        ++count;
    }
    out.counts[path.filename().string()] = count;
}

// place_ref: wof:<id>, supplement:<id>, supplement_line:<id>, neighbourhood:<id>,
// admin1:<pcode>, admin2:<pcode>, country:<ISO2>.
void read_exonyms(const fs::path& path, GazetteerSources& out) {
    std::unordered_map<std::int64_t, std::size_t> by_id;
    std::unordered_map<std::string, std::size_t> countries;
    for (std::size_t i = 0; i < out.places.size(); ++i) {
        by_id[out.places[i].place.id] = i;
        if (out.places[i].place.feature_type == "country")
            countries.emplace(out.places[i].place.country_code, i);
    }
    TsvReader r(path, {"place_ref", "variant"});
    long count = 0;
    while (r.next()) {
        const auto ref = r.get("place_ref");
        const auto colon = ref.find(':');
        const auto kind = ref.substr(0, colon);
        const std::string value(colon == std::string_view::npos ? "" : ref.substr(colon + 1));
        std::optional<std::size_t> target;
        auto find_id = [&](std::int64_t id) -> std::optional<std::size_t> {
            auto it = by_id.find(id);
            return it == by_id.end() ? std::nullopt : std::optional(it->second);
        };
        try {
            if (kind == "wof") target = find_id(std::stoll(value));
            else if (kind == "supplement") target = find_id(schema::supplement_base + std::stoll(value));
            else if (kind == "supplement_line")
                target = find_id(schema::supplement_line_base + std::stoll(value));
            else if (kind == "neighbourhood")
                target = find_id(schema::neighbourhood_base + std::stoll(value));
            else if (kind == "admin1") target = find_id(schema::admin1_base + pcode_number(value, path));
            else if (kind == "admin2") target = find_id(schema::admin2_base + pcode_number(value, path));
            else if (kind == "country") {
                auto it = countries.find(value);
                if (it != countries.end()) target = it->second;
            } else
                r.fail("unknown place_ref kind '" + std::string(kind) + "'");
        } catch (const std::invalid_argument&) {
            r.fail("bad place_ref '" + std::string(ref) + "'");
        } catch (const std::out_of_range&) {
            r.fail("bad place_ref '" + std::string(ref) + "'");
        }
        if (!target) {
            out.warnings.push_back(path.string() + ":" + std::to_string(r.line()) +
                                   ": no place for '" + std::string(ref) + "', skipped");
            continue;
        }
        out.places[*target].add_name(r.get("variant"), "exonym");
        ++count;
    }
    out.counts[path.filename().string()] = count;
}

void assign_admin_units(GazetteerSources& out) {
    for (auto& sp : out.places) {
        Place& p = sp.place;
        if (p.feature_type == "governorate" || p.feature_type == "district" ||
            p.feature_type == "country")
            continue;
        // A town across the border is in no Syrian unit, however near it lies: the 5 km
        // nearest-district rule of AdminLookup is for Syrian villages the generalised OCHA
        // outline leaves out, not for Al Qa'im or Ceylanpinar.
        if (!p.country_code.empty() && p.country_code != "SY") {
            p.admin = {};
            continue;
        }
        p.admin = out.admin.at(p.point);
    }
}

void check_unique_ids(const GazetteerSources& out) {
    std::unordered_map<std::int64_t, const Place*> seen;
    for (const auto& sp : out.places) {
        auto [it, fresh] = seen.emplace(sp.place.id, &sp.place);
        if (!fresh)
            throw Error("two places share id " + std::to_string(sp.place.id) + ": '" +
                        it->second->name + "' (" + it->second->source + ") and '" +
                        sp.place.name + "' (" + sp.place.source + ")");
    }
}

}  // namespace

GazetteerSources read_gazetteer_sources(const fs::path& dir) {
    GazetteerSources out;
    read_admin_level(dir / "ocha_admin1.geojson", 1, out);
    read_admin_level(dir / "ocha_admin2.geojson", 2, out);
    if (fs::exists(dir / "ocha_admin0.geojson")) read_syria(dir / "ocha_admin0.geojson", out);
    GeonamesIds geonames;
    read_wof(dir / "wof_places.tsv", out, geonames);
    if (fs::exists(dir / "neighbours.tsv")) read_neighbours(dir / "neighbours.tsv", out, geonames);
    if (fs::exists(dir / "supplement.tsv")) read_supplement(dir / "supplement.tsv", out);
    if (fs::exists(dir / "supplement_lines.tsv"))
        read_supplement_lines(dir / "supplement_lines.tsv", out);
    if (fs::exists(dir / "neighbourhoods.tsv"))
        read_neighbourhoods(dir / "neighbourhoods.tsv", out, geonames);
    check_unique_ids(out);
    if (fs::exists(dir / "exonyms.tsv")) read_exonyms(dir / "exonyms.tsv", out);
    assign_admin_units(out);
    return out;
}

}  // namespace incimap

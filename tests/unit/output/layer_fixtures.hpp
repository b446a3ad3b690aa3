#pragma once
// Invented places, polygons and incidents for the layer tests: two square "governorates"
// (Northland SY91, Southland SY92) split into three districts, and four incidents.
#include <filesystem>
#include <string>
#include <vector>

#include "core/article.hpp"
#include "core/incident.hpp"
#include "geo/gdal_dataset.hpp"
#include "temp_dir.hpp"

namespace incimap::test {

// Rings listed clockwise on purpose: RFC 7946 output must turn them counter-clockwise.
inline std::string square_wkt(double x0, double y0, double x1, double y1) {
    auto p = [](double x, double y) { return std::to_string(x) + " " + std::to_string(y); };
    return "MULTIPOLYGON (((" + p(x0, y0) + ", " + p(x0, y1) + ", " + p(x1, y1) + ", " +
           p(x1, y0) + ", " + p(x0, y0) + ")))";
}

// A GeoPackage with the gazetteer's admin1 and admin2 tables.
inline std::filesystem::path make_admin_source(const std::filesystem::path& dir) {
    const auto path = dir / "admin.gpkg";
    GdalDataset ds = GdalDataset::create("GPKG", path.string());
    struct Unit { const char* pcode; const char* name; const char* name_ar; const char* parent;
                  const char* parent_name; double x0, y0, x1, y1; };
    const Unit admin1[] = {{"SY91", "Northland", "الشمال", "", "", 36, 34, 38, 36},
                           {"SY92", "Southland", "الجنوب", "", "", 36, 32, 38, 34}};
    const Unit admin2[] = {{"SY9101", "West North", "", "SY91", "Northland", 36, 34, 37, 36},
                           {"SY9102", "East North", "", "SY91", "Northland", 37, 34, 38, 36},
                           {"SY9201", "All South", "", "SY92", "Southland", 36, 32, 38, 34}};
    auto write = [&](const std::string& level, const auto& units, bool with_parent) {
        OGRLayer& layer = ds.create_layer(level, wkbMultiPolygon);
        add_field(layer, level + "_pcode", OFTString);
        add_field(layer, level + "_name", OFTString);
        add_field(layer, level + "_name_ar", OFTString);
        if (with_parent) {
            add_field(layer, "admin1_pcode", OFTString);
            add_field(layer, "admin1_name", OFTString);
        }
        for (const auto& u : units) {
            OGRFeatureUniquePtr f{OGRFeature::CreateFeature(layer.GetLayerDefn())};
            f->SetField((level + "_pcode").c_str(), u.pcode);
            f->SetField((level + "_name").c_str(), u.name);
            f->SetField((level + "_name_ar").c_str(), u.name_ar);
            if (with_parent) {
                f->SetField("admin1_pcode", u.parent);
                f->SetField("admin1_name", u.parent_name);
            }
            OGRGeometry* g = nullptr;
            const std::string wkt = square_wkt(u.x0, u.y0, u.x1, u.y1);
            OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g);
            f->SetGeometryDirectly(g);
            create_feature(layer, *f, path.string());
        }
    };
    write("admin1", admin1, false);
    write("admin2", admin2, true);
    ds.close();
    return path;
}

inline Place make_place(std::int64_t id, const std::string& name, double lon, double lat,
                        const std::string& a1, const std::string& a1_name,
                        const std::string& a2, const std::string& type = "village") {
    Place p;
    p.id = id;
    p.name = name;
    p.feature_type = type;
    p.country_code = "SY";
    p.point = {lon, lat};
    p.admin = {a1_name, a1, a2.empty() ? "" : a2 + " district", a2};
    return p;
}

inline Incident make_incident(const std::string& id, const std::string& article,
                              IncidentRole role, const std::string& type,
                              std::optional<Date> date, std::optional<int> killed,
                              std::optional<int> injured, const Place& place, int precision) {
    Incident i;
    i.incident_id = id;
    i.article_id = article;
    i.role = role;
    i.event_type = type;
    i.event_date = date;
    i.date_precision = date ? DatePrecision::day : DatePrecision::unknown;
    if (killed) i.casualties.killed = Count::exact(*killed);
    if (injured) i.casualties.injured = Count::exact(*injured);
    i.actor = "a made-up armed group";
    i.victims = "civilians";
    i.where.text = "in " + place.name;
    i.where.place = place;
    i.where.point = place.point;
    i.where.geo_precision = precision;
    i.where.admin = place.admin;
    i.where.country_code = "SY";
    i.evidence = "An invented sentence about " + place.name + ".";
    i.confidence = 0.8;
    return i;
}

// A: Northland west, 4 killed 6 injured. B: Northland east, 2 killed. C: Southland, a
// background incident with 10 killed. D: Southland, governorate-level, no date, 3 captured.
inline std::vector<Incident> sample_incidents() {
    const Place alder = make_place(101, "Alder Village", 36.5, 35.0, "SY91", "Northland", "SY9101");
    const Place birch = make_place(102, "Birch Town", 37.5, 35.5, "SY91", "Northland", "SY9102", "town");
    const Place cedar = make_place(103, "Cedar", 37.0, 33.0, "SY92", "Southland", "SY9201");
    const Place south = make_place(900, "Southland", 37.2, 33.1, "SY92", "Southland", "", "governorate");
    std::vector<Incident> v;
    v.push_back(make_incident("inc-a", "art-1", IncidentRole::current, "air_strike",
                              Date{2024, 3, 5}, 4, 6, alder, 1));
    v.push_back(make_incident("inc-b", "art-1", IncidentRole::current, "shelling",
                              Date{2024, 3, 9}, 2, std::nullopt, birch, 2));
    v.push_back(make_incident("inc-c", "art-2", IncidentRole::background, "ied",
                              Date{2023, 12, 30}, 10, std::nullopt, cedar, 1));
    Incident d = make_incident("inc-d", "art-2", IncidentRole::current, "armed_clash",
                               std::nullopt, std::nullopt, std::nullopt, south, 3);
    d.casualties.captured = Count::exact(3);
    v.push_back(d);
    return v;
}

inline std::vector<Article> sample_articles() {
    Article a1;
    a1.id = "art-1";
    a1.title = "Strikes hit two villages";
    a1.published = Date{2024, 3, 10};
    a1.source = "Example Wire";
    a1.url = "https://example.org/1";
    Article a2;
    a2.id = "art-2";
    a2.title = "Clashes in the south";
    a2.published = Date{2024, 3, 11};
    a2.source = "Example Post";
    a2.url = "https://example.org/2";
    Article a3;  // no incident links to it
    a3.id = "art-3";
    a3.title = "Weather";
    return {a1, a2, a3};
}

}  // namespace incimap::test

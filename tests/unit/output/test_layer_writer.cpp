#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "core/error.hpp"
#include "layer_fixtures.hpp"
#include "output/incident_reader.hpp"
#include "output/layer_writer.hpp"
#include "published_folder.hpp"

using namespace incimap;
using nlohmann::json;

namespace {
json read_json(const std::filesystem::path& path) {
    std::ifstream in{path};
    return json::parse(in);
}

// Shoelace formula with lon as x and lat as y: positive for counter-clockwise rings.
double signed_area(const json& ring) {
    double sum = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i)
        sum += ring[i][0].get<double>() * ring[i + 1][1].get<double>() -
               ring[i + 1][0].get<double>() * ring[i][1].get<double>();
    return sum / 2;
}

struct Written {
    test::TempDir dir{"writer"};
    std::filesystem::path out = dir.path() / "out";
    LayerOptions options;
    LayerReport report;
    explicit Written(LayerFormat format = LayerFormat::geojson) {
        options.format = format;
        options.admin_source = test::make_admin_source(dir.path());
        report = write_layers(test::sample_incidents(), test::sample_articles(), options, out);
    }
};

long count_of(GdalDataset& ds, const std::string& layer) {
    return static_cast<long>(ds.layer(layer).GetFeatureCount());
}
}  // namespace

TEST_CASE("GeoJSON layers follow RFC 7946: no crs, lon/lat, 6 decimals, counter-clockwise rings",
          "[writer]") {
    Written w;
    for (const char* name : {"incidents", "governorates", "governorate_points", "districts",
                             "places", "articles"})
        REQUIRE(std::filesystem::exists(w.out / (std::string(name) + ".geojson")));

    const json incidents = read_json(w.out / "incidents.geojson");
    CHECK(incidents["type"] == "FeatureCollection");
    CHECK_FALSE(incidents.contains("crs"));
    CHECK_FALSE(incidents.contains("name"));
    REQUIRE(incidents["features"].size() == 3);
    for (const auto& f : incidents["features"]) {
        if (f["properties"]["incident_id"] == "inc-a") {
            CHECK(f["geometry"]["coordinates"] == json::array({36.5, 35.0}));
            CHECK(f["properties"]["event_date"] == "2024-03-05");
            CHECK(f["properties"]["casualties"] == 10);
        }
        if (f["properties"]["incident_id"] == "inc-d") CHECK(f["properties"]["event_date"].is_null());
        for (const char* p : {"incident_id", "article_id", "role", "event_type", "event_date",
                              "date_precision", "killed", "injured", "captured", "killed_low",
                              "killed_high", "actor", "victims", "place_text", "place_name",
                              "place_id", "geo_precision", "admin1_name", "admin1_pcode",
                              "admin2_name", "admin2_pcode", "evidence", "confidence",
                              "casualties", "weight"})
            CHECK(f["properties"].contains(p));
    }

    const json points = read_json(w.out / "governorate_points.geojson");
    const std::regex too_precise{R"(\.\d{7,})"};
    for (const auto& f : points["features"])
        CHECK_FALSE(std::regex_search(f["geometry"]["coordinates"].dump(), too_precise));

    const json governorates = read_json(w.out / "governorates.geojson");
    CHECK_FALSE(governorates.contains("crs"));
    REQUIRE(governorates["features"].size() == 2);
    for (const auto& f : governorates["features"]) {
        // GDAL's RFC 7946 writer turns one-part multipolygons into polygons.
        const auto& geometry = f["geometry"];
        const json& outer = geometry["type"] == "MultiPolygon" ? geometry["coordinates"][0][0]
                                                               : geometry["coordinates"][0];
        CHECK((geometry["type"] == "MultiPolygon" || geometry["type"] == "Polygon"));
        // The source rings are clockwise; RFC 7946 wants exterior rings counter-clockwise.
        CHECK(signed_area(outer) > 0);
    }
    CHECK(read_json(w.out / "articles.geojson")["features"][0]["geometry"].is_null());
}

TEST_CASE("the GeoPackage holds every layer in EPSG:4326 with real Date fields", "[writer]") {
    Written w;
    GdalDataset gpkg = GdalDataset::open_vector((w.out / "incidents.gpkg").string());
    CHECK(count_of(gpkg, "incidents") == 3);
    CHECK(count_of(gpkg, "governorates") == 2);
    CHECK(count_of(gpkg, "governorate_points") == 2);
    CHECK(count_of(gpkg, "districts") == 3);
    CHECK(count_of(gpkg, "places") == 3);
    CHECK(count_of(gpkg, "articles") == 2);

    OGRLayer& incidents = gpkg.layer("incidents");
    const OGRSpatialReference* srs = incidents.GetSpatialRef();
    REQUIRE(srs);
    CHECK(std::string(srs->GetAuthorityCode(nullptr)) == "4326");
    OGRFeatureDefn* defn = incidents.GetLayerDefn();
    CHECK(defn->GetFieldDefn(defn->GetFieldIndex("event_date"))->GetType() == OFTDate);
    CHECK(defn->GetFieldDefn(defn->GetFieldIndex("killed"))->GetType() == OFTInteger);
    CHECK(defn->GetFieldDefn(defn->GetFieldIndex("place_id"))->GetType() == OFTInteger64);
    CHECK(defn->GetFieldDefn(defn->GetFieldIndex("weight"))->GetType() == OFTReal);
    CHECK(gpkg.layer("governorates").GetLayerDefn()->GetGeomType() == wkbMultiPolygon);
    CHECK(gpkg.layer("articles").GetLayerDefn()->GetGeomType() == wkbNone);
    CHECK(incidents.TestCapability(OLCFastSpatialFilter));  // the R-tree index exists
}

TEST_CASE("the GeoPackage carries default QGIS styles and layer metadata", "[writer]") {
    Written w;
    GdalDataset gpkg = GdalDataset::open_vector((w.out / "incidents.gpkg").string());
    OGRLayer& styles = gpkg.layer("layer_styles");
    std::map<std::string, std::string> qml;
    for (auto& row : styles) {
        CHECK(row->GetFieldAsInteger("useAsDefault") == 1);
        CHECK(std::string(row->GetFieldAsString("f_geometry_column")) == "geom");
        qml[row->GetFieldAsString("f_table_name")] = row->GetFieldAsString("styleQML");
    }
    REQUIRE(qml.size() == 5);
    CHECK_THAT(qml["incidents"], Catch::Contains("type=\"categorizedSymbol\" attr=\"event_type\""));
    CHECK_THAT(qml["incidents"], Catch::Contains("value=\"air_strike\""));
    CHECK_THAT(qml["incidents"], Catch::Contains("scale_exp(&quot;weight&quot;"));
    CHECK_THAT(qml["incidents"], Catch::Contains("startField=\"event_date\""));
    CHECK_THAT(qml["governorates"], Catch::Contains("type=\"graduatedSymbol\" attr=\"casualties\""));
    CHECK_THAT(qml["governorates"], Catch::Contains("fieldName=\"admin1_name\""));
    CHECK_THAT(qml["governorates"], Catch::Contains("labelsEnabled=\"1\""));

    OGRLayer* contents = gpkg.get().ExecuteSQL(
        "SELECT identifier, description FROM gpkg_contents WHERE table_name = 'incidents'",
        nullptr, nullptr);
    REQUIRE(contents);
    OGRFeatureUniquePtr row{contents->GetNextFeature()};
    REQUIRE(row);
    CHECK(std::string(row->GetFieldAsString(0)) == "Incidents");
    CHECK_THAT(std::string(row->GetFieldAsString(1)), Catch::Contains("GeoNames"));
    gpkg.get().ReleaseResultSet(contents);
    const char* attribution = gpkg.layer("governorates").GetMetadataItem("ABSTRACT");
    REQUIRE(attribution);
    CHECK_THAT(std::string(attribution), Catch::Contains("OCHA"));
}

TEST_CASE("FlatGeobuf and CSV are alternatives for the per-layer files", "[writer]") {
    {
        Written w{LayerFormat::flatgeobuf};
        CHECK(std::filesystem::exists(w.out / "incidents.fgb"));
        CHECK(std::filesystem::exists(w.out / "governorates.fgb"));
        CHECK(std::filesystem::exists(w.out / "articles.csv"));  // FlatGeobuf needs geometry
        GdalDataset fgb = GdalDataset::open_vector((w.out / "incidents.fgb").string());
        CHECK(fgb.get().GetLayer(0)->GetFeatureCount() == 3);
    }
    {
        Written w{LayerFormat::csv};
        GdalDataset csv = GdalDataset::open_vector((w.out / "incidents.csv").string());
        OGRLayer* layer = csv.get().GetLayer(0);
        CHECK(layer->GetFeatureCount() == 3);
        CHECK(layer->GetLayerDefn()->GetFieldIndex("X") >= 0);
        CHECK(std::filesystem::exists(w.out / "governorates.csv"));
    }
    CHECK(parse_layer_format("geojson") == LayerFormat::geojson);
    CHECK(parse_layer_format("GPKG") == LayerFormat::gpkg);
    CHECK_THROWS_AS(parse_layer_format("KML"), Error);
}

TEST_CASE("a failure in the middle of a write leaves the previous layers intact", "[writer]") {
    Written w;
    const auto gpkg = w.out / "incidents.gpkg";
    const auto size_before = std::filesystem::file_size(gpkg);
    const json geojson_before = read_json(w.out / "incidents.geojson");

    LayerOptions failing = w.options;
    failing.filter.role = RoleFilter::all;  // would write 4 incidents
    failing.on_layer_written = [](const std::string& written) {
        if (written == "places.geojson") throw std::runtime_error("disk full (simulated)");
    };
    CHECK_THROWS_WITH(write_layers(test::sample_incidents(), test::sample_articles(), failing, w.out),
                      "disk full (simulated)");

    CHECK(std::filesystem::file_size(gpkg) == size_before);
    CHECK(read_json(w.out / "incidents.geojson") == geojson_before);
    GdalDataset ds = GdalDataset::open_vector(gpkg.string());
    CHECK(count_of(ds, "incidents") == 3);
    CHECK(test::publishing_leftovers(w.out).empty());

    // The same write without the failure replaces the files.
    failing.on_layer_written = nullptr;
    write_layers(test::sample_incidents(), test::sample_articles(), failing, w.out);
    CHECK(read_json(w.out / "incidents.geojson")["features"].size() == 4);
}

TEST_CASE("a layer write asked to stop stops inside the first layer and publishes nothing",
          "[writer]") {
    test::TempDir dir("writer-stop");
    const auto out = dir.path() / "out";
    std::atomic<bool> stop{true};
    LayerOptions options;
    options.cancel = CancellationToken(stop);
    int layers_written = 0;
    options.on_layer_written = [&](const std::string&) { ++layers_written; };
    CHECK_THROWS_AS(write_layers(test::sample_incidents(), test::sample_articles(), options, out),
                    Cancelled);
    CHECK(layers_written == 0);
    CHECK(std::filesystem::is_empty(out));
}

TEST_CASE("a missing gazetteer is reported with its path before anything is written",
          "[writer]") {
    test::TempDir dir{"nogaz"};
    LayerOptions options;
    options.admin_source = dir.path() / "missing.sqlite";
    CHECK_THROWS_WITH(write_layers(test::sample_incidents(), {}, options, dir.path() / "out"),
                      Catch::Contains("gazetteer database not found"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "out" / "incidents.gpkg"));
}

TEST_CASE("incidents and articles read back from a written run equal what was written",
          "[writer][reader]") {
    Written w;
    const auto incidents = read_incidents(w.out);
    REQUIRE(incidents.size() == 3);
    const Incident& a = incidents[0];
    CHECK(a.incident_id == "inc-a");
    CHECK(a.event_date == Date{2024, 3, 5});
    CHECK(a.casualties.killed.value == 4);
    CHECK(a.casualties.injured.value == 6);
    CHECK(a.where.place->id == 101);
    CHECK(a.where.place->admin.admin2_pcode == "SY9101");
    CHECK(a.where.point.lon == Approx(36.5));
    CHECK(incidents[2].incident_id == "inc-d");
    CHECK_FALSE(incidents[2].event_date);
    CHECK(incidents[2].casualties.captured.value == 3);
    CHECK_FALSE(incidents[2].casualties.killed.value);

    const auto articles = read_articles(w.out);
    REQUIRE(articles.size() == 2);
    CHECK(articles[0].published == Date{2024, 3, 10});

    // Writing what was read gives the same totals.
    test::TempDir again{"rewrite"};
    const auto report = write_layers(incidents, articles, w.options, again.path());
    CHECK(report.layers == w.report.layers);
}

TEST_CASE("admin totals beyond 2^31 are written whole, not clamped", "[writer][totals]") {
    test::TempDir dir{"writer-totals"};
    auto incidents = test::sample_incidents();
    incidents[0].casualties.killed = Count::exact(2'000'000'000);
    incidents[1].casualties.killed = Count::exact(2'000'000'000);  // both in Northland
    LayerOptions options;
    options.format = LayerFormat::gpkg;
    options.admin_source = test::make_admin_source(dir.path());
    write_layers(incidents, {}, options, dir.path() / "out");
    GdalDataset gpkg = GdalDataset::open_vector((dir.path() / "out" / "incidents.gpkg").string());
    bool seen = false;
    for (const char* layer : {"governorates", "governorate_points"})
        for (auto& f : gpkg.layer(layer)) {
            if (std::string(f->GetFieldAsString("admin1_pcode")) != "SY91") continue;
            seen = true;
            CHECK(f->GetFieldAsInteger64("killed") == 4'000'000'000LL);
            CHECK(f->GetFieldAsInteger64("casualties") == 4'000'000'006LL);
        }
    CHECK(seen);
}

TEST_CASE("a vague injured figure has the same range in the layers as in the briefing",
          "[writer][figures]") {
    test::TempDir dir{"writer-injured"};
    auto incidents = test::sample_incidents();
    incidents[0].casualties.injured = Count{38, 38, 119, true};  // "38 ... dozens more"
    LayerOptions options;
    write_layers(incidents, {}, options, dir.path() / "out");
    const auto back = read_incidents(dir.path() / "out" / "incidents.geojson");
    const Incident* a = nullptr;
    for (const auto& i : back)
        if (i.incident_id == "inc-a") a = &i;
    REQUIRE(a);
    CHECK(a->casualties.injured.value == 38);
    CHECK(a->casualties.injured.low == 38);
    CHECK(a->casualties.injured.high == 119);

    GdalDataset gpkg = GdalDataset::open_vector((dir.path() / "out" / "incidents.gpkg").string());
    for (auto& f : gpkg.layer("incidents"))
        if (std::string(f->GetFieldAsString("incident_id")) == "inc-a") {
            CHECK(f->GetFieldAsInteger("injured_low") == 38);
            CHECK(f->GetFieldAsInteger("injured_high") == 119);
        }
}

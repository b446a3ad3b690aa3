// The CSV files incimap writes: cells a spreadsheet would run as formulas are neutralised.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "layer_fixtures.hpp"
#include "output/csv_cell.hpp"
#include "output/layer_writer.hpp"

using namespace incimap;

namespace {

std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// An article whose id, title and sentence were written by someone hoping for a spreadsheet.
struct HostileRun {
    test::TempDir dir{"csv"};
    std::filesystem::path out = dir.path() / "out";
    HostileRun() {
        auto incidents = test::sample_incidents();
        Incident& a = incidents[0];
        a.article_id = "=HYPERLINK(\"http://evil.example\",\"x\")";
        a.actor = "+cmd|' /C calc'!A0";
        a.victims = "-2+3";
        a.where.text = "@SUM(1,1)";
        a.evidence = "\tstarts with a tab";
        a.casualties.killed = Count::exact(4);
        Article article;
        article.id = a.article_id;
        article.title = "@SUM(A1:A9)";
        LayerOptions options;
        options.format = LayerFormat::csv;
        options.admin_source = test::make_admin_source(dir.path());
        write_layers(incidents, {article}, options, out);
    }
};

std::string text_field(OGRFeature& f, const char* name) {
    return f.GetFieldAsString(f.GetFieldIndex(name));
}

}  // namespace

TEST_CASE("a cell that starts like a formula gets a leading quote, a number stays a number",
          "[csv]") {
    CHECK(neutralise_formula("=1+1") == "'=1+1");
    CHECK(neutralise_formula("+cmd") == "'+cmd");
    CHECK(neutralise_formula("-2+3") == "'-2+3");
    CHECK(neutralise_formula("@SUM(A1)") == "'@SUM(A1)");
    CHECK(neutralise_formula("\tx") == "'\tx");
    CHECK(neutralise_formula("\rx") == "'\rx");
    CHECK(neutralise_formula("-12") == "-12");
    CHECK(neutralise_formula("+1.5") == "+1.5");
    CHECK(neutralise_formula("Palmyra") == "Palmyra");
    CHECK(neutralise_formula("") == "");
    CHECK(csv_field("=1,2") == "\"'=1,2\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
}

TEST_CASE("incidents.csv and articles.csv neutralise formula cells and keep counts numeric",
          "[csv]") {
    HostileRun run;
    GdalDataset incidents = GdalDataset::open_vector((run.out / "incidents.csv").string());
    OGRLayer* layer = incidents.get().GetLayer(0);
    bool seen = false;
    for (auto& f : *layer) {
        if (text_field(*f, "incident_id") != "inc-a") continue;
        seen = true;
        CHECK(text_field(*f, "article_id") == "'=HYPERLINK(\"http://evil.example\",\"x\")");
        CHECK(text_field(*f, "actor") == "'+cmd|' /C calc'!A0");
        CHECK(text_field(*f, "victims") == "'-2+3");
        CHECK(text_field(*f, "place_text") == "'@SUM(1,1)");
        CHECK(text_field(*f, "evidence") == "'\tstarts with a tab");
        const int killed = f->GetFieldIndex("killed");
        CHECK(f->GetFieldDefnRef(killed)->GetType() == OFTInteger);
        CHECK(f->GetFieldAsInteger(killed) == 4);
    }
    CHECK(seen);

    GdalDataset articles = GdalDataset::open_vector((run.out / "articles.csv").string());
    bool article_seen = false;
    for (auto& f : *articles.get().GetLayer(0)) {
        if (text_field(*f, "title") != "'@SUM(A1:A9)") continue;
        article_seen = true;
        CHECK(text_field(*f, "article_id") == "'=HYPERLINK(\"http://evil.example\",\"x\")");
    }
    CHECK(article_seen);
    // No line of either file has a cell that opens with a formula character.
    for (const char* file : {"incidents.csv", "articles.csv"}) {
        const std::string text = slurp(run.out / file);
        for (const char* start : {",=", ",+", ",@", "\n=", "\n@", ",\"=", ",\"@", ",\"+"})
            CHECK(text.find(start) == std::string::npos);
    }
}

TEST_CASE("the GeoPackage and GeoJSON keep the text as written", "[csv]") {
    test::TempDir dir{"csv-geojson"};
    auto incidents = test::sample_incidents();
    incidents[0].actor = "=not a formula in GeoJSON";
    LayerOptions options;
    write_layers(incidents, {}, options, dir.path() / "out");
    GdalDataset gpkg = GdalDataset::open_vector((dir.path() / "out" / "incidents.gpkg").string());
    bool seen = false;
    for (auto& f : gpkg.layer("incidents"))
        if (text_field(*f, "incident_id") == "inc-a") {
            seen = true;
            CHECK(text_field(*f, "actor") == "=not a formula in GeoJSON");
        }
    CHECK(seen);
}

TEST_CASE("CSV dates are ISO, numbers are not quoted, and the .csvt types every column", "[csv]") {
    test::TempDir dir{"csv-types"};
    LayerOptions options;
    options.format = LayerFormat::csv;
    options.admin_source = test::make_admin_source(dir.path());
    write_layers(test::sample_incidents(), test::sample_articles(), options, dir.path() / "out");
    const auto out = dir.path() / "out";

    const std::string incidents = slurp(out / "incidents.csv");
    CHECK(incidents.find("2024-03-05") != std::string::npos);
    CHECK(incidents.find("2024/03/05") == std::string::npos);
    CHECK(incidents.find(",\"4\",") == std::string::npos);  // inc-a: 4 killed
    CHECK(incidents.find(",4,") != std::string::npos);
    CHECK(slurp(out / "governorates.csv").find("2024/") == std::string::npos);
    CHECK(slurp(out / "articles.csv").find(",2024-03-10,") != std::string::npos);

    const std::string csvt = slurp(out / "incidents.csvt");
    CHECK(csvt.rfind("CoordX,CoordY,String,String,String,String,String,Date,", 0) == 0);
    CHECK(slurp(out / "governorates.csvt").rfind("WKT,String,String,String,Integer64,", 0) == 0);

    // GDAL, and so QGIS, reads the columns back with their types.
    GdalDataset csv = GdalDataset::open_vector((out / "incidents.csv").string());
    OGRLayer* layer = csv.get().GetLayer(0);
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    CHECK(defn->GetFieldDefn(defn->GetFieldIndex("event_date"))->GetType() == OFTDate);
    CHECK(defn->GetFieldDefn(defn->GetFieldIndex("killed"))->GetType() == OFTInteger);
    bool seen = false;
    for (auto& f : *layer)
        if (text_field(*f, "incident_id") == "inc-a") {
            seen = true;
            CHECK(text_field(*f, "event_date") == "2024/03/05");  // GDAL's own text form of a date
            CHECK(f->GetGeometryRef() != nullptr);
        }
    CHECK(seen);
}

// The QGIS project of an output folder (incimap.qgz), read back as XML: what QGIS will find
// in it. tests/qgis/check_project.py opens the same project in real QGIS.
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <memory>

#include "core/error.hpp"
#include "layer_fixtures.hpp"
#include "output/layer_writer.hpp"
#include "output/qgis_project.hpp"
#include "published_folder.hpp"
#include "qgz_text.hpp"

using namespace incimap;
namespace fs = std::filesystem;

namespace {

// A parsed .qgs and XPath queries over it.
class ProjectXml {
public:
    explicit ProjectXml(const std::string& text)
        : doc_(xmlReadMemory(text.data(), static_cast<int>(text.size()), nullptr, "UTF-8",
                             XML_PARSE_NONET),
               xmlFreeDoc) {
        REQUIRE(doc_);
    }
    // Text of every node the XPath selects (elements' content, attributes' values).
    std::vector<std::string> all(const std::string& xpath) const {
        std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> context(
            xmlXPathNewContext(doc_.get()), xmlXPathFreeContext);
        std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> result(
            xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), context.get()),
            xmlXPathFreeObject);
        std::vector<std::string> out;
        if (!result || !result->nodesetval) return out;
        for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
            xmlChar* text = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
            out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
            xmlFree(text);
        }
        return out;
    }
    std::string one(const std::string& xpath) const {
        const auto values = all(xpath);
        REQUIRE(values.size() == 1);
        return values.front();
    }

private:
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc_;
};

// incimap.qgs out of incimap.qgz.
std::string qgs_in(const fs::path& qgz) {
    std::string text = test::qgs_text(qgz);
    REQUIRE_FALSE(text.empty());
    return text;
}

QgisProject two_layer_project() {
    QgisProject project;
    project.title = "incimap: test";
    project.abstract = "Credits: Who's On First & GeoNames";
    project.crs = {"GEOGCRS[\"WGS 84\"]", "+proj=longlat +datum=WGS84 +no_defs", "EPSG:4326",
                   "WGS 84"};
    project.extent = {35, 32, 43, 37.5};
    QgisMapLayer points;
    points.name = "incidents";
    points.source = "./incidents.gpkg|layername=incidents";
    points.geometry = "Point";
    points.crs = project.crs;
    points.qml =
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<!-- a comment -->\n"
        "<qgis version=\"3.22.16\" labelsEnabled=\"0\"><temporal enabled=\"1\" "
        "startField=\"event_date\"/><renderer-v2 type=\"categorizedSymbol\"/></qgis>";
    QgisMapLayer heat = points;
    heat.name = "heatmap";
    heat.source = "./heatmap.tif";
    heat.raster = true;
    heat.visible = false;
    heat.qml = "<qgis><pipe><rasterrenderer type=\"singlebandpseudocolor\"/></pipe></qgis>";
    project.layers = {points, heat};
    project.first_date = Date{2024, 3, 5};
    project.last_date = Date{2024, 3, 9};
    return project;
}

}  // namespace

TEST_CASE("the project lists each layer once in the layer tree and once with its source",
          "[qgis_project]") {
    const ProjectXml qgs{qgis_project_xml(two_layer_project())};
    // QGIS replaces layer ids of 10 characters or fewer, and the tree would lose its layers.
    CHECK(qgs.all("/qgis/layer-tree-group/layer-tree-layer/@id") ==
          std::vector<std::string>{"incimap_incidents", "incimap_heatmap"});
    CHECK(qgs.all("/qgis/projectlayers/maplayer/id") ==
          std::vector<std::string>{"incimap_incidents", "incimap_heatmap"});
    CHECK(qgs.all("/qgis/layer-tree-group/layer-tree-layer/@name") ==
          std::vector<std::string>{"incidents", "heatmap"});
    CHECK(qgs.one("//maplayer[layername='incidents']/datasource") ==
          "./incidents.gpkg|layername=incidents");
    CHECK(qgs.one("//maplayer[layername='incidents']/provider") == "ogr");
    CHECK(qgs.one("//maplayer[layername='heatmap']/provider") == "gdal");
    CHECK(qgs.one("//maplayer[layername='heatmap']/@type") == "raster");
    CHECK(qgs.one("//layer-tree-layer[@name='heatmap']/@checked") == "Qt::Unchecked");
    CHECK(qgs.one("//maplayer[layername='incidents']/srs/spatialrefsys/authid") == "EPSG:4326");
    // Relative paths, so that the folder can be moved with its project.
    CHECK(qgs.one("/qgis/properties/Paths/Absolute") == "false");
    // QGIS 3.22 reads <projectCrs> only with this property set.
    CHECK(qgs.one("/qgis/properties/SpatialRefSys/ProjectionsEnabled") == "1");
    CHECK(qgs.one("/qgis/projectCrs/spatialrefsys/authid") == "EPSG:4326");
}

TEST_CASE("the project carries each layer's style, temporal settings included", "[qgis_project]") {
    const ProjectXml qgs{qgis_project_xml(two_layer_project())};
    CHECK(qgs.one("//maplayer[layername='incidents']/renderer-v2/@type") == "categorizedSymbol");
    CHECK(qgs.one("//maplayer[layername='incidents']/@labelsEnabled") == "0");
    CHECK(qgs.one("//maplayer[layername='incidents']/temporal/@enabled") == "1");
    CHECK(qgs.one("//maplayer[layername='incidents']/temporal/@startField") == "event_date");
    CHECK(qgs.one("//maplayer[layername='heatmap']/pipe/rasterrenderer/@type") ==
          "singlebandpseudocolor");
    CHECK(qgs.all("//maplayer/@version").empty());  // the style's version is not the project's
}

TEST_CASE("the temporal controller animates over the data's days, the last one included",
          "[qgis_project]") {
    const ProjectXml qgs{qgis_project_xml(two_layer_project())};
    CHECK(qgs.one("/qgis/ProjectTimeSettings/TemporalRange/start") == "2024-03-05T00:00:00Z");
    CHECK(qgs.one("/qgis/ProjectTimeSettings/TemporalRange/end") == "2024-03-10T00:00:00Z");
    CHECK(qgs.one("/qgis/ProjectTimeSettings/@timeStepUnit") == "d");
    CHECK(qgs.one("/qgis/properties/TemporalControllerWidget/NavigationMode") == "1");

    QgisProject undated = two_layer_project();
    undated.first_date = undated.last_date = std::nullopt;
    const ProjectXml without{qgis_project_xml(undated)};
    CHECK(without.all("/qgis/ProjectTimeSettings").empty());
    CHECK(without.all("//TemporalControllerWidget").empty());
}

TEST_CASE("the project metadata credits the data, escaped as XML", "[qgis_project]") {
    const std::string text = qgis_project_xml(two_layer_project());
    CHECK_THAT(text, Catch::Contains("Who's On First &amp; GeoNames"));
    CHECK(ProjectXml{text}.one("/qgis/projectMetadata/abstract") ==
          "Credits: Who's On First & GeoNames");
}

TEST_CASE("a style that is not QML is refused, naming its layer", "[qgis_project]") {
    QgisProject project = two_layer_project();
    project.layers[1].qml = "<qgis><pipe></qgis>";
    CHECK_THROWS_WITH(qgis_project_xml(project), Catch::Contains("heatmap"));
}

TEST_CASE("an output folder gets incimap.qgz with every layer of its GeoPackage",
          "[qgis_project][writer]") {
    test::TempDir dir{"qgis-project"};
    const fs::path out = dir.path() / "out";
    LayerOptions options;
    options.admin_source = test::make_admin_source(dir.path());
    write_layers(test::sample_incidents(), test::sample_articles(), options, out);

    const auto written = write_qgis_project(out);
    REQUIRE(written);
    CHECK(*written == out / "incimap.qgz");
    const ProjectXml qgs{qgs_in(*written)};
    CHECK(qgs.all("/qgis/projectlayers/maplayer/layername") ==
          std::vector<std::string>{"incidents", "places", "governorate_points", "districts",
                                   "governorates", "articles"});
    // Readable legend labels, the circle-size legend and governorate labels come along.
    CHECK(qgs.one("//maplayer[layername='incidents']//category[@value='air_strike']/@label") ==
          "Air or drone strike");
    CHECK_FALSE(qgs.all("//maplayer[layername='incidents']//data-defined-size-legend/classes/class")
                    .empty());
    CHECK(qgs.one("//maplayer[layername='governorates']/@labelsEnabled") == "1");
    CHECK(qgs.one("//maplayer[layername='governorates']//text-style/@fieldName") == "admin1_name");
    CHECK(qgs.one("//maplayer[layername='governorates']/srs/spatialrefsys/authid") == "EPSG:4326");
    // QGIS opens on the governorates (x 36 to 38, y 32 to 36) with a 5% margin.
    CHECK(std::stod(qgs.one("/qgis/mapcanvas/extent/xmin")) == Approx(35.8));
    CHECK(std::stod(qgs.one("/qgis/mapcanvas/extent/ymax")) == Approx(36.2));
    CHECK(qgs.one("/qgis/mapcanvas/destinationsrs/spatialrefsys/authid") == "EPSG:4326");
    // Current incidents only (the default filter): 5 to 9 March 2024.
    CHECK(qgs.one("/qgis/ProjectTimeSettings/TemporalRange/start") == "2024-03-05T00:00:00Z");
    CHECK(qgs.one("/qgis/ProjectTimeSettings/TemporalRange/end") == "2024-03-10T00:00:00Z");
    CHECK_THAT(qgs.one("/qgis/projectMetadata/abstract"), Catch::Contains("CC BY-IGO"));
    CHECK(test::publishing_leftovers(out).empty());
}

TEST_CASE("the project includes the heatmap when the folder has one", "[qgis_project][writer]") {
    test::TempDir dir{"qgis-project-heatmap"};
    const fs::path out = dir.path() / "out";
    write_layers(test::sample_incidents(), test::sample_articles(), LayerOptions{}, out);
    {
        GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
        GDALDatasetUniquePtr tif{
            gtiff->Create((out / "heatmap.tif").c_str(), 4, 4, 1, GDT_Float32, nullptr)};
        REQUIRE(tif);
        OGRSpatialReference lambert;
        lambert.importFromEPSG(22770);
        tif->SetSpatialRef(&lambert);
    }
    std::ofstream(out / "heatmap.qml") << "<qgis><pipe/></qgis>";
    const ProjectXml qgs{qgs_in(*write_qgis_project(out))};
    CHECK(qgs.one("//maplayer[layername='heatmap']/datasource") == "./heatmap.tif");
    CHECK(qgs.one("//maplayer[layername='heatmap']/srs/spatialrefsys/authid") == "EPSG:22770");
    CHECK_THAT(qgs.one("//maplayer[layername='heatmap']/srs/spatialrefsys/wkt"),
               Catch::Contains("Syria Lambert"));
}

TEST_CASE("a failed project write keeps the previous project and leaves no temporary file",
          "[qgis_project][writer]") {
    test::TempDir dir{"qgis-project-fail"};
    const fs::path out = dir.path() / "out";
    write_layers(test::sample_incidents(), test::sample_articles(), LayerOptions{}, out);
    REQUIRE(write_qgis_project(out));
    const std::string before = qgs_in(out / "incimap.qgz");
    {
        GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
        GDALDatasetUniquePtr tif{
            gtiff->Create((out / "heatmap.tif").c_str(), 2, 2, 1, GDT_Float32, nullptr)};
    }
    std::ofstream(out / "heatmap.qml") << "<qgis><pipe>";  // truncated
    CHECK_THROWS_AS(write_qgis_project(out), Error);
    CHECK(qgs_in(out / "incimap.qgz") == before);
    CHECK(test::publishing_leftovers(out).empty());
}

TEST_CASE("a folder without a GeoPackage gets no project", "[qgis_project]") {
    test::TempDir dir{"qgis-project-empty"};
    CHECK_FALSE(write_qgis_project(dir.path()));
    CHECK_FALSE(fs::exists(dir.path() / "incimap.qgz"));
}

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "output/heatmap_geotiff.hpp"
#include "output/heatmap_style.hpp"
#include "temp_dir.hpp"

using namespace incimap;

namespace {
HeatmapGrid small_grid() {
    HeatmapOptions o;
    o.radius_m = 3'000;
    o.cell_m = 500;
    return kernel_density_planar({{{310'000, 280'000}, 6}, {{314'000, 281'000}, 2}}, o);
}
}  // namespace

TEST_CASE("writes a GeoTIFF that GDAL reads back with CRS, nodata, size and values",
          "[output][heatmap][geotiff]") {
    test::TempDir dir("heatmap-tif");
    const HeatmapGrid grid = small_grid();
    const auto tif = dir.path() / "heatmap.tif";
    write_heatmap_geotiff(grid, tif);

    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(ds);
    CHECK(std::string(ds->GetDriver()->GetDescription()) == "GTiff");
    CHECK(ds->GetRasterXSize() == grid.cols);
    CHECK(ds->GetRasterYSize() == grid.rows);
    double gt[6];
    REQUIRE(ds->GetGeoTransform(gt) == CE_None);
    CHECK(gt[0] == grid.west);
    CHECK(gt[1] == grid.cell);
    CHECK(gt[3] == grid.north);
    CHECK(gt[5] == -grid.cell);

    const OGRSpatialReference* srs = ds->GetSpatialRef();
    REQUIRE(srs);
    CHECK(std::string(srs->GetAuthorityName(nullptr)) == "EPSG");
    CHECK(std::string(srs->GetAuthorityCode(nullptr)) == "22770");

    GDALRasterBand* band = ds->GetRasterBand(1);
    CHECK(band->GetRasterDataType() == GDT_Float32);
    int has_nodata = 0;
    CHECK(band->GetNoDataValue(&has_nodata) == heatmap_nodata);
    CHECK(has_nodata);
    std::vector<float> cells(grid.values.size());
    REQUIRE(band->RasterIO(GF_Read, 0, 0, grid.cols, grid.rows, cells.data(), grid.cols, grid.rows,
                           GDT_Float32, 0, 0, nullptr) == CE_None);
    CHECK(cells == grid.values);
    CHECK(std::string(ds->GetMetadataItem("INCIMAP_SCALING")) == "raw");
}

TEST_CASE("writes a QGIS style beside the GeoTIFF and leaves no temporary files",
          "[output][heatmap][geotiff]") {
    test::TempDir dir("heatmap-qml");
    write_heatmap_geotiff(small_grid(), dir.path() / "heat.tif");
    std::ifstream qml(dir.path() / "heat.qml");
    REQUIRE(qml);
    std::stringstream text;
    text << qml.rdbuf();
    CHECK(text.str().find("singlebandpseudocolor") != std::string::npos);
    CHECK(text.str().find("<item alpha=\"0\" value=\"0\"") != std::string::npos);
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"heat.qml", "heat.tif"});
}

TEST_CASE("fails with the file named when the output directory does not exist",
          "[output][heatmap][geotiff]") {
    test::TempDir dir("heatmap-missing");
    const auto tif = dir.path() / "no" / "such" / "heatmap.tif";
    try {
        write_heatmap_geotiff(small_grid(), tif);
        FAIL("expected an error");
    } catch (const Error& e) {
        CHECK(e.file().find("no/such") != std::string::npos);
    }
}

TEST_CASE("replacing a GeoTIFF keeps the old one until the new one is complete",
          "[output][heatmap][geotiff]") {
    test::TempDir dir("heatmap-replace");
    const auto tif = dir.path() / "heatmap.tif";
    write_heatmap_geotiff(small_grid(), tif);
    HeatmapGrid broken = small_grid();
    broken.crs = "EPSG:999999";  // GDAL refuses it midway through writing
    CHECK_THROWS_AS(write_heatmap_geotiff(broken, tif), Error);
    GDALDatasetUniquePtr ds(GDALDataset::Open(tif.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(ds);
    CHECK(ds->GetRasterXSize() == small_grid().cols);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++files;
    CHECK(files == 2);  // heatmap.tif and heatmap.qml, no leftovers
}

TEST_CASE("legend values are rounded to three significant digits, raster values are not",
          "[output][heatmap][geotiff]") {
    CHECK(legend_number(12345.678) == "12300");
    CHECK(legend_number(316.2278) == "316");
    CHECK(legend_number(19.7432) == "19.7");
    CHECK(legend_number(5.0) == "5");
    CHECK(legend_number(0.0421337) == "0.0421");
    CHECK(legend_number(0) == "0");

    test::TempDir dir("heatmap-legend");
    const HeatmapGrid grid = small_grid();
    write_heatmap_geotiff(grid, dir.path() / "heat.tif");
    std::ifstream qml(dir.path() / "heat.qml");
    std::stringstream text;
    text << qml.rdbuf();
    const std::string style = text.str();
    // Every label is its value rounded; the value itself keeps its precision for QGIS.
    std::size_t labels = 0, rounded = 0;
    const std::string value_mark = "value=\"", label_mark = "\" label=\"";
    for (auto at = style.find(value_mark); at != std::string::npos;
         at = style.find(value_mark, at + 1)) {
        const auto value_end = style.find(label_mark, at);
        if (value_end == std::string::npos) continue;
        const std::string value =
            style.substr(at + value_mark.size(), value_end - at - value_mark.size());
        const auto label_at = value_end + label_mark.size();
        const std::string label = style.substr(label_at, style.find('"', label_at) - label_at);
        INFO(value << " labelled " << label);
        CHECK(label == legend_number(std::stod(value)));
        ++labels;
        rounded += label != value;
    }
    CHECK(rounded > 0);
    CHECK(labels >= 4);
    CHECK(style.find("label=\"" + legend_number(grid.max_value()) + "\"") != std::string::npos);
}

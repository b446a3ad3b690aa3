#include "output/heatmap_geotiff.hpp"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <string>

#include "core/error.hpp"
#include "geo/gdal_error.hpp"
#include "output/heatmap_file.hpp"
#include "output/heatmap_style.hpp"

namespace incimap {
namespace {

std::string crs_wkt(const std::string& crs, const std::string& file) {
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE)
        throw Error("GDAL does not know the CRS " + crs, file);
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    if (srs.exportToWkt(&wkt, options) != OGRERR_NONE || !wkt) {
        CPLFree(wkt);
        throw Error("cannot express " + crs + " as WKT", file);
    }
    std::string out = wkt;
    CPLFree(wkt);
    return out;
}

std::string scaling_description(const HeatmapGrid& grid) {
    return grid.scaling == KernelScaling::raw
               ? "quartic kernel density, raw (a lone incident peaks at its weight)"
               : "quartic kernel density, weight per km2";
}

void write_tiff(const HeatmapGrid& grid, const std::filesystem::path& tmp,
                const std::filesystem::path& shown_as) {
    const std::string where = shown_as.string();
    if (grid.cols <= 0 || grid.rows <= 0) throw Error("heatmap grid is empty", where);
    gdal_register_all();
    GdalErrorScope errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver) throw Error("GDAL has no GTiff driver", where);

    CPLStringList options;
    options.SetNameValue("COMPRESS", "DEFLATE");
    options.SetNameValue("PREDICTOR", "3");  // floating-point predictor: smaller files
    options.SetNameValue("TILED", "YES");
    GDALDatasetUniquePtr ds(
        driver->Create(tmp.c_str(), grid.cols, grid.rows, 1, GDT_Float32, options.List()));
    errors.throw_if_failed("cannot create the GeoTIFF", where, ds != nullptr);

    double transform[6] = {grid.west, grid.cell, 0, grid.north, 0, -grid.cell};
    ds->SetGeoTransform(transform);
    ds->SetProjection(crs_wkt(grid.crs, where).c_str());
    ds->SetMetadataItem("AREA_OR_POINT", "Area");
    ds->SetMetadataItem("INCIMAP_KERNEL", "quartic");
    ds->SetMetadataItem("INCIMAP_RADIUS_M", std::to_string(grid.radius_m).c_str());
    ds->SetMetadataItem("INCIMAP_SCALING", std::string(to_string(grid.scaling)).c_str());
    ds->SetMetadataItem("INCIMAP_POINTS", std::to_string(grid.point_count).c_str());
    ds->SetMetadataItem("INCIMAP_TOTAL_WEIGHT", std::to_string(grid.total_weight).c_str());

    GDALRasterBand* band = ds->GetRasterBand(1);
    band->SetNoDataValue(heatmap_nodata);
    band->SetDescription(scaling_description(grid).c_str());
    const CPLErr io =
        band->RasterIO(GF_Write, 0, 0, grid.cols, grid.rows, const_cast<float*>(grid.values.data()),
                       grid.cols, grid.rows, GDT_Float32, 0, 0, nullptr);
    errors.throw_if_failed("cannot write the heatmap cells", where, io == CE_None);
    double min = 0, max = 0, mean = 0, stddev = 0;
    band->ComputeStatistics(false, &min, &max, &mean, &stddev, nullptr, nullptr);
    band->SetStatistics(min, max, mean, stddev);
    ds->FlushCache();
    ds.reset();  // closing writes the last tiles; errors show up here (e.g. disk full)
    errors.throw_if_failed("GDAL failed writing the GeoTIFF", where);
}

}  // namespace

void write_heatmap_geotiff(const HeatmapGrid& grid, const std::filesystem::path& tif_path) {
    write_file_atomically(tif_path, [&](const std::filesystem::path& tmp) {
        write_tiff(grid, tmp, tif_path);
        // Statistics go to an .aux.xml beside the temporary name; keep them with the raster.
        std::error_code ec;
        std::filesystem::remove(tmp.string() + ".aux.xml", ec);
    });
    std::filesystem::path qml = tif_path;
    qml.replace_extension(".qml");
    write_heatmap_qml(grid, qml);
}

}  // namespace incimap

#pragma once
// A vector dataset owned by one object (GDALDatasetUniquePtr), in the spirit of libosmium's
// gdalcpp: create/open, layers, transactions, SQL, and an explicit close() that can fail.
// Every call that can fail runs inside a GdalErrorScope and throws incimap::Error naming
// the dataset.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace incimap {

// KEY=VALUE options for GDAL (creation options, layer creation options, open options).
using GdalOptions = std::map<std::string, std::string>;

// GDAL's own string list, freed with CSLDestroy.
class CslList {
public:
    explicit CslList(const GdalOptions& options);
    ~CslList();
    CslList(const CslList&) = delete;
    CslList& operator=(const CslList&) = delete;
    char** get() const { return list_; }

private:
    char** list_ = nullptr;
};

class GdalDataset {
public:
    // driver: a GDAL short name ("GPKG", "GeoJSON", "FlatGeobuf", "CSV", "PostgreSQL").
    static GdalDataset create(const std::string& driver, const std::string& path,
                              const GdalOptions& options = {});
    static GdalDataset open_vector(const std::string& path, bool update = false,
                                   const GdalOptions& open_options = {});

    GdalDataset(GdalDataset&&) noexcept = default;
    GdalDataset& operator=(GdalDataset&&) noexcept = default;
    // Closes without reporting (and without GDAL printing its own lines: a failure is being
    // reported already); call close() to see errors.
    ~GdalDataset();

    const std::string& path() const { return path_; }
    GDALDataset& get() { return *dataset_; }

    // A layer in EPSG:4326 (lon/lat axis order), or non-spatial with wkbNone.
    OGRLayer& create_layer(const std::string& name, OGRwkbGeometryType type,
                           const GdalOptions& layer_options = {});
    OGRLayer* find_layer(const std::string& name);  // nullptr when absent
    OGRLayer& layer(const std::string& name);       // throws when absent
    std::vector<std::string> layer_names();
    void delete_layer(const std::string& name);     // no-op when absent

    // Runs a statement that returns no rows (SQL dialect of the driver).
    void execute(const std::string& sql);

    void begin();
    void commit();
    void rollback() noexcept;

    // Flushes and closes; throws when GDAL reports an error while writing out.
    void close();

private:
    GdalDataset(GDALDatasetUniquePtr dataset, std::string path)
        : dataset_(std::move(dataset)), path_(std::move(path)) {}
    GDALDatasetUniquePtr dataset_;
    std::string path_;
};

// EPSG:4326 with the traditional GIS axis order (lon, lat), as GeoJSON and QGIS expect.
const OGRSpatialReference& wgs84_lon_lat();

// A transformation from the layer's CRS to wgs84_lon_lat(), or nullptr when the layer is in it
// already or has no CRS. Throws incimap::Error naming `where` when GDAL cannot build one.
std::unique_ptr<OGRCoordinateTransformation> transform_to_lon_lat(OGRLayer& layer,
                                                                  const std::string& where);

// Adds a field to a layer; throws naming the layer when the driver refuses.
void add_field(OGRLayer& layer, const std::string& name, OGRFieldType type,
               OGRFieldSubType subtype = OFSTNone);

// Writes a new feature; throws naming the dataset and layer when the driver refuses.
void create_feature(OGRLayer& layer, OGRFeature& feature, const std::string& dataset_path);

}  // namespace incimap

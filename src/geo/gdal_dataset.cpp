#include "geo/gdal_dataset.hpp"

#include <cpl_string.h>

#include "core/error.hpp"
#include "geo/gdal_error.hpp"

namespace incimap {

CslList::CslList(const GdalOptions& options) {
    for (const auto& [key, value] : options)
        list_ = CSLSetNameValue(list_, key.c_str(), value.c_str());
}

CslList::~CslList() { CSLDestroy(list_); }

GdalDataset GdalDataset::create(const std::string& driver_name, const std::string& path,
                                const GdalOptions& options) {
    GdalErrorScope errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
    if (!driver) throw Error("GDAL has no driver named " + driver_name, path);
    CslList list{options};
    GDALDatasetUniquePtr dataset{driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, list.get())};
    errors.throw_if_failed("cannot create " + driver_name + " dataset", path, dataset != nullptr);
    return GdalDataset{std::move(dataset), path};
}

GdalDataset GdalDataset::open_vector(const std::string& path, bool update,
                                     const GdalOptions& open_options) {
    GdalErrorScope errors;
    CslList list{open_options};
    const unsigned flags = GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    GDALDatasetUniquePtr dataset{
        GDALDataset::Open(path.c_str(), flags, nullptr, list.get(), nullptr)};
    errors.throw_if_failed(update ? "cannot open for update" : "cannot open as vector data",
                           path, dataset != nullptr);
    return GdalDataset{std::move(dataset), path};
}

const OGRSpatialReference& wgs84_lon_lat() {
    // Built once and never modified afterwards: shared read-only, like a constant.
    static const OGRSpatialReference srs = [] {
        OGRSpatialReference s;
        s.importFromEPSG(4326);
        s.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        return s;
    }();
    return srs;
}

std::unique_ptr<OGRCoordinateTransformation> transform_to_lon_lat(OGRLayer& layer,
                                                                  const std::string& where) {
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (!srs || srs->IsSame(&wgs84_lon_lat())) return nullptr;
    std::unique_ptr<OGRCoordinateTransformation> t(
        OGRCreateCoordinateTransformation(srs, &wgs84_lon_lat()));
    if (!t)
        throw Error("cannot transform the CRS of layer " + std::string(layer.GetName()) +
                        " to WGS84",
                    where);
    return t;
}

OGRLayer& GdalDataset::create_layer(const std::string& name, OGRwkbGeometryType type,
                                    const GdalOptions& layer_options) {
    GdalErrorScope errors;
    CslList list{layer_options};
    // GDAL 3.6 takes a non-const pointer but only clones the SRS.
    auto* srs = type == wkbNone ? nullptr : const_cast<OGRSpatialReference*>(&wgs84_lon_lat());
    OGRLayer* layer = dataset_->CreateLayer(name.c_str(), srs, type, list.get());
    errors.throw_if_failed("cannot create layer " + name, path_, layer != nullptr);
    return *layer;
}

OGRLayer* GdalDataset::find_layer(const std::string& name) {
    GdalErrorScope errors;  // a missing table is an expected miss, not an error
    return dataset_->GetLayerByName(name.c_str());
}

OGRLayer& GdalDataset::layer(const std::string& name) {
    OGRLayer* found = find_layer(name);
    if (!found) throw Error("no layer named " + name, path_);
    return *found;
}

std::vector<std::string> GdalDataset::layer_names() {
    std::vector<std::string> names;
    for (int i = 0; i < dataset_->GetLayerCount(); ++i)
        names.emplace_back(dataset_->GetLayer(i)->GetName());
    return names;
}

void GdalDataset::delete_layer(const std::string& name) {
    GdalErrorScope errors;
    for (int i = 0; i < dataset_->GetLayerCount(); ++i) {
        if (name == dataset_->GetLayer(i)->GetName()) {
            const OGRErr err = dataset_->DeleteLayer(i);
            errors.throw_if_failed("cannot delete layer " + name, path_, err == OGRERR_NONE);
            return;
        }
    }
}

void GdalDataset::execute(const std::string& sql) {
    GdalErrorScope errors;
    OGRLayer* result = dataset_->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result) dataset_->ReleaseResultSet(result);
    errors.throw_if_failed("SQL failed: " + sql, path_);
}

void GdalDataset::begin() {
    GdalErrorScope errors;
    const OGRErr err = dataset_->StartTransaction(TRUE);
    errors.throw_if_failed("cannot start a transaction", path_, err == OGRERR_NONE);
}

void GdalDataset::commit() {
    GdalErrorScope errors;
    const OGRErr err = dataset_->CommitTransaction();
    errors.throw_if_failed("cannot commit", path_, err == OGRERR_NONE);
}

void GdalDataset::rollback() noexcept {
    GdalErrorScope errors;  // a failed rollback leaves nothing more to do
    if (dataset_) dataset_->RollbackTransaction();
}

GdalDataset::~GdalDataset() {
    if (!dataset_) return;
    GdalErrorScope quiet;
    dataset_.reset();
}

void GdalDataset::close() {
    if (!dataset_) return;
    GdalErrorScope errors;
    // GDAL 3.6's GDALClose returns nothing; write errors surface through the handler.
    dataset_->FlushCache(true);
    dataset_.reset();
    errors.throw_if_failed("error while closing", path_);
}

void add_field(OGRLayer& layer, const std::string& name, OGRFieldType type,
               OGRFieldSubType subtype) {
    GdalErrorScope errors;
    OGRFieldDefn defn{name.c_str(), type};
    defn.SetSubType(subtype);
    const OGRErr err = layer.CreateField(&defn);
    errors.throw_if_failed("cannot add field " + name + " to layer " + layer.GetName(), {},
                           err == OGRERR_NONE);
}

void create_feature(OGRLayer& layer, OGRFeature& feature, const std::string& dataset_path) {
    GdalErrorScope errors;
    const OGRErr err = layer.CreateFeature(&feature);
    errors.throw_if_failed(std::string{"cannot write a feature to layer "} + layer.GetName(),
                           dataset_path, err == OGRERR_NONE);
}

}  // namespace incimap

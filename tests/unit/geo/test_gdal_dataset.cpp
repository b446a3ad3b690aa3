#include <catch2/catch.hpp>
#include <filesystem>

#include "core/error.hpp"
#include "geo/gdal_dataset.hpp"
#include "geo/gdal_error.hpp"
#include "temp_dir.hpp"

using namespace incimap;


TEST_CASE("opening a missing file throws an Error naming the file", "[gdal]") {
    const test::TempDir dir("gdal");
    const std::string missing = (dir.path() / "nothing-here.gpkg").string();
    try {
        GdalDataset::open_vector(missing);
        FAIL("no exception");
    } catch (const Error& e) {
        CHECK(e.file() == missing);
        CHECK_THAT(e.located(), Catch::StartsWith(missing + ": cannot open"));
    }
}

TEST_CASE("a GDAL failure inside an error scope is recorded, not thrown, until asked",
          "[gdal]") {
    GdalErrorScope errors;
    CPLError(CE_Failure, CPLE_AppDefined, "a made-up failure");
    CPLError(CE_Warning, CPLE_AppDefined, "a warning is not a failure");
    REQUIRE(errors.failed());
    CHECK(errors.errors().size() == 1);
    CHECK_THROWS_WITH(errors.throw_if_failed("writing", "some.gpkg"),
                      "writing: a made-up failure");
    CHECK_FALSE(errors.failed());
    CHECK_NOTHROW(errors.throw_if_failed("writing", "some.gpkg"));
    CHECK_THROWS_WITH(errors.throw_if_failed("writing", "some.gpkg", false),
                      Catch::Contains("GDAL gave no reason"));
}

TEST_CASE("nested error scopes each see only their own failures", "[gdal]") {
    GdalErrorScope outer;
    {
        GdalErrorScope inner;
        CPLError(CE_Failure, CPLE_AppDefined, "inner only");
        CHECK(inner.failed());
    }
    CHECK_FALSE(outer.failed());
}

TEST_CASE("a created layer is in EPSG:4326 with lon/lat order and keeps its fields",
          "[gdal]") {
    const test::TempDir dir("gdal");
    const auto path = dir.path() / "roundtrip.gpkg";
    {
        GdalDataset ds = GdalDataset::create("GPKG", path.string());
        OGRLayer& layer = ds.create_layer("points", wkbPoint);
        add_field(layer, "day", OFTDate);
        OGRFeatureUniquePtr f{OGRFeature::CreateFeature(layer.GetLayerDefn())};
        f->SetField("day", 2024, 2, 29);
        f->SetGeometryDirectly(new OGRPoint(38.0, 35.5));
        create_feature(layer, *f, ds.path());
        ds.close();
    }
    GdalDataset ds = GdalDataset::open_vector(path.string());
    OGRLayer& layer = ds.layer("points");
    CHECK(std::string(layer.GetSpatialRef()->GetAuthorityCode(nullptr)) == "4326");
    OGRFeatureUniquePtr f{layer.GetNextFeature()};
    REQUIRE(f);
    CHECK(f->GetGeometryRef()->toPoint()->getX() == 38.0);
    CHECK(std::string(f->GetFieldAsString("day")) == "2024/02/29");
    CHECK(ds.find_layer("absent") == nullptr);
    CHECK_THROWS_AS(ds.layer("absent"), Error);
    CHECK_THROWS_AS(ds.execute("SELECT * FROM no_such_table"), Error);
    std::filesystem::remove_all(path.parent_path());
}

TEST_CASE("an unknown driver name is an Error", "[gdal]") {
    CHECK_THROWS_WITH(GdalDataset::create("NoSuchDriver", "x"),
                      Catch::Contains("no driver named NoSuchDriver"));
}

// Circle sizes of the QGIS styles and of the briefing's map: the area of a circle is
// proportional to the value it stands for (above the smallest circle that stays visible).
#include <catch2/catch.hpp>
#include <cmath>
#include <regex>

#include "layer_fixtures.hpp"
#include "output/layer_builder.hpp"
#include "output/qgis_style.hpp"
#include "output/svg_map.hpp"

using namespace incimap;

namespace {

// QGIS's scale_exp(value, domain_min, domain_max, range_min, range_max, exponent).
struct ScaleExp {
    double domain_min, domain_max, range_min, range_max, exponent;
    double operator()(double v) const {
        const double t = std::clamp((v - domain_min) / (domain_max - domain_min), 0.0, 1.0);
        return range_min + (range_max - range_min) * std::pow(t, exponent);
    }
};

ScaleExp scale_exp_of(const std::string& qml, const std::string& field) {
    const std::regex call{"scale_exp\\(&quot;" + field +
                          "&quot;, ([-0-9.e+]+), ([-0-9.e+]+), ([-0-9.e+]+), ([-0-9.e+]+), "
                          "([-0-9.e+]+)\\)"};
    std::smatch m;
    REQUIRE(std::regex_search(qml, m, call));
    return {std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4]), std::stod(m[5])};
}

LayerTable incidents_with_weights(const std::vector<double>& weights) {
    LayerTable t;
    t.name = "incidents";
    t.fields = {{"event_type", FieldType::string}, {"weight", FieldType::real}};
    for (double w : weights) {
        Row row;
        row.values = {std::string("shelling"), w};
        t.rows.push_back(row);
    }
    return t;
}

}  // namespace

TEST_CASE("the incidents style sizes circles by diameter so that areas follow the weight",
          "[style][size]") {
    const std::string qml = incidents_qml(incidents_with_weights({1, 25, 100}));
    // QGIS takes a square root of a data-defined size under scale_method "area": with an
    // expression that already gives a diameter the circles came out a third of their size.
    CHECK(qml.find("k=\"scale_method\" v=\"area\"") == std::string::npos);
    CHECK(qml.find("k=\"scale_method\" v=\"diameter\"") != std::string::npos);
    const ScaleExp diameter = scale_exp_of(qml, "weight");
    CHECK(diameter.domain_max == 100);
    CHECK(diameter.range_max == 12);  // mm, the largest circle
    const double d100 = diameter(100), d25 = diameter(25), d50 = diameter(50);
    CHECK(d100 == Approx(12));
    CHECK(std::pow(d25 / d100, 2) == Approx(0.25));
    CHECK(std::pow(d50 / d100, 2) == Approx(0.5));
}

TEST_CASE("point layers with totals size their circles the same way", "[style][size]") {
    LayerTable points;
    points.name = "governorate_points";
    points.fields = {{"casualties", FieldType::integer64}};
    for (long long v : {4LL, 64LL}) {
        Row row;
        row.values = {v};
        points.rows.push_back(row);
    }
    const std::string qml =
        proportional_points_qml(points, "casualties", "189,0,38,255", "Casualties");
    CHECK(qml.find("k=\"scale_method\" v=\"diameter\"") != std::string::npos);
    const ScaleExp diameter = scale_exp_of(qml, "casualties");
    CHECK(std::pow(diameter(16) / diameter(64), 2) == Approx(0.25));
}

TEST_CASE("the circle-size legend shows round values at the sizes the map draws them",
          "[style][size][legend]") {
    const std::string qml = incidents_qml(incidents_with_weights({3, 40, 230}));
    const ScaleExp diameter = scale_exp_of(qml, "weight");
    const std::regex legend_class{"<class size=\"([0-9.e+]+)\" label=\"([0-9]+)\"/>"};
    std::vector<double> values;
    for (auto it = std::sregex_iterator(qml.begin(), qml.end(), legend_class);
         it != std::sregex_iterator(); ++it) {
        const double value = std::stod((*it)[2]);
        CHECK(std::stod((*it)[1]) == Approx(std::max(1.5, diameter(value))).epsilon(0.001));
        values.push_back(value);
    }
    // 230 -> 200, 57.5 -> 50, 14.4 -> 10: round numbers below a quarter of each other.
    CHECK(values == std::vector<double>{200, 50, 10});
    CHECK_THAT(qml, Catch::Contains("<data-defined-size-legend type=\"separated\""));
    CHECK_THAT(qml, Catch::Contains("<source-symbol>"));
}

TEST_CASE("the incidents legend names event types in words", "[style][legend]") {
    LayerTable t = incidents_with_weights({1});
    std::get<std::string>(t.rows[0].values[0]) = "air_strike";
    const std::string qml = incidents_qml(t);
    CHECK_THAT(qml, Catch::Contains("value=\"air_strike\" label=\"Air or drone strike\""));
}

TEST_CASE("the briefing's map draws circle areas in proportion to casualties", "[brief][size]") {
    std::vector<MapMark> marks = {{{36.5, 35.0}, 100, "a"}, {{37.5, 34.0}, 25, "b"}};
    SvgMapSpec spec;
    const std::string svg = svg_incident_map(MapBoundaries{}, marks, spec);
    // The marks, largest first, then the legend's circles.
    const std::regex circle{"<circle [^>]*r=\"([0-9.]+)\" class=\"mark\"><title>"};
    std::vector<double> radii;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), circle);
         it != std::sregex_iterator(); ++it)
        radii.push_back(std::stod((*it)[1]));
    REQUIRE(radii.size() == 2);
    CHECK(std::pow(radii[1] / radii[0], 2) == Approx(0.25).epsilon(0.02));
}

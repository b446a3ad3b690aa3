#include "output/qgis_style.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "core/error.hpp"
#include "extract/taxonomy.hpp"
#include "geo/gdal_error.hpp"
#include "output/qml_templates.hpp"

namespace incimap {
namespace {

// ColorBrewer "Set1" + "Dark2" (qualitative, print- and colour-blind-friendlier than
// random colours): event types get them in alphabetical order.
constexpr const char* event_palette[] = {
    "228,26,28,255",  "55,126,184,255", "77,175,74,255",  "152,78,163,255", "255,127,0,255",
    "166,86,40,255",  "247,129,191,255", "27,158,119,255", "217,95,2,255",   "117,112,179,255",
    "231,41,138,255", "102,166,30,255", "230,171,2,255",  "153,153,153,255"};
// ColorBrewer "YlOrRd", 5 classes, for casualties; the first class (no casualties) is grey.
constexpr const char* choropleth_palette[] = {"240,240,240,255", "255,255,178,255",
                                              "254,204,92,255",  "253,141,60,255",
                                              "240,59,32,255",   "189,0,38,255"};

void replace_all(std::string& text, const std::string& key, const std::string& value) {
    const std::string token = "{{" + key + "}}";
    for (std::size_t at = text.find(token); at != std::string::npos;
         at = text.find(token, at + value.size()))
        text.replace(at, token.size(), value);
}

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::vector<double> numbers_of(const LayerTable& table, const std::string& field) {
    std::vector<double> out;
    const int index = table.field_index(field);
    if (index < 0) return out;
    for (const auto& row : table.rows) {
        const auto& v = row.values[static_cast<std::size_t>(index)];
        if (const auto* i = std::get_if<long long>(&v)) out.push_back(static_cast<double>(*i));
        if (const auto* d = std::get_if<double>(&v)) out.push_back(*d);
    }
    return out;
}

std::string number_text(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", v);
    return buffer;
}

// The expression gives a diameter in mm: 12 * sqrt(value / max), so that a circle's area is
// proportional to its value (exponent 0.5 from a zero diameter at zero), with a 1.5 mm floor
// that keeps incidents without casualties visible. The symbol's scale_method is "diameter":
// under "area" QGIS takes the square root of a data-defined size once more, which drew a
// 12 mm circle at about 3.5 mm.
constexpr double largest_circle_mm = 12;
constexpr double smallest_circle_mm = 1.5;
std::string size_expression(const std::string& field, double max_value) {
    return "max(" + number_text(smallest_circle_mm) + ", coalesce(scale_exp(\"" + field +
           "\", 0, " + number_text(std::max(max_value, 1.0)) + ", 0, " +
           number_text(largest_circle_mm) + ", 0.5), 0))";
}

std::string marker_symbol(const std::string& name, const std::string& color,
                          const std::string& size_expr) {
    std::string symbol{qml_template("marker_symbol")};
    replace_all(symbol, "NAME", name);
    replace_all(symbol, "COLOR", color);
    replace_all(symbol, "SIZE_EXPRESSION", xml_escape(size_expr));
    return symbol;
}

// Values shown in the circle-size legend: round numbers (1, 2 or 5 times a power of ten) at
// or below the largest value and about a quarter and a sixteenth of it, so that the three
// circles halve in diameter.
std::vector<double> legend_values(double max_value) {
    std::vector<double> values;
    for (double target : {max_value, max_value / 4, max_value / 16}) {
        if (target < 1) break;
        const double power = std::pow(10.0, std::floor(std::log10(target)));
        double round = power;
        for (double step : {2.0, 5.0, 10.0})
            if (step * power <= target) round = step * power;
        if (values.empty() || round < values.back()) values.push_back(round);
    }
    return values;
}

// QGIS's "data-defined size legend": a class's size is the diameter in mm drawn for its
// value, the same formula as size_expression (with an expression and no size-scale
// transformer, QGIS draws the class sizes as given).
std::string size_legend(const std::string& title, double max_value) {
    std::string classes;
    for (double v : legend_values(max_value)) {
        const double diameter = std::max(
            smallest_circle_mm, largest_circle_mm * std::sqrt(v / std::max(max_value, 1.0)));
        classes += "        <class size=\"" + number_text(diameter) + "\" label=\"" +
                   number_text(v) + "\"/>\n";
    }
    std::string legend{qml_template("size_legend")};
    replace_all(legend, "TITLE", xml_escape(title));
    replace_all(legend, "CLASSES", classes);
    return legend;
}

// Upper bounds of up to 5 classes of the non-zero values, by quantiles, rounded to integers.
std::vector<double> class_breaks(std::vector<double> values) {
    values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return v <= 0; }),
                 values.end());
    std::sort(values.begin(), values.end());
    std::vector<double> breaks;
    if (values.empty()) return breaks;
    constexpr int classes = 5;
    for (int k = 1; k <= classes; ++k) {
        const auto at = static_cast<std::size_t>(
            std::ceil(static_cast<double>(values.size()) * k / classes)) - 1;
        const double b = values[std::min(at, values.size() - 1)];
        if (breaks.empty() || b > breaks.back()) breaks.push_back(b);
    }
    return breaks;
}

}  // namespace

void IncidentsLegend::add(const LayerTable& incidents, const Row& row) {
    const int type_index = incidents.field_index("event_type");
    if (const auto* s = std::get_if<std::string>(&row.values[static_cast<std::size_t>(type_index)]))
        event_types.insert(*s);
    const int weight_index = incidents.field_index("weight");
    if (weight_index < 0) return;
    const auto& v = row.values[static_cast<std::size_t>(weight_index)];
    std::optional<double> weight;
    if (const auto* i = std::get_if<long long>(&v)) weight = static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&v)) weight = *d;
    if (weight && (!max_weight || *weight > *max_weight)) max_weight = weight;
}

std::string incidents_qml(const LayerTable& incidents) {
    IncidentsLegend legend;
    for (const auto& row : incidents.rows) legend.add(incidents, row);
    return incidents_qml(legend);
}

std::string incidents_qml(const IncidentsLegend& legend) {
    const double max_weight = legend.max_weight.value_or(1);
    const std::string size = size_expression("weight", max_weight);

    std::string categories, symbols;
    int n = 0;
    for (const auto& type : legend.event_types) {
        const std::string id = std::to_string(n);
        categories += "      <category render=\"true\" symbol=\"" + id + "\" value=\"" +
                      xml_escape(type) + "\" label=\"" + xml_escape(event_type_label(type)) +
                      "\"/>\n";
        symbols += marker_symbol(id, event_palette[n % std::size(event_palette)], size);
        ++n;
    }
    // An empty value is QGIS's "all other values" category: types added after writing.
    const std::string other = std::to_string(n);
    categories += "      <category render=\"true\" symbol=\"" + other +
                  "\" value=\"\" label=\"other\"/>\n";
    symbols += marker_symbol(other, "120,120,120,255", size);

    std::string qml{qml_template("incidents")};
    replace_all(qml, "CATEGORIES", categories);
    replace_all(qml, "SYMBOLS", symbols);
    replace_all(qml, "SOURCE_SYMBOL", marker_symbol("0", "120,120,120,255", size));
    replace_all(qml, "SIZE_LEGEND", size_legend("Weight (circle area)", max_weight));
    return qml;
}

std::string choropleth_qml(const LayerTable& polygons, const std::string& label_field) {
    const auto breaks = class_breaks(numbers_of(polygons, "casualties"));
    std::string ranges, symbols;
    auto add_range = [&](double lower, double upper, const std::string& label, int symbol) {
        const std::string id = std::to_string(symbol);
        ranges += "      <range render=\"true\" symbol=\"" + id + "\" lower=\"" +
                  number_text(lower) + "\" upper=\"" + number_text(upper) + "\" label=\"" +
                  label + "\"/>\n";
        std::string fill{qml_template("fill_symbol")};
        replace_all(fill, "NAME", id);
        replace_all(fill, "COLOR", choropleth_palette[std::min<std::size_t>(
                                       static_cast<std::size_t>(symbol),
                                       std::size(choropleth_palette) - 1)]);
        symbols += fill;
    };
    add_range(0, 0, "no casualties", 0);
    double lower = 0;
    for (std::size_t k = 0; k < breaks.size(); ++k) {
        // Casualties are whole numbers: the class after "0" starts at 1, and so on.
        const double from = lower + 1;
        add_range(lower, breaks[k],
                  number_text(from) + (breaks[k] > from ? " - " + number_text(breaks[k]) : ""),
                  static_cast<int>(k + 1));
        lower = breaks[k];
    }
    std::string qml{qml_template("choropleth")};
    replace_all(qml, "RANGES", ranges);
    replace_all(qml, "SYMBOLS", symbols);
    replace_all(qml, "LABELS", label_field.empty() ? "0" : "1");
    replace_all(qml, "LABEL_FIELD", label_field);
    return qml;
}

std::string proportional_points_qml(const LayerTable& points, const std::string& size_field,
                                    const std::string& color, const std::string& legend_title) {
    const auto values = numbers_of(points, size_field);
    const double max_value = values.empty() ? 1 : *std::max_element(values.begin(), values.end());
    std::string qml{qml_template("proportional_points")};
    replace_all(qml, "SYMBOL", marker_symbol("0", color, size_expression(size_field, max_value)));
    replace_all(qml, "SIZE_FIELD", size_field);
    replace_all(qml, "SIZE_LEGEND", size_legend(legend_title, max_value));
    return qml;
}

namespace {

// `streamed`, when given, stands for the rows of the incidents layer.
std::vector<LayerStyle> styles_of(const std::vector<LayerTable>& layers,
                                  const IncidentsLegend* streamed) {
    std::vector<LayerStyle> styles;
    for (const auto& layer : layers) {
        LayerStyle style{layer.name, "geom", "incimap default", {}, {}};
        if (layer.name == "incidents") {
            style.description = "Circles sized by weight, coloured by event type";
            style.qml = streamed ? incidents_qml(*streamed) : incidents_qml(layer);
        } else if (layer.name == "governorates") {
            style.description = "Choropleth of casualties, labelled with governorate names";
            style.qml = choropleth_qml(layer, "admin1_name");
        } else if (layer.name == "districts") {
            style.description = "Choropleth of casualties";
            style.qml = choropleth_qml(layer, "");
        } else if (layer.name == "governorate_points") {
            style.description = "Circles sized by casualties";
            style.qml = proportional_points_qml(layer, "casualties", "189,0,38,255",
                                                 "Casualties (circle area)");
        } else if (layer.name == "places") {
            style.description = "Circles sized by incidents";
            style.qml = proportional_points_qml(layer, "incidents", "49,130,189,255",
                                                 "Incidents (circle area)");
        } else {
            continue;
        }
        styles.push_back(std::move(style));
    }
    return styles;
}

}  // namespace

std::vector<LayerStyle> default_styles(const std::vector<LayerTable>& layers) {
    return styles_of(layers, nullptr);
}

std::vector<LayerStyle> default_styles(const std::vector<LayerTable>& layers,
                                       const IncidentsLegend& incidents) {
    return styles_of(layers, &incidents);
}

void write_layer_styles(GdalDataset& gpkg, const std::vector<LayerStyle>& styles) {
    OGRLayer* table = gpkg.find_layer("layer_styles");
    if (!table) {
        // The columns QGIS creates (QgsOgrProviderUtils::saveStyle); `id` is the FID.
        table = &gpkg.create_layer("layer_styles", wkbNone, {{"FID", "id"}});
        for (const char* name : {"f_table_catalog", "f_table_schema", "f_table_name",
                                 "f_geometry_column", "styleName", "styleQML", "styleSLD"})
            add_field(*table, name, OFTString);
        add_field(*table, "useAsDefault", OFTInteger, OFSTBoolean);
        for (const char* name : {"description", "owner", "ui"}) add_field(*table, name, OFTString);
        add_field(*table, "update_time", OFTDateTime);
    }
    gpkg.begin();
    try {
        for (const auto& style : styles) {
            // Only one default per layer: QGIS would otherwise pick one by update time.
            gpkg.execute("UPDATE layer_styles SET useAsDefault = 0 WHERE f_table_name = '" +
                         style.layer + "'");
            OGRFeatureUniquePtr row{OGRFeature::CreateFeature(table->GetLayerDefn())};
            row->SetField("f_table_catalog", "");
            row->SetField("f_table_schema", "");
            row->SetField("f_table_name", style.layer.c_str());
            row->SetField("f_geometry_column", style.geometry_column.c_str());
            row->SetField("styleName", style.name.c_str());
            row->SetField("styleQML", style.qml.c_str());
            row->SetField("styleSLD", "");
            row->SetField("useAsDefault", 1);
            row->SetField("description", style.description.c_str());
            row->SetField("owner", "");
            row->SetField("ui", "");
            time_t now = std::time(nullptr);
            struct tm utc {};
            gmtime_r(&now, &utc);
            row->SetField("update_time", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                          utc.tm_hour, utc.tm_min, static_cast<float>(utc.tm_sec), 100);
            create_feature(*table, *row, gpkg.path());
        }
        gpkg.commit();
    } catch (...) {
        gpkg.rollback();
        throw;
    }
}

}  // namespace incimap

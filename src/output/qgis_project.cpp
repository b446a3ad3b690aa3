#include "output/qgis_project.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstdio>
#include <memory>

#include "core/error.hpp"

namespace incimap {
namespace {

// QGIS 3.22 (Debian 12) is the oldest QGIS the project is tested with; newer ones upgrade it.
constexpr const char* qgis_version = "3.22.16";

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDoc = std::unique_ptr<xmlDoc, DocFree>;

const xmlChar* x(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* x(const std::string& s) { return x(s.c_str()); }

// A child element with text (escaped by libxml2) or empty.
xmlNode* add(xmlNode* parent, const char* name, const std::string& text = {}) {
    return xmlNewTextChild(parent, nullptr, x(name), text.empty() ? nullptr : x(text));
}

void set(xmlNode* node, const char* name, const std::string& value) {
    xmlSetProp(node, x(name), x(value));
}

// QGIS's project properties are typed: <Absolute type="bool">false</Absolute>.
void add_property(xmlNode* parent, const char* name, const char* type, const std::string& value) {
    set(add(parent, name, value), "type", type);
}

std::string number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", v);
    return buffer;
}

void add_crs(xmlNode* parent, const QgisCrs& crs) {
    xmlNode* srs = add(parent, "spatialrefsys");
    add(srs, "wkt", crs.wkt);
    add(srs, "proj4", crs.proj4);
    // srsid 0: QGIS builds the CRS from the WKT rather than from its own srs.db numbering.
    add(srs, "srsid", "0");
    add(srs, "srid", "0");
    add(srs, "authid", crs.authid);
    add(srs, "description", crs.description);
}

void add_extent(xmlNode* parent, const QgisExtent& extent) {
    xmlNode* node = add(parent, "extent");
    add(node, "xmin", number(extent.xmin));
    add(node, "ymin", number(extent.ymin));
    add(node, "xmax", number(extent.xmax));
    add(node, "ymax", number(extent.ymax));
}

// QGIS keeps a layer id from the project only when it is longer than 10 characters
// (QgsMapLayer::readLayerXml) and makes up a new one otherwise, which the layer tree then no
// longer finds: "incimap_places", never "places".
std::string layer_id(const QgisMapLayer& layer) { return "incimap_" + layer.name; }

// QGIS's short geometry names ("geometry" attribute) for the wkbType names we use.
std::string geometry_name(const std::string& wkb_type) {
    if (wkb_type.find("Point") != std::string::npos) return "Point";
    if (wkb_type.find("Line") != std::string::npos) return "Line";
    if (wkb_type.find("Polygon") != std::string::npos) return "Polygon";
    return "No geometry";
}

// A QML style's content moves into the layer: its root's attributes (labelsEnabled, ...)
// and every element under the root, as QGIS itself stores a layer's style in a project.
void add_style(xmlNode* maplayer, const QgisMapLayer& layer) {
    XmlDoc qml{xmlReadMemory(
        layer.qml.data(), static_cast<int>(layer.qml.size()), nullptr, "UTF-8",
        XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)};
    xmlNode* root = qml ? xmlDocGetRootElement(qml.get()) : nullptr;
    if (!root || xmlStrcmp(root->name, x("qgis")) != 0)
        throw Error("the QGIS style of layer " + layer.name + " is not a QML document");
    for (xmlAttr* attr = root->properties; attr; attr = attr->next) {
        if (xmlStrcmp(attr->name, x("version")) == 0) continue;
        xmlChar* value = xmlNodeListGetString(qml.get(), attr->children, 1);
        xmlSetProp(maplayer, attr->name, value ? value : x(""));
        xmlFree(value);
    }
    for (xmlNode* child = root->children; child; child = child->next)
        if (child->type == XML_ELEMENT_NODE)
            xmlAddChild(maplayer, xmlDocCopyNode(child, maplayer->doc, 1));
}

void add_map_layer(xmlNode* projectlayers, const QgisMapLayer& layer) {
    xmlNode* maplayer = add(projectlayers, "maplayer");
    set(maplayer, "type", layer.raster ? "raster" : "vector");
    if (!layer.raster) {
        set(maplayer, "geometry", geometry_name(layer.geometry));
        set(maplayer, "wkbType", layer.geometry);
    }
    add(maplayer, "id", layer_id(layer));
    add(maplayer, "datasource", layer.source);
    add(maplayer, "layername", layer.name);
    add_crs(add(maplayer, "srs"), layer.crs);
    xmlNode* provider = add(maplayer, "provider", layer.raster ? "gdal" : "ogr");
    if (!layer.raster) set(provider, "encoding", "UTF-8");
    add_style(maplayer, layer);
}

void add_layer_tree(xmlNode* root, const std::vector<QgisMapLayer>& layers) {
    xmlNode* group = add(root, "layer-tree-group");
    add(group, "customproperties");
    for (const auto& layer : layers) {
        xmlNode* node = add(group, "layer-tree-layer");
        set(node, "id", layer_id(layer));
        set(node, "name", layer.name);
        set(node, "source", layer.source);
        set(node, "providerKey", layer.raster ? "gdal" : "ogr");
        set(node, "checked", layer.visible ? "Qt::Checked" : "Qt::Unchecked");
        set(node, "expanded", "1");
        add(node, "customproperties");
    }
}

// A step the time slider can play through in a minute or two at one frame a second.
const char* time_step_unit(const Date& first, const Date& last) {
    const long days = last.days_since_epoch() - first.days_since_epoch() + 1;
    if (days <= 92) return "d";  // QgsUnitTypes' encodings of TemporalUnit
    if (days <= 3 * 365) return "wk";
    return "mon";
}

// The temporal controller: its range is the data's (the last day included) and its mode
// "animated" (QgsTemporalNavigationObject::Animated = 1), so the slider plays at once.
void add_time_settings(xmlNode* root, xmlNode* properties, const QgisProject& project) {
    if (!project.first_date || !project.last_date) return;
    const std::string start = project.first_date->iso() + "T00:00:00Z";
    const std::string end = project.last_date->plus_days(1).iso() + "T00:00:00Z";
    xmlNode* widget = add(properties, "TemporalControllerWidget");
    add_property(widget, "NavigationMode", "int", "1");
    add_property(widget, "StartDateTime", "QString", start);
    add_property(widget, "EndDateTime", "QString", end);

    xmlNode* settings = add(root, "ProjectTimeSettings");
    set(settings, "timeStep", "1");
    set(settings, "timeStepUnit", time_step_unit(*project.first_date, *project.last_date));
    set(settings, "frameRate", "1");
    set(settings, "cumulativeTemporalRange", "0");
    xmlNode* range = add(settings, "TemporalRange");
    add(range, "start", start);
    add(range, "end", end);
}

// Where QGIS opens the map: the canvas QGIS itself saves as "theMapCanvas".
void add_map_canvas(xmlNode* root, const QgisProject& project) {
    xmlNode* canvas = add(root, "mapcanvas");
    set(canvas, "name", "theMapCanvas");
    set(canvas, "annotationsVisible", "1");
    add(canvas, "units", "degrees");
    add_extent(canvas, project.extent);
    add(canvas, "rotation", "0");
    add_crs(add(canvas, "destinationsrs"), project.crs);
    add(canvas, "rendermaptile", "0");
}

}  // namespace

std::string qgis_project_xml(const QgisProject& project) {
    XmlDoc doc{xmlNewDoc(x("1.0"))};
    xmlCreateIntSubset(doc.get(), x("qgis"), x("http://mrcc.com/qgis.dtd"), x("SYSTEM"));
    xmlNode* root = xmlNewDocNode(doc.get(), nullptr, x("qgis"), nullptr);
    xmlDocSetRootElement(doc.get(), root);
    set(root, "version", qgis_version);
    set(root, "projectname", project.title);
    set(add(root, "homePath"), "path", "");
    add(root, "title", project.title);
    add_crs(add(root, "projectCrs"), project.crs);
    add_layer_tree(root, project.layers);
    add_map_canvas(root, project);
    xmlNode* layers = add(root, "projectlayers");
    for (const auto& layer : project.layers) add_map_layer(layers, layer);

    xmlNode* properties = add(root, "properties");
    // Without it QGIS 3.22 ignores <projectCrs> and leaves the project without a CRS.
    add_property(add(properties, "SpatialRefSys"), "ProjectionsEnabled", "int", "1");
    // Relative paths: the folder can be moved or handed on with its project.
    add_property(add(properties, "Paths"), "Absolute", "bool", "false");
    add_time_settings(root, properties, project);

    xmlNode* metadata = add(root, "projectMetadata");
    add(metadata, "identifier");
    add(metadata, "parentidentifier");
    add(metadata, "language", "en");
    add(metadata, "type", "dataset");
    add(metadata, "title", project.title);
    add(metadata, "abstract", project.abstract);
    add(metadata, "author", "incimap");
    add(metadata, "creation", utc_timestamp_now());

    xmlChar* text = nullptr;
    int size = 0;
    xmlDocDumpFormatMemoryEnc(doc.get(), &text, &size, "UTF-8", 1);
    if (!text) throw Error("libxml2 could not write the QGIS project (out of memory)");
    std::string out(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
    xmlFree(text);
    return out;
}

}  // namespace incimap

// QML as QGIS 3.22 writes it for graduated, categorized and single-symbol
// renderers. Each symbol layer carries its properties twice, as an
// <Option type="Map"> and as legacy <prop k v> pairs, as 3.22 itself does, so
// both newer and older QGIS versions read them.
#include <string>
#include <utility>
#include <vector>

#include "core/export/layer_style.hpp"
#include "core/export/number_text.hpp"
#include "core/export/xml_writer.hpp"

namespace geso::core {
namespace {

using Props = std::vector<std::pair<std::string, std::string>>;

std::string qgisColor(const StyleColor& c) {
    return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b) + "," +
           std::to_string(c.a);
}

void writeEmptyDataDefined(XmlWriter& w, const char* tag) {
    w.open(tag);
    w.open("Option", {{"type", "Map"}});
    w.empty("Option", {{"type", "QString"}, {"name", "name"}, {"value", ""}});
    w.empty("Option", {{"name", "properties"}});
    w.empty("Option", {{"type", "QString"}, {"name", "type"}, {"value", "collection"}});
    w.close();
    w.close();
}

Props fillProps(const LayerStyle& s, const StyleColor& fill) {
    const std::string noScale = "3x:0,0,0,0,0,0";
    return {{"border_width_map_unit_scale", noScale},
            {"color", qgisColor(fill)},
            {"joinstyle", "bevel"},
            {"offset", "0,0"},
            {"offset_map_unit_scale", noScale},
            {"offset_unit", "MM"},
            {"outline_color", qgisColor(s.outline)},
            {"outline_style", "solid"},
            {"outline_width", formatShortest(s.outlineWidthMm)},
            {"outline_width_unit", "MM"},
            {"style", "solid"}};
}

// What one symbol looks like: its fill, outline and (markers) shape.
struct Look {
    StyleColor fill, outline;
    std::string marker = "circle";
};

Look lookOf(const LayerStyle& s, const StyleColor& fill) { return {fill, s.outline, "circle"}; }
Look lookOf(const LayerStyle& s, const StyleCategory& c) {
    return {c.color, c.outline.value_or(s.outline), c.marker.empty() ? "circle" : c.marker};
}

Props markerProps(const LayerStyle& s, const Look& look) {
    const std::string noScale = "3x:0,0,0,0,0,0";
    return {{"angle", "0"},
            {"color", qgisColor(look.fill)},
            {"horizontal_anchor_point", "1"},
            {"joinstyle", "bevel"},
            {"name", look.marker},
            {"offset", "0,0"},
            {"offset_map_unit_scale", noScale},
            {"offset_unit", "MM"},
            {"outline_color", qgisColor(look.outline)},
            {"outline_style", "solid"},
            {"outline_width", formatShortest(s.outlineWidthMm)},
            {"outline_width_map_unit_scale", noScale},
            {"outline_width_unit", "MM"},
            {"scale_method", "diameter"},
            {"size", formatShortest(s.markerSizeMm)},
            {"size_map_unit_scale", noScale},
            {"size_unit", "MM"},
            {"vertical_anchor_point", "1"}};
}

void writeSymbol(XmlWriter& w, const LayerStyle& s, const std::string& name, const Look& look) {
    const bool marker = s.symbol == SymbolKind::Marker;
    w.open("symbol", {{"type", marker ? "marker" : "fill"},
                      {"name", name},
                      {"alpha", "1"},
                      {"clip_to_extent", "1"},
                      {"force_rhr", "0"}});
    writeEmptyDataDefined(w, "data_defined_properties");
    w.open("layer", {{"class", marker ? "SimpleMarker" : "SimpleFill"},
                     {"enabled", "1"},
                     {"locked", "0"},
                     {"pass", "0"}});
    const Props props = marker ? markerProps(s, look) : fillProps(s, look.fill);
    w.open("Option", {{"type", "Map"}});
    for (const auto& [k, v] : props) w.empty("Option", {{"type", "QString"}, {"name", k}, {"value", v}});
    w.close();
    for (const auto& [k, v] : props) w.empty("prop", {{"k", k}, {"v", v}});
    writeEmptyDataDefined(w, "data_defined_properties");
    w.close();  // layer
    w.close();  // symbol
}

void writeRenderer(XmlWriter& w, const LayerStyle& s) {
    const XmlWriter::Attributes common = {{"forceraster", "0"},
                                          {"symbollevels", "0"},
                                          {"enableorderby", "0"},
                                          {"referencescale", "-1"}};
    if (!s.ranges.empty()) {
        XmlWriter::Attributes a = {{"type", "graduatedSymbol"},
                                   {"attr", s.field},
                                   {"graduatedMethod", "GraduatedColor"}};
        a.insert(a.end(), common.begin(), common.end());
        w.open("renderer-v2", a);
        w.open("ranges");
        for (size_t i = 0; i < s.ranges.size(); ++i) {
            const StyleRange& r = s.ranges[i];
            w.empty("range", {{"symbol", std::to_string(i)},
                              {"lower", formatShortest(r.lower)},
                              {"upper", formatShortest(r.upper)},
                              {"label", r.label},
                              {"render", "true"}});
        }
        w.close();
        w.open("symbols");
        for (size_t i = 0; i < s.ranges.size(); ++i) writeSymbol(w, s, std::to_string(i), lookOf(s, s.ranges[i].color));
        w.close();
        w.open("source-symbol");
        writeSymbol(w, s, "0", lookOf(s, s.ranges.front().color));
        w.close();
        w.open("classificationMethod", {{"id", "Custom"}});
        w.empty("symmetricMode", {{"enabled", "0"}, {"symmetrypoint", "0"}, {"astride", "0"}});
        w.empty("labelFormat", {{"format", "%1 - %2"}, {"labelprecision", "1"}, {"trimtrailingzeroes", "1"}});
        w.close();
    } else if (!s.categories.empty()) {
        XmlWriter::Attributes a = {{"type", "categorizedSymbol"}, {"attr", s.field}};
        a.insert(a.end(), common.begin(), common.end());
        w.open("renderer-v2", a);
        w.open("categories");
        for (size_t i = 0; i < s.categories.size(); ++i) {
            const StyleCategory& c = s.categories[i];
            w.empty("category", {{"symbol", std::to_string(i)},
                                 {"value", c.value},
                                 {"label", c.label},
                                 {"render", "true"}});
        }
        w.close();
        w.open("symbols");
        for (size_t i = 0; i < s.categories.size(); ++i)
            writeSymbol(w, s, std::to_string(i), lookOf(s, s.categories[i]));
        w.close();
        w.open("source-symbol");
        writeSymbol(w, s, "0", lookOf(s, s.categories.front()));
        w.close();
    } else {
        XmlWriter::Attributes a = {{"type", "singleSymbol"}};
        a.insert(a.end(), common.begin(), common.end());
        w.open("renderer-v2", a);
        w.open("symbols");
        writeSymbol(w, s, "0", lookOf(s, s.singleColor));
        w.close();
    }
    w.empty("rotation");
    w.empty("sizescale");
    w.close();  // renderer-v2
}

}  // namespace

std::string styleQml(const LayerStyle& s) {
    XmlWriter w(false);
    w.raw("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>");
    w.open("qgis", {{"version", "3.22.0-Białowieża"},
                    {"styleCategories", "AllStyleCategories"},
                    {"hasScaleBasedVisibilityFlag", "0"},
                    {"labelsEnabled", "0"}});
    writeRenderer(w, s);
    w.textElement("blendMode", "0");
    w.textElement("featureBlendMode", "0");
    w.textElement("layerOpacity", "1");
    w.textElement("layerGeometryType", s.symbol == SymbolKind::Marker ? "0" : "2");
    w.close();
    return w.finish();
}

}  // namespace geso::core

// SLD 1.1.0 in the form QGIS exports it: one se:Rule per class with an
// ogc:Filter on the field, a Polygon- or PointSymbolizer with se:SvgParameter.
#include <cstdio>
#include <string>

#include "core/export/layer_style.hpp"
#include "core/export/number_text.hpp"
#include "core/export/xml_writer.hpp"

namespace geso::core {
namespace {

std::string hexColor(const StyleColor& c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

void writeComparison(XmlWriter& w, const char* op, const std::string& field, const std::string& literal) {
    w.open(op);
    w.textElement("ogc:PropertyName", field);
    w.textElement("ogc:Literal", literal);
    w.close();
}

void writeFillStroke(XmlWriter& w, const LayerStyle& s, const StyleColor& fill, const StyleColor& outline) {
    w.open("se:Fill");
    w.textElement("se:SvgParameter", hexColor(fill), {{"name", "fill"}});
    if (fill.a != 255)
        w.textElement("se:SvgParameter", formatShortest(fill.a / 255.0), {{"name", "fill-opacity"}});
    w.close();
    w.open("se:Stroke");
    w.textElement("se:SvgParameter", hexColor(outline), {{"name", "stroke"}});
    // SLD widths are pixels; QGIS converts 1 mm ≈ 3.78 px at 96 dpi.
    w.textElement("se:SvgParameter", formatShortest(s.outlineWidthMm * 96.0 / 25.4), {{"name", "stroke-width"}});
    w.textElement("se:SvgParameter", "bevel", {{"name", "stroke-linejoin"}});
    w.close();
}

void writeSymbolizer(XmlWriter& w, const LayerStyle& s, const StyleColor& fill,
                     const StyleColor& outline, const std::string& marker = "circle") {
    if (s.symbol == SymbolKind::Fill) {
        w.open("se:PolygonSymbolizer");
        writeFillStroke(w, s, fill, outline);
        w.close();
        return;
    }
    w.open("se:PointSymbolizer");
    w.open("se:Graphic");
    w.open("se:Mark");
    w.textElement("se:WellKnownName", marker);  // QGIS reads its own marker names here too
    writeFillStroke(w, s, fill, outline);
    w.close();
    w.textElement("se:Size", formatShortest(s.markerSizeMm * 96.0 / 25.4));
    w.close();
    w.close();
}

void openRule(XmlWriter& w, const std::string& label) {
    w.open("se:Rule");
    w.textElement("se:Name", label);
    w.open("se:Description");
    w.textElement("se:Title", label);
    w.close();
}

}  // namespace

std::string styleSld(const LayerStyle& s, const std::string& layerName) {
    XmlWriter w;
    w.open("StyledLayerDescriptor",
           {{"xmlns", "http://www.opengis.net/sld"},
            {"xmlns:ogc", "http://www.opengis.net/ogc"},
            {"xmlns:xlink", "http://www.w3.org/1999/xlink"},
            {"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"},
            {"xmlns:se", "http://www.opengis.net/se"},
            {"version", "1.1.0"},
            {"xsi:schemaLocation",
             "http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd"}});
    w.open("NamedLayer");
    w.textElement("se:Name", layerName);
    w.open("UserStyle");
    w.textElement("se:Name", s.name);
    w.open("se:FeatureTypeStyle");
    if (!s.ranges.empty()) {
        for (size_t i = 0; i < s.ranges.size(); ++i) {
            const StyleRange& r = s.ranges[i];
            openRule(w, r.label);
            w.open("ogc:Filter");
            w.open("ogc:And");
            // First class closed below, the others open below: (lower, upper].
            writeComparison(w, i == 0 ? "ogc:PropertyIsGreaterThanOrEqualTo" : "ogc:PropertyIsGreaterThan",
                            s.field, formatShortest(r.lower));
            writeComparison(w, "ogc:PropertyIsLessThanOrEqualTo", s.field, formatShortest(r.upper));
            w.close();
            w.close();
            writeSymbolizer(w, s, r.color, s.outline);
            w.close();
        }
    } else if (!s.categories.empty()) {
        for (const StyleCategory& c : s.categories) {
            openRule(w, c.label);
            w.open("ogc:Filter");
            writeComparison(w, "ogc:PropertyIsEqualTo", s.field, c.value);
            w.close();
            writeSymbolizer(w, s, c.color, c.outline.value_or(s.outline), c.marker.empty() ? "circle" : c.marker);
            w.close();
        }
    } else {
        openRule(w, s.name);
        writeSymbolizer(w, s, s.singleColor, s.outline);
        w.close();
    }
    w.close();  // FeatureTypeStyle
    w.close();  // UserStyle
    w.close();  // NamedLayer
    w.close();  // StyledLayerDescriptor
    return w.finish();
}

}  // namespace geso::core

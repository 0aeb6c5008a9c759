#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "core/export/layer_style.hpp"
#include "core/export/xml_writer.hpp"
#include "xml_check.hpp"

using namespace geso::core;
using geso::testing::strictXmlProblem;
using geso::testing::XmlTree;

namespace {

LayerStyle graduated() {
    LayerStyle s;
    s.name = "Totalindex";
    s.isDefault = true;
    s.field = "total";
    s.ranges = {{62.5, 80, {215, 48, 39, 255}, "62,5–80"},
                {80, 100.25, {252, 141, 89, 255}, "80–100,25 <Malmö & \"stad\">"},
                {100.25, 131, {145, 191, 219, 255}, "100,25–131"}};
    return s;
}

LayerStyle categorized() {
    LayerStyle s;
    s.name = "Tema";
    s.symbol = SymbolKind::Marker;
    s.field = "tema";
    s.categories = {{"Trygghet", {27, 158, 119, 255}, "Trygghet", "", std::nullopt},
                    {"Skola & fritid", {217, 95, 2, 255}, "Skola & fritid", "", std::nullopt}};
    return s;
}

// Range lower/upper/label and the colour of its symbol, read back from QML.
struct QmlRange { double lower, upper; std::string label, color; };

std::vector<QmlRange> readRanges(CPLXMLNode* qgis) {
    std::vector<QmlRange> out;
    CPLXMLNode* ranges = CPLGetXMLNode(qgis, "renderer-v2.ranges");
    CPLXMLNode* symbols = CPLGetXMLNode(qgis, "renderer-v2.symbols");
    for (CPLXMLNode* r = ranges ? ranges->psChild : nullptr; r; r = r->psNext) {
        if (r->eType != CXT_Element) continue;
        QmlRange q{std::strtod(CPLGetXMLValue(r, "lower", "nan"), nullptr), std::strtod(CPLGetXMLValue(r, "upper", "nan"), nullptr),
                   CPLGetXMLValue(r, "label", ""), ""};
        const std::string symbolName = CPLGetXMLValue(r, "symbol", "");
        for (CPLXMLNode* s = symbols ? symbols->psChild : nullptr; s; s = s->psNext) {
            if (s->eType != CXT_Element || symbolName != CPLGetXMLValue(s, "name", "?")) continue;
            CPLXMLNode* map = CPLGetXMLNode(s, "layer.Option");
            for (CPLXMLNode* o = map ? map->psChild : nullptr; o; o = o->psNext)
                if (o->eType == CXT_Element && std::string(CPLGetXMLValue(o, "name", "")) == "color")
                    q.color = CPLGetXMLValue(o, "value", "");
        }
        out.push_back(q);
    }
    return out;
}

}  // namespace

TEST(XmlWriter, EscapesTextAndAttributes) {
    EXPECT_EQ(escapeXml("a<b>&\"c'\x01"), "a&lt;b&gt;&amp;&quot;c&apos; ");
    XmlWriter w;
    w.open("root", {{"attr", "x\"<y>"}});
    w.textElement("t", "Möllevången & Sofielund");
    w.close();
    const std::string xml = w.finish();
    EXPECT_EQ(strictXmlProblem(xml), "");
    EXPECT_NE(xml.find("Möllevången &amp; Sofielund"), std::string::npos);
}

TEST(QmlStyle, GraduatedIsWellFormedWithBreaksColoursAndLabels) {
    const std::string qml = styleQml(graduated());
    EXPECT_EQ(strictXmlProblem(qml), "");
    XmlTree tree(qml);
    ASSERT_NE(tree.root, nullptr);
    CPLXMLNode* qgis = CPLGetXMLNode(tree.root, "=qgis");
    ASSERT_NE(qgis, nullptr);
    EXPECT_EQ(std::string(CPLGetXMLValue(qgis, "version", "")).rfind("3.22", 0), 0u);
    EXPECT_STREQ(CPLGetXMLValue(qgis, "styleCategories", ""), "AllStyleCategories");
    EXPECT_STREQ(CPLGetXMLValue(qgis, "renderer-v2.type", ""), "graduatedSymbol");
    EXPECT_STREQ(CPLGetXMLValue(qgis, "renderer-v2.attr", ""), "total");
    EXPECT_STREQ(CPLGetXMLValue(qgis, "renderer-v2.graduatedMethod", ""), "GraduatedColor");
    const auto ranges = readRanges(qgis);
    ASSERT_EQ(ranges.size(), 3u);
    EXPECT_EQ(ranges[0].lower, 62.5);
    EXPECT_EQ(ranges[0].upper, 80.0);
    EXPECT_EQ(ranges[1].upper, 100.25);
    EXPECT_EQ(ranges[2].upper, 131.0);
    EXPECT_EQ(ranges[0].color, "215,48,39,255");
    EXPECT_EQ(ranges[2].color, "145,191,219,255");
    EXPECT_EQ(ranges[1].label, "80–100,25 <Malmö & \"stad\">");
    EXPECT_STREQ(CPLGetXMLValue(qgis, "layerGeometryType", ""), "2");
}

TEST(QmlStyle, CategorizedMarkers) {
    const std::string qml = styleQml(categorized());
    EXPECT_EQ(strictXmlProblem(qml), "");
    XmlTree tree(qml);
    CPLXMLNode* qgis = CPLGetXMLNode(tree.root, "=qgis");
    ASSERT_NE(qgis, nullptr);
    EXPECT_STREQ(CPLGetXMLValue(qgis, "renderer-v2.type", ""), "categorizedSymbol");
    EXPECT_STREQ(CPLGetXMLValue(qgis, "renderer-v2.attr", ""), "tema");
    CPLXMLNode* cats = CPLGetXMLNode(qgis, "renderer-v2.categories");
    ASSERT_NE(cats, nullptr);
    std::vector<std::string> values;
    for (CPLXMLNode* c = cats->psChild; c; c = c->psNext)
        if (c->eType == CXT_Element) values.push_back(CPLGetXMLValue(c, "value", ""));
    EXPECT_EQ(values, (std::vector<std::string>{"Trygghet", "Skola & fritid"}));
    EXPECT_STREQ(CPLGetXMLValue(qgis, "renderer-v2.symbols.symbol.type", ""), "marker");
    EXPECT_STREQ(CPLGetXMLValue(qgis, "renderer-v2.symbols.symbol.layer.class", ""), "SimpleMarker");
    EXPECT_STREQ(CPLGetXMLValue(qgis, "layerGeometryType", ""), "0");
}

TEST(QmlStyle, SingleSymbolWhenNoClasses) {
    LayerStyle s;
    s.name = "Punkter";
    s.symbol = SymbolKind::Marker;
    const std::string qml = styleQml(s);
    EXPECT_EQ(strictXmlProblem(qml), "");
    EXPECT_NE(qml.find("type=\"singleSymbol\""), std::string::npos);
}

TEST(SldStyle, GraduatedRulesUseLowerOpenUpperClosedFilters) {
    const std::string sld = styleSld(graduated(), "geso_omraden");
    EXPECT_EQ(strictXmlProblem(sld), "");
    XmlTree tree(sld);
    CPLXMLNode* root = CPLGetXMLNode(tree.root, "=StyledLayerDescriptor");
    ASSERT_NE(root, nullptr);
    EXPECT_STREQ(CPLGetXMLValue(root, "version", ""), "1.1.0");
    EXPECT_STREQ(CPLGetXMLValue(root, "xmlns:se", ""), "http://www.opengis.net/se");
    EXPECT_STREQ(CPLGetXMLValue(root, "NamedLayer.se:Name", ""), "geso_omraden");
    CPLXMLNode* fts = CPLGetXMLNode(root, "NamedLayer.UserStyle.se:FeatureTypeStyle");
    ASSERT_NE(fts, nullptr);
    std::vector<CPLXMLNode*> rules;
    for (CPLXMLNode* r = fts->psChild; r; r = r->psNext)
        if (r->eType == CXT_Element) rules.push_back(r);
    ASSERT_EQ(rules.size(), 3u);
    // First class closed below, later ones open below.
    EXPECT_STREQ(CPLGetXMLValue(rules[0], "ogc:Filter.ogc:And.ogc:PropertyIsGreaterThanOrEqualTo.ogc:Literal", ""),
                 "62.5");
    EXPECT_STREQ(CPLGetXMLValue(rules[1], "ogc:Filter.ogc:And.ogc:PropertyIsGreaterThan.ogc:Literal", ""), "80");
    EXPECT_STREQ(CPLGetXMLValue(rules[1], "ogc:Filter.ogc:And.ogc:PropertyIsLessThanOrEqualTo.ogc:Literal", ""),
                 "100.25");
    EXPECT_STREQ(CPLGetXMLValue(rules[1], "ogc:Filter.ogc:And.ogc:PropertyIsLessThanOrEqualTo.ogc:PropertyName", ""),
                 "total");
    EXPECT_STREQ(CPLGetXMLValue(rules[0], "se:PolygonSymbolizer.se:Fill.se:SvgParameter", ""), "#d73027");
    EXPECT_STREQ(CPLGetXMLValue(rules[1], "se:Name", ""), "80–100,25 <Malmö & \"stad\">");
}

TEST(SldStyle, CategorizedPointRules) {
    const std::string sld = styleSld(categorized(), "pagaende_insatser");
    EXPECT_EQ(strictXmlProblem(sld), "");
    XmlTree tree(sld);
    CPLXMLNode* fts = CPLGetXMLNode(tree.root, "=StyledLayerDescriptor.NamedLayer.UserStyle.se:FeatureTypeStyle");
    ASSERT_NE(fts, nullptr);
    CPLXMLNode* rule = CPLGetXMLNode(fts, "se:Rule");
    ASSERT_NE(rule, nullptr);
    EXPECT_STREQ(CPLGetXMLValue(rule, "ogc:Filter.ogc:PropertyIsEqualTo.ogc:Literal", ""), "Trygghet");
    EXPECT_STREQ(CPLGetXMLValue(rule, "se:PointSymbolizer.se:Graphic.se:Mark.se:WellKnownName", ""), "circle");
}

TEST(LayerStyle, Utf8LengthCountsCharacters) {
    EXPECT_EQ(utf8Length("Möllevången"), 11u);
    EXPECT_EQ(utf8Length(""), 0u);
}

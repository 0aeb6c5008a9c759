#include "render/headless/map_content.hpp"

#include <cctype>
#include <cmath>
#include <map>

#include "core/text/strings.hpp"

namespace geso::render {
namespace {

// Okabe & Ito's colour-blind-safe qualitative colours (Color Universal Design).
constexpr Rgba kQualitative[] = {{0, 114, 178, 255},  {230, 159, 0, 255},  {0, 158, 115, 255},
                                 {204, 121, 167, 255}, {86, 180, 233, 255}, {213, 94, 0, 255},
                                 {240, 228, 66, 255},  {0, 0, 0, 255}};

const core::Column* firstColumn(const core::PointLayer& layer, std::initializer_list<const char*> names) {
    for (const char* n : names)
        for (const auto& c : layer.columns)
            if (c.name.size() == std::char_traits<char>::length(n)) {
                bool same = true;
                for (size_t i = 0; i < c.name.size() && same; ++i)
                    same = std::tolower(static_cast<unsigned char>(c.name[i])) == n[i];
                if (same) return &c;
            }
    return nullptr;
}

std::string cellText(const core::Column& c, size_t i) {
    if (i < c.isNull.size() && c.isNull[i]) return "";
    if (c.numeric()) {
        const double v = i < c.num.size() ? c.num[i] : NAN;
        if (!std::isfinite(v)) return "";
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        return buf;
    }
    return i < c.text.size() ? c.text[i] : "";
}

}  // namespace

FeatureFill featureFill(const core::Choropleth& map) {
    FeatureFill f;
    f.color = map.featureColor;
    f.noData.resize(map.value.size());
    for (size_t i = 0; i < map.value.size(); ++i) f.noData[i] = std::isnan(map.value[i]) ? 1 : 0;
    return f;
}

StyledPoints stylePoints(const core::PointLayer& layer, std::initializer_list<const char*> categoryColumns,
                         std::string title, bool colourByCategory, float sizePx) {
    StyledPoints out;
    out.legend.title = std::move(title);
    const core::Column* col = firstColumn(layer, categoryColumns);
    std::map<std::string, int> categoryIndex;  // sorted: stable shapes/colours for the same data
    std::vector<std::string> categoryOf(layer.featureCount());
    for (size_t i = 0; i < layer.featureCount(); ++i) {
        categoryOf[i] = col ? cellText(*col, i) : std::string();
        categoryIndex.emplace(categoryOf[i], 0);
    }
    int n = 0;
    for (auto& [name, idx] : categoryIndex) idx = n++;
    constexpr size_t nColours = sizeof kQualitative / sizeof kQualitative[0];
    auto styleOf = [&](int idx) {
        PointSymbol s;
        s.shape = shapeForCategory(idx);
        s.fill = colourByCategory ? kQualitative[static_cast<size_t>(idx) % nColours] : Rgba{60, 60, 60, 255};
        s.stroke = {255, 255, 255, 255};
        s.sizePx = sizePx;
        s.strokePx = 1.5f;
        return s;
    };
    std::vector<int> counts(categoryIndex.size(), 0);
    out.symbols.reserve(layer.featureCount());
    for (size_t i = 0; i < layer.featureCount(); ++i) {
        const int idx = categoryIndex[categoryOf[i]];
        ++counts[static_cast<size_t>(idx)];
        PointSymbol s = styleOf(idx);
        s.xy = layer.xy[i];
        out.symbols.push_back(s);
    }
    for (const auto& [name, idx] : categoryIndex) {
        const PointSymbol s = styleOf(idx);
        out.legend.entries.push_back({s.shape, s.fill, s.stroke, name.empty() ? "–" : name,
                                      counts[static_cast<size_t>(idx)]});
    }
    return out;
}

StyledPoints styleInitiatives(const core::PointLayer& layer, core::Lang lang) {
    return stylePoints(layer, {"tema", "theme"}, std::string(core::tr(core::StringId::LayerInitiatives, lang)), true,
                       11.0f);
}

StyledPoints styleTrygghet(const core::PointLayer& layer, core::Lang lang) {
    return stylePoints(layer, {"typ", "type"}, std::string(core::tr(core::StringId::LayerTrygghet, lang)), false,
                       10.0f);
}

OverlayModel makeOverlayModel(const core::Project& project, const core::Choropleth& map, core::Lang lang) {
    OverlayModel m;
    m.lang = lang;
    m.title = map.title;
    m.subtitle = map.subtitle;
    m.legendTitle = map.legendTitle;
    for (size_t k = 0; k < map.classColors.size(); ++k) {
        LegendEntry e;
        e.color = map.classColors[k];
        e.label = k < map.legendLabels.size() ? map.legendLabels[k] : std::string();
        e.count = k < map.classes.counts.size() ? map.classes.counts[k] : -1;
        m.legend.push_back(std::move(e));
    }
    m.noDataColor = core::noDataColor();
    m.noDataCount = map.classes.noDataCount;
    m.showNoData = map.classes.noDataCount > 0;
    const size_t n = project.areas.featureCount();
    if (n <= kMaxLabelledFeatures && project.geometry.labelPoint.size() == n) {
        m.labels.reserve(n);
        for (size_t i = 0; i < n; ++i) {
            MapLabel l;
            l.xy = project.geometry.labelPoint[i];
            l.radius = i < project.geometry.labelRadius.size() ? project.geometry.labelRadius[i] : 0;
            l.text = i < project.areaName.size() ? project.areaName[i] : std::string();
            if (!l.text.empty()) m.labels.push_back(std::move(l));
        }
    }
    m.provenance = project.provenance.line(lang);
    m.illustrativeValues = project.provenance.illustrativeValues;
    m.crsCode = project.areas.source.crsCode.empty() ? project.options.displayCrs : project.areas.source.crsCode;
    return m;
}

}  // namespace geso::render

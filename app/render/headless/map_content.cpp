#include "render/headless/map_content.hpp"

#include <cmath>

namespace geso::render {

FeatureFill featureFill(const core::Choropleth& map) {
    FeatureFill f;
    f.color = map.featureColor;
    f.noData.resize(map.value.size());
    for (size_t i = 0; i < map.value.size(); ++i) f.noData[i] = std::isnan(map.value[i]) ? 1 : 0;
    return f;
}

SymbolShape symbolShape(core::MarkerShape shape) {
    static_assert(static_cast<int>(SymbolShape::Count) == core::kMarkerShapeCount);
    static_assert(static_cast<uint32_t>(SymbolShape::Pentagon) == static_cast<uint32_t>(core::MarkerShape::Pentagon));
    return static_cast<SymbolShape>(static_cast<uint32_t>(shape));
}

StyledPoints stylePoints(const core::PointLayer& layer, const core::PointSymbology& symbology, std::string title,
                         const std::vector<uint8_t>* shown) {
    StyledPoints out;
    out.legend.title = std::move(title);
    const auto symbolOf = [&](const core::PointCategory& c) {
        PointSymbol s;
        s.shape = symbolShape(c.shape);
        s.fill = c.fill;
        s.stroke = c.stroke;
        s.sizePx = symbology.sizePx;
        s.strokePx = symbology.strokePx;
        return s;
    };
    std::vector<int> counts(symbology.categories.size(), 0);
    const size_t n = std::min(layer.featureCount(), symbology.categoryOf.size());
    out.symbols.reserve(n);
    for (size_t i = 0; i < n; ++i) {
        if (shown && (i >= shown->size() || !(*shown)[i])) continue;
        const auto c = static_cast<size_t>(symbology.categoryOf[i]);
        ++counts[c];
        PointSymbol s = symbolOf(symbology.categories[c]);
        s.xy = layer.xy[i];
        out.symbols.push_back(s);
    }
    for (size_t c = 0; c < symbology.categories.size(); ++c) {
        if (counts[c] == 0) continue;
        const core::PointCategory& cat = symbology.categories[c];
        const PointSymbol s = symbolOf(cat);
        out.legend.entries.push_back({s.shape, s.fill, s.stroke, cat.value.empty() ? "–" : cat.value, counts[c]});
    }
    return out;
}

}  // namespace geso::render

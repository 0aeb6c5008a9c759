#include "core/project/point_symbology.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <map>

#include "core/index/text_util.hpp"

namespace geso::core {
namespace {

// Okabe & Ito's qualitative colours (Color Universal Design), distinct for the
// common kinds of colour blindness; black last, for an eighth category.
constexpr Rgba kCategoryFill[] = {{0, 114, 178, 255},  {230, 159, 0, 255},  {0, 158, 115, 255},
                                  {204, 121, 167, 255}, {86, 180, 233, 255}, {213, 94, 0, 255},
                                  {240, 228, 66, 255},  {0, 0, 0, 255}};
constexpr Rgba kInitiativeStroke{30, 30, 30, 255};
constexpr Rgba kTrygghetFill{255, 255, 255, 235};
constexpr Rgba kTrygghetStroke{120, 20, 60, 255};

std::string findField(const PointLayer& layer, std::initializer_list<const char*> keys) {
    for (const char* key : keys)
        for (const Column& c : layer.columns)
            if (foldKey(c.name) == key) return c.name;
    return {};
}

}  // namespace

std::string cellText(const Column& column, size_t row) {
    if (row < column.isNull.size() && column.isNull[row]) return {};
    if (column.numeric()) {
        const double v = row < column.num.size() ? column.num[row] : NAN;
        if (!std::isfinite(v)) return {};
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.15g", v);
        return buf;
    }
    return row < column.text.size() ? column.text[row] : std::string();
}

PointFields detectPointFields(const PointLayer& layer, PointLayerKind kind) {
    PointFields f;
    f.name = findField(layer, {"namn", "name", "benamning", "titel", "title"});
    f.status = findField(layer, {"status"});
    if (kind == PointLayerKind::Initiatives) {
        f.category = findField(layer, {"tema", "theme", "kategori", "category"});
        f.responsible = findField(layer, {"ansvarig", "namnd", "ansvarig_namnd", "huvudman", "bolag", "responsible"});
        f.targetGroup = findField(layer, {"malgrupp", "target_group", "targetgroup"});
        f.year = findField(layer, {"startar", "start_ar", "startar_ar", "start", "start_year", "startyear"});
    } else {
        f.category = findField(layer, {"typ", "type", "kategori", "category"});
        f.year = findField(layer, {"ar", "year", "artal"});
    }
    return f;
}

PointSymbology symbolizePoints(const PointLayer& layer, PointLayerKind kind) {
    PointSymbology s;
    s.kind = kind;
    s.fields = detectPointFields(layer, kind);
    const bool trygghet = kind == PointLayerKind::Trygghet;
    s.sizePx = trygghet ? 13.0f : 11.0f;
    s.strokePx = trygghet ? 2.0f : 1.0f;

    const size_t n = layer.featureCount();
    const Column* column = s.fields.category.empty() ? nullptr : layer.column(s.fields.category);
    std::vector<std::string> valueOf(n);
    std::map<std::string, int> index;  // sorted; "" (no category) sorts first and is moved last below
    for (size_t i = 0; i < n; ++i) {
        if (column) valueOf[i] = std::string(trimUnicodeSpace(cellText(*column, i)));
        index.emplace(valueOf[i], 0);
    }
    std::vector<std::string> values;
    for (const auto& [value, unused] : index)
        if (!value.empty()) values.push_back(value);
    if (index.count("")) values.push_back("");

    for (size_t c = 0; c < values.size(); ++c) {
        index[values[c]] = static_cast<int>(c);
        PointCategory cat;
        cat.value = values[c];
        // Points without a category: a plain circle, so they never pose as one.
        const bool none = values[c].empty() && values.size() > 1;
        cat.shape = none ? MarkerShape::Circle : static_cast<MarkerShape>(c % kMarkerShapeCount);
        if (trygghet) {
            cat.fill = kTrygghetFill;
            cat.stroke = kTrygghetStroke;
        } else {
            cat.fill = none ? Rgba{160, 160, 160, 255} : kCategoryFill[c % std::size(kCategoryFill)];
            cat.stroke = kInitiativeStroke;
        }
        s.categories.push_back(std::move(cat));
    }
    s.categoryOf.resize(n);
    for (size_t i = 0; i < n; ++i) {
        const int c = index[valueOf[i]];
        s.categoryOf[i] = c;
        ++s.categories[static_cast<size_t>(c)].count;
    }
    return s;
}

}  // namespace geso::core

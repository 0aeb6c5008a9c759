#include "core/geom/feature_label.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace geso::core::detail {

namespace {

bool nameContains(const std::string& name, const char* word) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.find(word) != std::string::npos;
}

}  // namespace

const Column* labelColumn(const AreaLayer& layer) {
    for (const Column& c : layer.columns)
        if (c.type == FieldType::Text && (nameContains(c.name, "namn") || nameContains(c.name, "name"))) return &c;
    for (const Column& c : layer.columns)
        if (nameContains(c.name, "kod") || nameContains(c.name, "code")) return &c;
    return nullptr;
}

std::string featureLabel(const AreaLayer& layer, const Column* column, size_t feature) {
    const long long fid = feature < layer.fid.size() ? static_cast<long long>(layer.fid[feature])
                                                     : static_cast<long long>(feature);
    const std::string fidText = "fid " + std::to_string(fid);
    if (column && feature < column->isNull.size() && !column->isNull[feature]) {
        // "(fid N)" after the name, as the loaders label their issues: names
        // repeat (and codes may), fids identify the feature in the source.
        if (column->numeric() && feature < column->num.size() && std::isfinite(column->num[feature])) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.15g", column->num[feature]);
            return std::string(buf) + " (" + fidText + ")";
        }
        if (!column->numeric() && feature < column->text.size() && !column->text[feature].empty())
            return column->text[feature] + " (" + fidText + ")";
    }
    return fidText;
}

}  // namespace geso::core::detail

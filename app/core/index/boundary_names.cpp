#include "core/index/boundary_names.hpp"

#include <cmath>
#include <initializer_list>

#include "core/index/swedish_number.hpp"
#include "core/io/vector_reader.hpp"
#include "core/index/text_util.hpp"

namespace geso::core {

namespace {

const Column* findColumn(const AreaLayer& layer, const std::string& explicitName,
                         std::initializer_list<const char*> aliases) {
    if (!explicitName.empty()) {
        for (const auto& c : layer.columns)
            if (foldKey(c.name) == foldKey(explicitName)) return &c;
        return nullptr;
    }
    for (const char* alias : aliases)
        for (const auto& c : layer.columns)
            if (foldKey(c.name) == alias) return &c;
    return nullptr;
}

}  // namespace

Result<std::map<int, std::string>> boundaryNames(const AreaLayer& layer, const std::string& codeColumn,
                                                 const std::string& nameColumn) {
    const Column* code = findColumn(layer, codeColumn, {"geso_kod", "geso_code", "kod", "code"});
    if (!code)
        return Error{"no area code column " + (codeColumn.empty() ? std::string("(geso_kod)") : "'" + codeColumn + "'") +
                         " in the boundary layer",
                     layer.source.path};
    const Column* name = findColumn(layer, nameColumn, {"geso_namn", "geso_name", "namn", "name"});
    std::map<int, std::string> out;
    for (size_t i = 0; i < layer.featureCount(); ++i) {
        if (i < code->isNull.size() && code->isNull[i]) continue;
        std::optional<long long> value;
        if (code->numeric()) {
            const double v = code->num[i];
            if (std::isfinite(v) && std::trunc(v) == v) value = static_cast<long long>(v);
        } else {
            value = parseInteger(code->text[i]);
        }
        if (!value || *value < 0 || *value > 1'000'000'000) continue;
        std::string n;
        if (name && !name->numeric() && !(i < name->isNull.size() && name->isNull[i])) n = name->text[i];
        out.emplace(static_cast<int>(*value), n);
    }
    return out;
}

Status checkNamesAgainstLayer(IndicatorTable& table, const std::string& areasPath, const std::string& layer) {
    LoadOptions opts;
    opts.layerName = layer;
    opts.assumeCrs = "EPSG:3008";
    auto areas = loadAreas(areasPath, opts);
    if (!areas.ok()) return areas.error();
    auto names = boundaryNames(areas.value());
    if (!names.ok()) return names.error();
    checkNames(table, names.value());
    return Ok{};
}

}  // namespace geso::core

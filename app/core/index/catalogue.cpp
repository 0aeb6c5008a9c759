#include "core/index/catalogue.hpp"

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace geso::core {

int Catalogue::indicatorIndex(std::string_view id) const {
    for (size_t i = 0; i < indicators.size(); ++i)
        if (indicators[i].id == id) return static_cast<int>(i);
    return -1;
}

int Catalogue::dimensionIndex(std::string_view id) const {
    for (size_t i = 0; i < dimensions.size(); ++i)
        if (dimensions[i].id == id) return static_cast<int>(i);
    return -1;
}

std::vector<int> Catalogue::indicatorsOf(int dimension) const {
    std::vector<int> out;
    if (dimension < 0 || dimension >= static_cast<int>(dimensions.size())) return out;
    for (size_t i = 0; i < indicators.size(); ++i)
        if (indicators[i].dimension == dimensions[static_cast<size_t>(dimension)].id)
            out.push_back(static_cast<int>(i));
    return out;
}

int Catalogue::dimensionOf(int indicator) const {
    if (indicator < 0 || indicator >= static_cast<int>(indicators.size())) return -1;
    return dimensionIndex(indicators[static_cast<size_t>(indicator)].dimension);
}

namespace {

using nlohmann::json;

bool validId(const std::string& id) {
    if (id.empty()) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

// Reads a required non-empty string member; sets `problem` when absent.
std::string requireString(const json& obj, const char* key, const std::string& context,
                          std::string& problem) {
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_string() || it->get<std::string>().empty()) {
        if (problem.empty()) problem = context + ": missing or empty \"" + key + "\"";
        return {};
    }
    return it->get<std::string>();
}

Result<Catalogue> fromJson(const json& doc, const std::string& where) {
    if (!doc.is_object()) return Error{"catalogue must be a JSON object", where};
    Catalogue cat;
    cat.sourcePath = where;
    std::string problem;
    std::set<std::string> ids;
    auto claimId = [&](const std::string& id, const std::string& context) {
        if (!problem.empty()) return;
        if (!validId(id)) problem = context + ": id '" + id + "' must be made of a-z, 0-9 and _";
        else if (!ids.insert(id).second) problem = context + ": duplicate id '" + id + "'";
    };

    if (auto t = doc.find("total"); t != doc.end()) {
        if (!t->is_object()) return Error{"\"total\" must be an object", where};
        cat.totalId = requireString(*t, "id", "total", problem);
        cat.totalNameSv = requireString(*t, "name_sv", "total", problem);
        cat.totalNameEn = requireString(*t, "name_en", "total", problem);
    }
    claimId(cat.totalId, "total");

    auto dims = doc.find("dimensions");
    if (dims == doc.end() || !dims->is_array() || dims->empty())
        return Error{"\"dimensions\" must be a non-empty array", where};
    for (size_t i = 0; i < dims->size(); ++i) {
        const json& d = (*dims)[i];
        const std::string ctx = "dimension " + std::to_string(i + 1);
        if (!d.is_object()) return Error{ctx + " must be an object", where};
        DimensionDef def;
        def.id = requireString(d, "id", ctx, problem);
        def.nameSv = requireString(d, "name_sv", ctx, problem);
        def.nameEn = requireString(d, "name_en", ctx, problem);
        claimId(def.id, ctx);
        cat.dimensions.push_back(std::move(def));
    }

    auto inds = doc.find("indicators");
    if (inds == doc.end() || !inds->is_array() || inds->empty())
        return Error{"\"indicators\" must be a non-empty array", where};
    for (size_t i = 0; i < inds->size(); ++i) {
        const json& d = (*inds)[i];
        std::string ctx = "indicator " + std::to_string(i + 1);
        if (!d.is_object()) return Error{ctx + " must be an object", where};
        IndicatorDef def;
        def.id = requireString(d, "id", ctx, problem);
        if (!def.id.empty()) ctx = "indicator '" + def.id + "'";
        def.nameSv = requireString(d, "name_sv", ctx, problem);
        def.nameEn = requireString(d, "name_en", ctx, problem);
        def.labelSv = requireString(d, "label_sv", ctx, problem);
        def.labelEn = requireString(d, "label_en", ctx, problem);
        def.unit = requireString(d, "unit", ctx, problem);
        def.dimension = requireString(d, "dimension", ctx, problem);
        const std::string direction = requireString(d, "direction", ctx, problem);
        if (problem.empty() && direction != "positive" && direction != "negative")
            problem = ctx + ": direction '" + direction + "' must be \"positive\" or \"negative\"";
        def.negative = direction == "negative";
        claimId(def.id, ctx);
        if (problem.empty() && cat.dimensionIndex(def.dimension) < 0)
            problem = ctx + ": unknown dimension '" + def.dimension + "'";
        cat.indicators.push_back(std::move(def));
    }
    if (!problem.empty()) return Error{problem, where};

    for (size_t d = 0; d < cat.dimensions.size(); ++d)
        if (cat.indicatorsOf(static_cast<int>(d)).empty())
            return Error{"dimension '" + cat.dimensions[d].id + "' has no indicators", where};
    return cat;
}

std::string dataDir() {
    if (const char* env = std::getenv("GESO_DATA_DIR"); env && *env) return env;
    return std::string(GESO_SOURCE_DIR) + "/geodata";
}

}  // namespace

Result<Catalogue> parseCatalogue(std::string_view jsonText, const std::string& where) {
    // nlohmann::json throws on malformed input; keep it inside this module.
    json doc = json::parse(jsonText.begin(), jsonText.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return Error{"not valid JSON", where};
    try {
        return fromJson(doc, where);
    } catch (const json::exception& e) {
        return Error{std::string("bad catalogue: ") + e.what(), where};
    }
}

Result<Catalogue> loadCatalogue(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{"cannot open indicator catalogue", path};
    std::ostringstream text;
    text << in.rdbuf();
    return parseCatalogue(text.str(), path);
}

std::string bundledCatalogPath() { return dataDir() + "/indikatorer.json"; }
std::string bundledIndicatorsPath() { return dataDir() + "/indikatorer.csv"; }
std::string bundledAreasPath() { return dataDir() + "/geso_omraden.shp"; }

}  // namespace geso::core

#include "core/project/choropleth.hpp"

#include <algorithm>
#include <cmath>

#include "core/classify/legend_format.hpp"
#include "core/text/strings.hpp"

namespace geso::core {
namespace {

bool isIndexVariable(const MapVariable& v) { return v.kind == VariableKind::Total || v.kind == VariableKind::Dimension; }

StringId methodString(ClassMethod m) {
    switch (m) {
        case ClassMethod::Quantile: return StringId::MethodQuantile;
        case ClassMethod::EqualInterval: return StringId::MethodEqual;
        case ClassMethod::NaturalBreaks: return StringId::MethodJenks;
        case ClassMethod::StdDev: return StringId::MethodStdDev;
        case ClassMethod::Pretty: return StringId::MethodPretty;
        case ClassMethod::BoxMap: return StringId::MethodBoxMap;
        case ClassMethod::Manual: return StringId::MethodManual;
        case ClassMethod::Centred: return StringId::MethodCentred;
    }
    return StringId::MethodQuantile;
}

bool paletteIsDiverging(const std::string& id) {
    for (const auto& info : listPalettes())
        if (info.id == id) return info.kind == PaletteKind::Diverging;
    return false;
}

// ColorBrewer schemes start at 3 classes; box maps without outliers and
// standard-deviation maps of tight data can have fewer.
Result<std::vector<Rgba>> colorsFor(const std::string& id, int classCount, bool reversed) {
    const int k = std::clamp(classCount, kMinClasses, kMaxClasses);
    auto colors = paletteColors(id, k, reversed);
    if (!colors || classCount >= kMinClasses) return colors;
    const auto& all = colors.value();
    if (classCount == 1) return std::vector<Rgba>{all[1]};
    return std::vector<Rgba>{all.front(), all.back()};
}

Result<const IndicatorTable*> requireTable(const Project& p) {
    if (!p.indicators) return Error{"no indicator table is loaded", "index"};
    return &*p.indicators;
}

}  // namespace

bool paletteReversed(const std::string& paletteId, bool higherIsBetter, bool userReversed) {
    const bool strongEndIsLow = higherIsBetter;
    return (paletteIsDiverging(paletteId) ? !strongEndIsLow : strongEndIsLow) != userReversed;
}

MapStyle defaultStyle(const MapVariable& v) {
    MapStyle style;
    if (isIndexVariable(v) && v.norm == Normalization::Malmo100) {
        style.spec.method = ClassMethod::Centred;
        style.spec.centre = 100.0;
    }
    style.spec.k = 5;
    return style;
}

std::string variableName(const Project& p, const MapVariable& v, Lang lang) {
    const bool en = lang == Lang::En;
    switch (v.kind) {
        case VariableKind::Total: return en ? p.catalogue.totalNameEn : p.catalogue.totalNameSv;
        case VariableKind::Dimension: {
            int d = p.catalogue.dimensionIndex(v.id);
            return d < 0 ? v.id : (en ? p.catalogue.dimensions[d].nameEn : p.catalogue.dimensions[d].nameSv);
        }
        case VariableKind::Indicator: {
            int i = p.catalogue.indicatorIndex(v.id);
            if (i < 0) return v.id;
            const auto& def = p.catalogue.indicators[static_cast<size_t>(i)];
            return (en ? def.labelEn : def.labelSv) + " (" + def.unit + ")";
        }
        case VariableKind::Field: return v.id;
    }
    return v.id;
}

Result<std::vector<double>> variableValues(const Project& p, const MapVariable& v, int year) {
    const size_t n = p.areas.featureCount();
    std::vector<double> out(n, NAN);
    if (v.kind == VariableKind::Field) {
        const Column* c = p.areas.column(v.id);
        if (!c) return Error{"no field '" + v.id + "' in the area layer", p.areas.source.path};
        if (!c->numeric()) return Error{"field '" + v.id + "' is not numeric", p.areas.source.path};
        return c->num;
    }
    auto table = requireTable(p);
    if (!table) return table.error();
    int dim = -1, ind = -1;
    if (v.kind == VariableKind::Dimension && (dim = p.catalogue.dimensionIndex(v.id)) < 0)
        return Error{"unknown dimension '" + v.id + "'", p.catalogue.sourcePath};
    if (v.kind == VariableKind::Indicator && (ind = p.catalogue.indicatorIndex(v.id)) < 0)
        return Error{"unknown indicator '" + v.id + "'", p.catalogue.sourcePath};
    auto index = computeIndex(*table.value(), p.catalogue, year, v.indexOptions());
    if (!index) return index.error();
    for (size_t f = 0; f < n; ++f) {
        const AreaIndex* a = p.areaCode[f] >= 0 ? index.value().find(p.areaCode[f]) : nullptr;
        if (!a) continue;
        if (v.kind == VariableKind::Total) out[f] = a->total;
        else if (v.kind == VariableKind::Dimension) out[f] = a->dimensions[static_cast<size_t>(dim)];
        else out[f] = a->raw[static_cast<size_t>(ind)];
    }
    return out;
}

Result<Choropleth> buildChoropleth(const Project& p, const MapVariable& variable, const MapStyle& style, Lang lang) {
    Choropleth c;
    c.variable = variable;
    c.style = style;
    const bool sv = lang == Lang::Sv;
    const bool fromTable = variable.kind != VariableKind::Field;
    if (fromTable) {
        auto table = requireTable(p);
        if (!table) return table.error();
        c.year = variable.year ? variable.year : table.value()->latestAreaYear();  // a city-only year has nothing to map
        c.customWeights = weightsAreCustom(variable.indexOptions(), p.catalogue);
    }
    auto values = variableValues(p, variable, c.year);
    if (!values) return values.error();
    c.value = std::move(values).value();

    ClassSpec spec = style.spec;
    if (spec.method == ClassMethod::Centred && isIndexVariable(variable))
        spec.centre = variable.norm == Normalization::Malmo100 ? 100.0
                      : variable.norm == Normalization::ZScore ? 0.0 : 50.0;

    Result<Classes> classes = Error{"", ""};
    const auto& years = fromTable ? p.indicators->years : std::vector<int>{};
    if (fromTable && style.pooledYears && years.size() > 1) {
        std::vector<double> pool;
        for (int y : years) {
            auto yearValues = variableValues(p, variable, y);
            if (!yearValues) return yearValues.error();
            pool.insert(pool.end(), yearValues.value().begin(), yearValues.value().end());
        }
        c.poolYears = years;
        classes = classifyPooled(pool, c.value, spec);
    } else {
        classes = classify(c.value, spec);
    }
    if (!classes) return Error{classes.error().what, variableName(p, variable, lang)};
    c.classes = std::move(classes).value();

    c.higherIsBetter = isIndexVariable(variable);
    if (variable.kind == VariableKind::Indicator)
        c.higherIsBetter = !p.catalogue.indicators[static_cast<size_t>(p.catalogue.indicatorIndex(variable.id))].negative;

    // The challenged end reads as the strong colour (see palette.hpp).
    c.paletteId = style.palette.empty() ? defaultPalette(spec.method == ClassMethod::Centred) : style.palette;
    auto colors = colorsFor(c.paletteId, c.classes.classCount(), paletteReversed(c.paletteId, c.higherIsBetter, style.reversed));
    if (!colors) return colors.error();
    c.classColors = std::move(colors).value();
    c.featureColor.resize(c.value.size());
    for (size_t f = 0; f < c.value.size(); ++f) {
        int k = c.classes.classOf[f];
        c.featureColor[f] = k < 0 ? noDataColor() : c.classColors[static_cast<size_t>(k)];
    }
    c.legendLabels = legendLabels(c.classes, -1, sv);
    c.gvf = goodnessOfVarianceFit(c.value, c.classes);
    c.gadf = goodnessOfAbsoluteDeviationFit(c.value, c.classes);

    const std::string name = variableName(p, variable, lang);
    if (isIndexVariable(variable)) {
        c.title = name + " (" + std::string(normalizationName(variable.norm, !sv)) + ")";
        c.legendTitle = std::string(normalizationName(variable.norm, !sv));
    } else {
        c.title = name;
        c.legendTitle = variable.kind == VariableKind::Indicator ? (sv ? "Andel (%)" : "Share (%)") : name;
    }
    std::string sub = fromTable ? std::to_string(c.year) + " · " : "";
    sub += std::string(tr(methodString(c.classes.method), lang)) + ", " + std::to_string(c.classes.classCount()) + " " +
           (sv ? "klasser" : "classes");
    if (!c.poolYears.empty())
        sub += " · " + std::string(tr(StringId::PooledBreaks, lang)) + " " + std::to_string(c.poolYears.front()) +
               "–" + std::to_string(c.poolYears.back());
    if (c.customWeights) sub += " · " + std::string(tr(StringId::WeightsDiffer, lang));
    c.subtitle = sub;
    return c;
}

}  // namespace geso::core

#include "viewer/map_session.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "core/classify/palette.hpp"
#include "core/export/export.hpp"
#include "core/geom/polygon_ops.hpp"
#include "core/index/index_model.hpp"
#include "core/text/strings.hpp"
#include "render/overlay/overlay_from_project.hpp"
#include "ui/ui_logic.hpp"

namespace geso::viewer {
namespace {

using core::StringId;

bool isIndexKind(core::VariableKind k) { return k != core::VariableKind::Field; }

std::vector<std::string> distinct(const std::vector<std::string>& v) {
    std::set<std::string> s(v.begin(), v.end());
    s.erase("");
    return {s.begin(), s.end()};
}

}  // namespace

ui::Method toUiMethod(core::ClassMethod m) {
    switch (m) {
        case core::ClassMethod::Quantile: return ui::Method::Quantile;
        case core::ClassMethod::EqualInterval: return ui::Method::EqualInterval;
        case core::ClassMethod::NaturalBreaks: return ui::Method::NaturalBreaks;
        case core::ClassMethod::StdDev: return ui::Method::StdDev;
        case core::ClassMethod::Pretty: return ui::Method::Pretty;
        case core::ClassMethod::BoxMap: return ui::Method::BoxMap;
        case core::ClassMethod::Centred: return ui::Method::Centred;
        case core::ClassMethod::Manual: break;
    }
    return ui::Method::Manual;
}

core::ClassMethod toCoreMethod(ui::Method m) {
    switch (m) {
        case ui::Method::Quantile: return core::ClassMethod::Quantile;
        case ui::Method::EqualInterval: return core::ClassMethod::EqualInterval;
        case ui::Method::NaturalBreaks: return core::ClassMethod::NaturalBreaks;
        case ui::Method::StdDev: return core::ClassMethod::StdDev;
        case ui::Method::Pretty: return core::ClassMethod::Pretty;
        case ui::Method::BoxMap: return core::ClassMethod::BoxMap;
        case ui::Method::Centred: return core::ClassMethod::Centred;
        case ui::Method::Manual: break;
    }
    return core::ClassMethod::Manual;
}

void MapSession::reportError(const core::Error& e) {
    m_state.errors.push_back(e.line());
}

void MapSession::setLang(core::Lang lang) {
    m_state.lang = lang;
    if (!m_project) return;
    rebuildVariables();
    rebuildMap();
    rebuildPoints();
    m_state.provenance = m_project->provenance.line(lang);
}

void MapSession::load(const core::DataOptions& given) {
    core::DataOptions options = given;
    core::leaveOutBundledPointsForOwnAreas(options);
    auto r = core::loadProject(options);
    if (!r) {
        reportError(r.error());
        // A table rejected for its errors: list all of them, with row and column, in the join report.
        if (!options.indicatorsPath.empty() && options.indicatorsPath != "none" && m_project)
            if (auto table = core::indicatorTableOptions(options, m_project->catalogue))
                if (auto t = core::loadIndicatorTable(options.indicatorsPath, m_project->catalogue, table.value());
                    t && t.value().hasErrors())
                    setJoinReport(t.value(), true);
        return;  // keep what was loaded before (or nothing)
    }
    m_project = std::move(r).value();
    m_options = options;
    const core::Project& p = *m_project;
    ui::AppState& s = m_state;
    s.areaName = p.areaName;
    s.areaCode = p.areaCode;
    s.areaBox = p.areas.bbox;
    s.areasPath = options.areasPath;
    s.indicatorsPath = options.indicatorsPath;
    s.initiativesPath = options.initiativesPath;
    s.trygghetPath = options.trygghetPath;
    s.tableLayout = options.indicatorsLayout;
    s.tableColumns = options.indicatorsColumns;
    s.provenance = p.provenance.line(s.lang);
    // Table issues go to the join report only (the project lists them among its warnings too).
    s.warnings.clear();
    for (const std::string& w : p.warnings)
        if (w.rfind("[tabell] ", 0) != 0) s.warnings.push_back(w);
    if (p.indicators) setJoinReport(*p.indicators, false);
    else { s.joinReport.clear(); s.joinSummary.clear(); s.joinFailed = false; }
    s.selected = s.hovered = -1;
    rebuildVariables();
    rebuildMap();
    rebuildPoints();
    m_dirty = {true, true, true};
}

void MapSession::setJoinReport(const core::IndicatorTable& t, bool failed) {
    ui::AppState& s = m_state;
    s.joinReport.clear();
    for (const core::TableIssue& i : t.issues) s.joinReport.push_back(i.line());
    s.joinSummary = core::trFormat(StringId::JoinSummary, s.lang,
                                   {std::filesystem::path(t.sourcePath).filename().string(),
                                    std::to_string(t.errorCount()), std::to_string(t.warningCount())});
    s.joinFailed = failed;
    ++s.joinReportVersion;
}

void MapSession::rebuildVariables() {
    ui::AppState& s = m_state;
    s.variables.clear();
    if (!m_project) return;
    const core::Project& p = *m_project;
    auto add = [&](core::VariableKind k, ui::VarKind uk, const std::string& id) {
        core::MapVariable v;
        v.kind = k;
        v.id = id;
        s.variables.push_back({uk, id, core::variableName(p, v, s.lang)});
    };
    if (p.indicators) {
        add(core::VariableKind::Total, ui::VarKind::Total, p.catalogue.totalId);
        for (const auto& d : p.catalogue.dimensions) add(core::VariableKind::Dimension, ui::VarKind::Dimension, d.id);
        for (const auto& i : p.catalogue.indicators) add(core::VariableKind::Indicator, ui::VarKind::Indicator, i.id);
    }
    for (const core::Column& c : p.areas.columns)
        if (c.numeric() && c.name != p.codeField) add(core::VariableKind::Field, ui::VarKind::Field, c.name);

    // Keep the user's choice when it still exists, else the first entry.
    s.variable = -1;
    for (size_t i = 0; i < s.variables.size(); ++i) {
        const auto& v = s.variables[i];
        const bool kindMatch = static_cast<int>(v.kind) == static_cast<int>(m_choice.kind);
        if (kindMatch && (m_choice.kind == core::VariableKind::Total || v.id == m_choice.id)) s.variable = static_cast<int>(i);
    }
    if (s.variable < 0 && !s.variables.empty()) {
        s.variable = 0;
        m_choice.kind = static_cast<core::VariableKind>(static_cast<int>(s.variables[0].kind));
        m_choice.id = s.variables[0].id;
        m_choice.spec.reset();
        m_choice.palette.clear();
    }
}

core::MapVariable MapSession::variable() const {
    core::MapVariable v;
    v.kind = m_choice.kind;
    v.id = m_choice.id;
    v.year = m_choice.year;
    v.norm = m_choice.norm;
    v.weights = m_choice.weights;
    v.dimensionWeights = m_choice.dimensionWeights;
    return v;
}

core::MapStyle MapSession::style() const {
    core::MapStyle st = core::defaultStyle(variable());
    if (m_choice.spec) st.spec = *m_choice.spec;
    if (!m_choice.palette.empty()) st.palette = m_choice.palette;
    st.reversed = m_choice.reversed;
    return st;
}

void MapSession::rebuildMap() {
    ui::AppState& s = m_state;
    m_dirty.colors = true;
    if (!m_project || s.variables.empty()) {
        m_map.reset();
        s.classes = {};
        s.table.clear();
        ++s.tableVersion;
        return;
    }
    const core::Project& p = *m_project;
    auto c = core::buildChoropleth(p, variable(), style(), s.lang);
    if (!c && (m_choice.spec || !m_choice.palette.empty() || m_choice.year != 0)) {
        reportError(c.error());  // e.g. too many classes for 14 values: fall back to the default style
        m_choice.spec.reset();
        m_choice.palette.clear();
        if (m_choice.year != 0 && p.indicators &&
            std::find(p.indicators->years.begin(), p.indicators->years.end(), m_choice.year) == p.indicators->years.end())
            m_choice.year = 0;
        c = core::buildChoropleth(p, variable(), style(), s.lang);
    }
    if (!c) {
        reportError(c.error());
        m_map.reset();
        s.classes = {};
        return;
    }
    m_map = std::move(c).value();
    const core::Choropleth& m = *m_map;
    ui::MapClasses& mc = s.classes;
    mc = {};
    mc.title = m.title;
    mc.subtitle = m.subtitle;
    mc.value = m.value;
    mc.classOf = m.classes.classOf;
    mc.lower = m.classes.lower;
    mc.upper = m.classes.upper;
    mc.counts = m.classes.counts;
    for (const auto& col : m.classColors) mc.classColor.push_back({col.r, col.g, col.b, col.a});
    mc.legendLabels = m.legendLabels;
    mc.noData = m.classes.noDataCount;
    mc.gvf = m.gvf;
    mc.gadf = m.gadf;
    s.years = (isIndexKind(m.variable.kind) && p.indicators) ? p.indicators->years : std::vector<int>{};
    s.year = m.year;
    s.method = toUiMethod(m.style.spec.method);
    s.classCount = m.classes.classCount();
    s.minClasses = core::kMinClasses;
    s.maxClasses = std::min(core::kMaxClasses, std::max(core::kMinClasses, static_cast<int>(s.areaCount())));
    s.palettes.clear();
    // Colour-blind-safe schemes first (ColorBrewer's flags); each shown with the
    // colours it would give this map, in the orientation the map uses.
    for (int safe = 1; safe >= 0; --safe)
        for (const auto& info : core::listPalettes()) {
            if (info.colorBlindSafe != (safe == 1)) continue;
            ui::PaletteChoice pc{info.id, info.colorBlindSafe, info.kind == core::PaletteKind::Diverging, {}};
            if (auto colors = core::paletteColors(info.id, std::clamp(s.classCount, info.minK, info.maxK),
                                                  core::paletteReversed(info.id, m.higherIsBetter, m.style.reversed)))
                for (const core::Rgba& rgba : colors.value()) pc.colors.push_back({rgba.r, rgba.g, rgba.b, rgba.a});
            s.palettes.push_back(std::move(pc));
        }
    s.palette = m.paletteId;
    s.reversed = m.style.reversed;
    s.normalization = static_cast<int>(m_choice.norm);
    s.customWeights = m.customWeights;
    s.dimensionWeights.clear();
    const core::Catalogue& cat = p.catalogue;
    for (size_t d = 0; d < cat.dimensions.size(); ++d) {
        ui::WeightItem dim{s.lang == core::Lang::En ? cat.dimensions[d].nameEn : cat.dimensions[d].nameSv,
                           d < m_choice.dimensionWeights.size() ? m_choice.dimensionWeights[d] : 1.0, {}};
        for (int i : cat.indicatorsOf(static_cast<int>(d))) {
            const core::IndicatorDef& def = cat.indicators[static_cast<size_t>(i)];
            const auto k = static_cast<size_t>(i);
            dim.indicators.push_back({s.lang == core::Lang::En ? def.labelEn : def.labelSv,
                                      k < m_choice.weights.size() ? m_choice.weights[k] : 1.0, {}});
        }
        s.dimensionWeights.push_back(std::move(dim));
    }
    rebuildTable();
}

void MapSession::rebuildTable() {
    ui::AppState& s = m_state;
    const core::Project& p = *m_project;
    const core::Choropleth& m = *m_map;
    const size_t n = s.areaCount();
    const bool en = s.lang == core::Lang::En;
    s.table.clear();
    ++s.tableVersion;
    s.rank.assign(n, NAN);
    s.change.assign(n, NAN);

    ui::TableColumn name{core::trc(StringId::Area, s.lang), false, {}, p.areaName, 0};
    s.table.push_back(name);
    ui::TableColumn code{core::trc(StringId::Code, s.lang), true, {}, {}, 0};
    for (int c : p.areaCode) code.num.push_back(c >= 0 ? static_cast<double>(c) : NAN);
    s.table.push_back(code);
    s.table.push_back({m.title.empty() ? core::trc(StringId::Value, s.lang) : m.title, true, m.value, {}, 1, false});
    ui::TableColumn cls{core::trc(StringId::Class, s.lang), true, {}, {}, 0, false};
    for (int k : m.classes.classOf) cls.num.push_back(k >= 0 ? static_cast<double>(k + 1) : NAN);
    s.table.push_back(cls);

    if (!p.indicators) return;
    const core::IndicatorTable& t = *p.indicators;
    const core::MapVariable var = variable();
    auto attrs = core::attributeTable(p, m.year, var.indexOptions());
    if (!attrs) { reportError(attrs.error()); return; }
    const core::Catalogue& cat = p.catalogue;
    for (const core::Column& c : attrs.value()) {
        if (!c.numeric() || c.name == "geso_kod") continue;
        ui::TableColumn col{c.name, true, c.num, {}, 1};
        col.isMapped = (var.kind == core::VariableKind::Total && c.name == cat.totalId) ||
                       (var.kind != core::VariableKind::Field && var.kind != core::VariableKind::Total && c.name == var.id);
        if (int i = cat.indicatorIndex(c.name); i >= 0) {
            const auto& d = cat.indicators[static_cast<size_t>(i)];
            col.name = en ? (d.labelEn.empty() ? d.nameEn : d.labelEn) : (d.labelSv.empty() ? d.nameSv : d.labelSv);
        } else if (int di = cat.dimensionIndex(c.name); di >= 0) {
            col.name = en ? cat.dimensions[static_cast<size_t>(di)].nameEn : cat.dimensions[static_cast<size_t>(di)].nameSv;
        } else if (c.name == cat.totalId) {
            col.name = en ? cat.totalNameEn : cat.totalNameSv;
        } else if (c.name == "rank") {
            col.name = core::trc(StringId::Rank, s.lang);
            col.decimals = 0;
            col.inIdentify = false;
            s.rank = c.num;
        }
        s.table.push_back(std::move(col));
    }

    // Change since the previous year of the table, for the mapped variable.
    auto yearIt = std::find(t.years.begin(), t.years.end(), m.year);
    if (yearIt == t.years.begin() || yearIt == t.years.end() || var.kind == core::VariableKind::Field) return;
    const int prev = *(yearIt - 1);
    if (var.kind == core::VariableKind::Indicator) {
        const int i = cat.indicatorIndex(var.id);
        for (size_t f = 0; f < n; ++f)
            if (p.areaCode[f] >= 0) s.change[f] = t.value(p.areaCode[f], m.year, i) - t.value(p.areaCode[f], prev, i);
    } else {
        auto ch = core::computeChange(t, cat, prev, m.year, var.indexOptions());
        if (!ch) return;  // e.g. no city row the previous year: no change shown
        const int d = var.kind == core::VariableKind::Dimension ? cat.dimensionIndex(var.id) : -1;
        for (const core::IndexChange& c : ch.value()) {
            const int f = p.featureOfCode(c.code);
            if (f < 0) continue;
            s.change[static_cast<size_t>(f)] = d >= 0 ? c.dimensionDelta[static_cast<size_t>(d)] : c.totalDelta;
        }
    }
    ui::TableColumn change{core::trc(StringId::ChangeSincePrevYear, s.lang), true, s.change, {}, 1, false};
    s.table.insert(s.table.begin() + 4, std::move(change));
}

void MapSession::rebuildPoints() {
    ui::AppState& s = m_state;
    s.points.clear();
    m_symbology.clear();
    if (!m_project) return;
    const core::Project& p = *m_project;
    const std::optional<core::PointLayer>* layers[] = {&p.initiatives, &p.trygghet};
    const core::PointLayerKind kinds[] = {core::PointLayerKind::Initiatives, core::PointLayerKind::Trygghet};
    const StringId names[] = {StringId::LayerInitiatives, StringId::LayerTrygghet};
    for (size_t li = 0; li < 2; ++li) {
        ui::PointLayerView v;
        v.name = core::trc(names[li], s.lang);
        const auto& opt = *layers[li];
        core::PointSymbology sym;
        if (opt) {
            const core::PointLayer& l = *opt;
            sym = core::symbolizePoints(l, kinds[li]);
            v.loaded = true;
            const auto columnValues = [&](const std::string& field) {
                std::vector<std::string> out(l.featureCount());
                if (const core::Column* c = field.empty() ? nullptr : l.column(field))
                    for (size_t i = 0; i < out.size(); ++i) out[i] = core::cellText(*c, i);
                return out;
            };
            v.labels = columnValues(sym.fields.name);
            v.namndValue = columnValues(sym.fields.responsible);
            v.statusValue = columnValues(sym.fields.status);
            for (int c : sym.categoryOf) v.themeValue.push_back(sym.categories[static_cast<size_t>(c)].value);
            v.namndOptions = distinct(v.namndValue);
            v.themeOptions = distinct(v.themeValue);
            v.statusOptions = distinct(v.statusValue);
            v.areaOf = core::featureOfPoints(p.areas, l.xy);
        }
        m_symbology.push_back(std::move(sym));
        s.points.push_back(std::move(v));
    }
    m_dirty.points = true;
}

void MapSession::apply(const ui::Actions& a, const ui::UiState&) {
    ui::AppState& s = m_state;
    if (a.load) {
        core::DataOptions o = m_options;
        o.areasPath = a.load->areasPath;
        o.indicatorsPath = a.load->indicatorsPath;
        o.initiativesPath = a.load->initiativesPath;
        o.trygghetPath = a.load->trygghetPath;
        o.indicatorsLayout = a.load->tableLayout;
        o.indicatorsColumns = a.load->tableColumns;
        load(o);
    }
    if (a.lang && *a.lang != s.lang) setLang(*a.lang);
    bool remap = false;
    if (a.variable && *a.variable >= 0 && static_cast<size_t>(*a.variable) < s.variables.size()) {
        const ui::VariableChoice& v = s.variables[static_cast<size_t>(*a.variable)];
        m_choice.kind = static_cast<core::VariableKind>(static_cast<int>(v.kind));
        m_choice.id = v.id;
        m_choice.spec.reset();     // each variable starts from its own default style
        m_choice.palette.clear();
        m_choice.reversed = false;
        s.variable = *a.variable;
        remap = true;
    }
    if (a.year) { m_choice.year = *a.year; remap = true; }
    if (a.classes) {
        core::ClassSpec spec = style().spec;
        spec.method = toCoreMethod(a.classes->method);
        spec.k = a.classes->k;
        spec.manualUpper = a.classes->manualUpper;
        // Centred ↔ the others changes diverging ↔ sequential: there the core picks the palette again.
        // Manual breaks keep whatever scheme is shown.
        const core::ClassMethod before = style().spec.method;
        const bool centredBefore = before == core::ClassMethod::Centred, centredNow = spec.method == core::ClassMethod::Centred;
        if (spec.method != core::ClassMethod::Manual && centredBefore != centredNow) m_choice.palette.clear();
        m_choice.spec = spec;
        remap = true;
    }
    if (a.palette) { m_choice.palette = *a.palette; remap = true; }
    if (a.normalization && *a.normalization >= 0 && *a.normalization <= 2 &&
        static_cast<core::Normalization>(*a.normalization) != m_choice.norm) {
        m_choice.norm = static_cast<core::Normalization>(*a.normalization);
        m_choice.spec.reset();  // the default style depends on it (centred on the city for Malmö = 100)
        m_choice.palette.clear();
        remap = true;
    }
    if (a.weights && m_project) {
        const core::Catalogue& cat = m_project->catalogue;
        core::IndexOptions o;
        o.norm = m_choice.norm;
        o.weights.assign(cat.indicators.size(), 1.0);
        o.dimensionWeights.assign(cat.dimensions.size(), 1.0);
        for (size_t d = 0; d < a.weights->size() && d < cat.dimensions.size(); ++d) {
            o.dimensionWeights[d] = (*a.weights)[d].weight;
            const std::vector<int> idx = cat.indicatorsOf(static_cast<int>(d));
            for (size_t j = 0; j < idx.size() && j < (*a.weights)[d].indicators.size(); ++j)
                o.weights[static_cast<size_t>(idx[j])] = (*a.weights)[d].indicators[j].weight;
        }
        if (core::Status st = core::validateWeights(o, cat); !st) {
            reportError(st.error());
        } else {
            // All equal: the city's weights, written as "none given" so nothing reads as custom.
            const auto allOnes = [](const std::vector<double>& w) {
                return std::all_of(w.begin(), w.end(), [](double x) { return x == 1.0; });
            };
            m_choice.weights = allOnes(o.weights) ? std::vector<double>{} : o.weights;
            m_choice.dimensionWeights = allOnes(o.dimensionWeights) ? std::vector<double>{} : o.dimensionWeights;
            remap = true;
        }
    }
    if (a.reversed) { m_choice.reversed = *a.reversed; remap = true; }
    if (remap) rebuildMap();
    if (a.pointsChanged) m_dirty.points = true;
    if (a.select) s.selected = (*a.select >= 0 && static_cast<size_t>(*a.select) < s.areaCount()) ? *a.select : -1;
    if (a.exportRequest && a.exportRequest->kind != ui::ExportRequest::Kind::Png) exportData(*a.exportRequest);
}

int MapSession::featureAt(core::Vec2 w) const {
    if (!m_project) return -1;
    const core::AreaLayer& areas = m_project->areas;
    for (size_t f = 0; f < areas.featureCount(); ++f)
        if (core::pointInFeature(areas, f, w)) return static_cast<int>(f);
    return -1;
}

render::FeatureFill MapSession::featureFill() const {
    return m_map ? render::featureFill(*m_map) : render::FeatureFill{};
}

bool MapSession::pointLayerVisible(size_t layer, const ui::UiState& u) const {
    if (layer >= m_state.points.size() || !m_state.points[layer].loaded) return false;
    return layer >= u.pointFilters.size() || u.pointFilters[layer].visible;
}

render::StyledPoints MapSession::styledPoints(size_t layer, const ui::UiState& u) const {
    if (!m_project || layer >= m_state.points.size() || layer >= m_symbology.size()) return {};
    const std::optional<core::PointLayer>& src = layer == 0 ? m_project->initiatives : m_project->trygghet;
    if (!src) return {};
    const ui::PointLayerView& v = m_state.points[layer];
    const ui::PointFilter all;
    const ui::PointFilter& f = layer < u.pointFilters.size() ? u.pointFilters[layer] : all;
    std::vector<uint8_t> shown(src->featureCount());
    for (size_t i = 0; i < shown.size(); ++i) shown[i] = ui::pointPasses(v, f, i) ? 1 : 0;
    return render::stylePoints(*src, m_symbology[layer], v.name, &shown);
}

render::OverlayModel MapSession::overlayModel(const ui::UiState& u) const {
    render::OverlayModel m;
    m.lang = m_state.lang;
    if (!m_project || !m_map) {
        if (m_project) m.provenance = m_project->provenance.line(m_state.lang);
        return m;
    }
    m = render::makeOverlayModel(*m_project, *m_map, m_state.lang);
    for (size_t li = 0; li < m_state.points.size(); ++li) {
        if (!pointLayerVisible(li, u)) continue;
        render::PointLegendGroup g = styledPoints(li, u).legend;
        // A filtered layer says so, on screen and in an exported PNG: its counts are not the whole layer.
        if (li < u.pointFilters.size()) {
            const ui::PointFilter& f = u.pointFilters[li];
            if (!f.namnd.empty() || !f.theme.empty() || !f.status.empty())
                g.title += " (" + std::string(core::trc(StringId::FiltersActive, m_state.lang)) + ")";
        }
        m.pointLegends.push_back(std::move(g));
    }
    return m;
}

void MapSession::exportData(const ui::ExportRequest& r) {
    if (!m_project) { reportError({"nothing loaded", r.path}); return; }
    core::Status st = core::Ok{};
    if (r.kind == ui::ExportRequest::Kind::GeoPackage) {
        core::ExportRequest req;
        req.outPath = r.path;
        req.year = m_state.year;
        req.lang = m_state.lang;
        req.index = variable().indexOptions();  // the normalisation and weights on screen
        if (m_map && m_choice.kind != core::VariableKind::Field) {
            // The variable on screen with its style (manual breaks too) opens in QGIS;
            // every other variable keeps its own default style, as the app shows it.
            req.defaultVariable = m_choice.kind == core::VariableKind::Total ? m_project->catalogue.totalId : m_choice.id;
            req.variableStyles[req.defaultVariable] = m_map->style;
        }
        st = core::exportGeoPackage(*m_project, req);
    } else if (r.kind == ui::ExportRequest::Kind::Csv) {
        core::CsvOptions o;
        o.swedishExcel = r.swedishExcel;
        st = core::exportCsv(r.path, *m_project, m_state.year, variable().indexOptions(), o);
    }
    if (!st) { reportError(st.error()); return; }
    m_state.status = core::trFormat(StringId::ExportedTo, m_state.lang, {r.path});
}

}  // namespace geso::viewer

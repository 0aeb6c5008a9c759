#include "render/overlay/overlay_from_project.hpp"

#include <cmath>

#include "core/classify/legend_format.hpp"
#include "core/classify/palette.hpp"
#include "core/project/area_names.hpp"

namespace geso::render {

namespace {
constexpr double kPi = 3.14159265358979323846;
}  // namespace

OverlayModel makeOverlayModel(const core::Project& p, const core::Choropleth& c, core::Lang lang,
                              double minLabelRadius) {
    OverlayModel m;
    m.lang = lang;
    m.title = c.title;
    m.subtitle = c.subtitle;
    m.legendTitle = c.legendTitle;

    const size_t classes = c.classColors.size();
    for (size_t k = 0; k < classes; ++k) {
        LegendEntry e;
        e.color = c.classColors[k];
        e.label = k < c.legendLabels.size() ? c.legendLabels[k] : std::string();
        e.count = k < c.classes.counts.size() ? c.classes.counts[k] : -1;
        m.legend.push_back(std::move(e));
    }
    m.showNoData = classes > 0 || c.classes.noDataCount > 0;  // no classes, no legend rows at all
    m.noDataColor = core::noDataColor();
    m.noDataCount = c.classes.noDataCount;
    if (classes > 0) m.legendNote = core::legendEdgeNote(lang == core::Lang::Sv);

    const size_t n = p.areas.featureCount();
    const auto& g = p.geometry;
    if (g.labelPoint.size() == n) {
        if (minLabelRadius <= 0) m.labels.reserve(n);
        for (size_t i = 0; i < n; ++i) {
            // Big layers skip the inscribed circle (radius 0): half the equal-area
            // circle's radius stands in, so labels still appear only where they fit.
            // An area without a radius or an area (empty geometry) gets no label.
            double radius = i < g.labelRadius.size() ? g.labelRadius[i] : 0.0;
            if (!(radius > 0)) {
                const double a = i < g.areaM2.size() ? g.areaM2[i] : 0.0;
                if (!(a > 0)) continue;
                radius = 0.5 * std::sqrt(a / kPi);
            }
            if (radius < minLabelRadius) continue;
            MapLabel l;
            l.xy = g.labelPoint[i];
            l.radius = radius;
            l.text = i < p.areaName.size() ? p.areaName[i] : std::string();
            l.shortText = core::shortAreaName(l.text, true);
            if (l.shortText == l.text) l.shortText.clear();
            m.labels.push_back(std::move(l));
        }
    }

    m.provenance = p.provenance.line(lang);
    m.illustrativeValues = p.provenance.illustrativeValues && c.variable.kind != core::VariableKind::Field;
    m.crsCode = p.areas.source.crsCode.empty() ? p.options.displayCrs : p.areas.source.crsCode;
    m.footerRight = m.crsCode;
    return m;
}

}  // namespace geso::render

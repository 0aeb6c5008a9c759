#pragma once
// The viewer's data side, GL-free: the loaded Project, what is mapped and how,
// and the AppState the panels read. The loop hands it the panels' Actions; it
// calls the core (loadProject, buildChoropleth, computeIndex, export) and turns
// errors into AppState::errors, never exceptions or exits. It also says what the
// GPU side has to refresh (areas, colours, points) through its `dirty` flags.
#include <optional>
#include <string>
#include <vector>

#include "core/project/choropleth.hpp"
#include "core/project/point_symbology.hpp"
#include "core/project/project.hpp"
#include "render/headless/map_content.hpp"
#include "render/mesh/point_mesh.hpp"
#include "render/overlay/overlay_model.hpp"
#include "ui/actions.hpp"
#include "ui/app_state.hpp"
#include "ui/ui_state.hpp"

namespace geso::viewer {

// What the user last chose, restored between runs (settings.hpp).
struct MapChoice {
    core::VariableKind kind = core::VariableKind::Total;
    std::string id;
    int year = 0;                       // 0 = latest
    std::optional<core::ClassSpec> spec; // nullopt = the variable's default style
    std::string palette;                 // "" = default
    bool reversed = false;
    core::Normalization norm = core::Normalization::Malmo100;
    std::vector<double> weights, dimensionWeights;  // empty = the city's equal weights
};

class MapSession {
public:
    struct Dirty {
        bool areas = false;    // geometry changed: re-upload and zoom to all
        bool colors = false;   // feature colours / no-data flags changed
        bool points = false;   // point symbols or their visibility changed
    };

    // Loads the data (bundled where a path is ""); errors land in state().errors
    // and the session stays usable (empty map, or the previous data kept).
    void load(const core::DataOptions& options);
    // Applies the data side of the panels' actions (variable, year, classes,
    // palette, language, selection, load, export). Camera actions are the loop's.
    void apply(const ui::Actions& a, const ui::UiState& u);
    // Picks the area containing a world point (display CRS), -1 if none.
    int featureAt(core::Vec2 world) const;
    void setHovered(int feature) { m_state.hovered = feature; }
    void setChoice(const MapChoice& c) { m_choice = c; }
    const MapChoice& choice() const { return m_choice; }
    void setLang(core::Lang lang);

    const ui::AppState& state() const { return m_state; }
    ui::AppState& state() { return m_state; }
    const core::Project* project() const { return m_project ? &*m_project : nullptr; }
    const core::Choropleth* choropleth() const { return m_map ? &*m_map : nullptr; }
    const core::DataOptions& options() const { return m_options; }

    // GPU inputs.
    render::FeatureFill featureFill() const;
    // Symbols and legend of point layer `layer` (0 initiatives, 1 trygghet), for the points passing the filters.
    render::StyledPoints styledPoints(size_t layer, const ui::UiState& u) const;
    bool pointLayerVisible(size_t layer, const ui::UiState& u) const;
    // Title, legend, labels, provenance and point legends for drawMapOverlay.
    render::OverlayModel overlayModel(const ui::UiState& u) const;

    Dirty takeDirty() { Dirty d = m_dirty; m_dirty = {}; return d; }

    // Writes a GeoPackage/CSV of the current data; PNG is the loop's (needs GL).
    // Errors go to state().errors; success to state().status.
    void exportData(const ui::ExportRequest& r);
    void reportError(const core::Error& e);
    void reportStatus(const std::string& text) { m_state.status = text; }

private:
    void rebuildVariables();
    void rebuildMap();           // choropleth + classes + table + rank/change
    void rebuildTable();
    void rebuildPoints();
    void setJoinReport(const core::IndicatorTable& table, bool failed);  // opens in the UI
    core::MapVariable variable() const;
    core::MapStyle style() const;

    core::DataOptions m_options;
    std::optional<core::Project> m_project;
    std::optional<core::Choropleth> m_map;
    MapChoice m_choice;
    ui::AppState m_state;
    std::vector<core::PointSymbology> m_symbology;  // per AppState::points
    Dirty m_dirty;
};

// core ↔ ui enum mapping.
ui::Method toUiMethod(core::ClassMethod m);
core::ClassMethod toCoreMethod(ui::Method m);

}  // namespace geso::viewer

#pragma once
// What the user asked for during one frame. Panels fill it; the viewer applies
// it (core calls, camera moves) after the UI pass. Empty = nothing to do.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "ui/app_state.hpp"

namespace geso::ui {

struct ClassRequest {
    Method method = Method::Quantile;
    int k = 5;
    std::vector<double> manualUpper;  // Method::Manual only: ascending upper bounds, last = max
};

struct LoadRequest {                   // "" = the bundled file
    std::string areasPath, indicatorsPath, initiativesPath, trygghetPath;
    std::string tableLayout, tableColumns;  // how to read the indicator table ("" = detected)
};

struct ExportRequest {
    enum class Kind { GeoPackage, Png, Csv };
    Kind kind = Kind::GeoPackage;
    std::string path;
    int widthPx = 0, heightPx = 0;     // PNG only; 0 = the window size
    bool swedishExcel = false;         // CSV only: semicolon + decimal comma
};

struct Actions {
    // Selection and camera. Pan/zoom offsets are in ImGui pixels (logical).
    std::optional<int> select;         // feature index; -1 clears
    std::optional<int> zoomTo;         // feature index to fit
    // With zoomTo: a window (x0, y0, x1, y1, ImGui px) the area should not end up under (the table).
    std::optional<std::array<float, 4>> zoomAvoid;
    bool zoomAll = false;
    float panXPx = 0, panYPx = 0;      // move the map content by this many pixels
    float zoomFactor = 1.0f;           // > 1 zooms in, about zoomAtX/zoomAtY
    float zoomAtX = 0, zoomAtY = 0;    // screen point kept fixed (default: map centre)
    bool zoomAtCentre = true;
    std::optional<std::array<float, 4>> zoomRect;    // x0, y0, x1, y1 in ImGui pixels: fit it
    std::optional<std::pair<float, float>> pickAt;   // click on the map: select what is there
    std::optional<std::pair<float, float>> hoverAt;  // mouse over the map (nullopt = not over it)

    // Map variable and style.
    std::optional<int> variable;       // index into AppState::variables
    std::optional<int> year;
    std::optional<ClassRequest> classes;
    std::optional<std::string> palette;
    std::optional<bool> reversed;
    std::optional<int> normalization;  // AppState::normalization values
    // New weights, in AppState::dimensionWeights' shape (dimension, then its indicators).
    std::optional<std::vector<WeightItem>> weights;

    // Layers, files, export, app.
    bool pointsChanged = false;        // visibility or filters changed in UiState
    std::optional<LoadRequest> load;
    std::optional<ExportRequest> exportRequest;
    std::optional<Lang> lang;
    bool quit = false;

    bool cameraMoved() const {
        return panXPx != 0 || panYPx != 0 || zoomFactor != 1.0f || zoomAll || zoomTo.has_value() || zoomRect.has_value();
    }
};

}  // namespace geso::ui

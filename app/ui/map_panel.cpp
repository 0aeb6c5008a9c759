#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "ui/panels.hpp"
#include "ui/ui_logic.hpp"
#include "ui/ui_strings.hpp"

namespace geso::ui {
namespace {

S groupOf(VarKind k) {
    switch (k) {
        case VarKind::Total: return S::VarTotal;
        case VarKind::Dimension: return S::Dimensions;
        case VarKind::Indicator: return S::Indicators;
        case VarKind::Field: break;
    }
    return S::VarField;
}

S methodName(Method m) {
    switch (m) {
        case Method::Quantile: return S::MethodQuantile;
        case Method::EqualInterval: return S::MethodEqual;
        case Method::NaturalBreaks: return S::MethodJenks;
        case Method::StdDev: return S::MethodStdDev;
        case Method::Pretty: return S::MethodPretty;
        case Method::BoxMap: return S::MethodBoxMap;
        case Method::Centred: return S::MethodCentred;
        case Method::Manual: break;
    }
    return S::MethodManual;
}

// Methods whose class count is fixed by the method (the core ignores k).
bool fixedCount(Method m) { return m == Method::StdDev || m == Method::BoxMap || m == Method::Manual; }

// Normalisation and weights of the index. Weights move in steps of 0.5 (0–3):
// enough for "what if education counted double", and a planner can read them.
void drawIndexControls(const AppState& s, Actions& out) {
    const Lang l = s.lang;
    ImGui::TextUnformatted(trc(S::Normalization, l));
    const S norms[] = {S::NormMalmo100, S::NormZScore, S::NormMinMax};
    const int current = std::clamp(s.normalization, 0, 2);
    if (ImGui::BeginCombo("##norm", trc(norms[current], l))) {
        for (int n = 0; n < 3; ++n)
            if (ImGui::Selectable(trc(norms[n], l), n == current) && n != current) out.normalization = n;
        ImGui::EndCombo();
    }
    if (s.customWeights) ImGui::TextColored(ImVec4(0.75f, 0.15f, 0.1f, 1.0f), "%s", trc(S::WeightsDiffer, l));
    if (s.dimensionWeights.empty() || !ImGui::TreeNode(trc(S::WhatIfWeights, l))) return;
    std::vector<WeightItem> edited = s.dimensionWeights;
    bool changed = false;
    const auto slider = [&](const std::string& label, double& w, int id) {
        float f = static_cast<float>(w);
        ImGui::PushID(id);
        ImGui::TextUnformatted(label.c_str());
        if (ImGui::SliderFloat("##w", &f, 0.0f, 3.0f, "%.1f")) {
            const double snapped = std::round(static_cast<double>(f) * 2.0) / 2.0;
            if (snapped != w) { w = snapped; changed = true; }
        }
        ImGui::PopID();
    };
    int id = 0;
    for (WeightItem& dim : edited) {
        slider(dim.label, dim.weight, id++);
        ImGui::Indent();
        for (WeightItem& ind : dim.indicators) slider(ind.label, ind.weight, id++);
        ImGui::Unindent();
    }
    if (ImGui::Button(trc(S::WeightsReset, l))) {
        for (WeightItem& dim : edited) {
            dim.weight = 1;
            for (WeightItem& ind : dim.indicators) ind.weight = 1;
        }
        changed = true;
    }
    if (changed) out.weights = edited;
    ImGui::TreePop();
}

}  // namespace

void drawMapPanel(const AppState& s, UiState&, Actions& out) {
    const Lang l = s.lang;
    ImGui::PushItemWidth(-1);

    // Variable: one combo grouped by kind (total, dimensions, indicators, fields).
    ImGui::TextUnformatted(trc(S::Variable, l));
    const char* current = (s.variable >= 0 && static_cast<size_t>(s.variable) < s.variables.size())
                              ? s.variables[static_cast<size_t>(s.variable)].label.c_str() : "";
    if (ImGui::BeginCombo("##variable", current, ImGuiComboFlags_HeightLarge)) {
        for (size_t i = 0; i < s.variables.size(); ++i) {
            const VariableChoice& v = s.variables[i];
            if (i == 0 || s.variables[i - 1].kind != v.kind) ImGui::TextDisabled("%s", trc(groupOf(v.kind), l));
            ImGui::PushID(static_cast<int>(i));
            const bool isSel = static_cast<int>(i) == s.variable;
            ImGui::Indent();
            if (ImGui::Selectable(v.label.c_str(), isSel) && !isSel) out.variable = static_cast<int>(i);
            ImGui::Unindent();
            if (isSel) ImGui::SetItemDefaultFocus();
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }

    // Year: only when the variable has years.
    if (!s.years.empty()) {
        ImGui::TextUnformatted(trc(S::Year, l));
        const std::string yearText = std::to_string(s.year);
        if (ImGui::BeginCombo("##year", yearText.c_str())) {
            for (int y : s.years) {
                const bool isSel = y == s.year;
                if (ImGui::Selectable(std::to_string(y).c_str(), isSel) && !isSel) out.year = y;
            }
            ImGui::EndCombo();
        }
    }

    // The index: how indicators are normalised, and what-if weights (the city's are equal).
    const bool indexVariable = s.variable >= 0 && static_cast<size_t>(s.variable) < s.variables.size() &&
                               s.variables[static_cast<size_t>(s.variable)].kind != VarKind::Field &&
                               s.variables[static_cast<size_t>(s.variable)].kind != VarKind::Indicator;
    if (indexVariable) drawIndexControls(s, out);

    // Method and number of classes.
    ImGui::TextUnformatted(trc(S::PanelClassification, l));
    if (ImGui::BeginCombo("##method", trc(methodName(s.method), l))) {
        for (Method m : {Method::Quantile, Method::EqualInterval, Method::NaturalBreaks, Method::Pretty,
                         Method::StdDev, Method::BoxMap, Method::Centred, Method::Manual}) {
            const bool isSel = m == s.method;
            if (ImGui::Selectable(trc(methodName(m), l), isSel) && !isSel) {
                ClassRequest r{m, s.classCount, {}};
                if (m == Method::Manual) r.manualUpper = s.classes.upper;  // start from what is shown
                out.classes = r;
            }
        }
        ImGui::EndCombo();
    }
    if (!fixedCount(s.method)) {
        ImGui::TextUnformatted(trc(S::Classes, l));
        int k = s.classCount;
        if (ImGui::SliderInt("##classes", &k, s.minClasses, s.maxClasses) && k != s.classCount)
            out.classes = ClassRequest{s.method, k, {}};
    }

    // Palette and direction, with a swatch row of the current class colours.
    ImGui::TextUnformatted(trc(S::Palette, l));
    // Each scheme with its colours for this map; colour-blind-safe ones first and marked.
    const auto paletteLabel = [&](const PaletteChoice& p) {
        std::string label = p.id;
        if (p.colorBlindSafe) label += std::string("  (") + trc(S::PaletteColorBlindSafe, l) + ")";
        return label;
    };
    const PaletteChoice* currentPalette = nullptr;
    for (const PaletteChoice& p : s.palettes)
        if (p.id == s.palette) currentPalette = &p;
    const std::string shown = currentPalette ? paletteLabel(*currentPalette) : s.palette;
    if (ImGui::BeginCombo("##palette", shown.c_str(), ImGuiComboFlags_HeightLarge)) {
        const float h = ImGui::GetTextLineHeight();
        const float swatchW = 1.4f * h;
        for (size_t i = 0; i < s.palettes.size(); ++i) {
            const PaletteChoice& p = s.palettes[i];
            if (i > 0 && s.palettes[i - 1].colorBlindSafe && !p.colorBlindSafe) ImGui::Separator();
            ImGui::PushID(static_cast<int>(i));
            const bool isSel = p.id == s.palette;
            const ImVec2 at = ImGui::GetCursorScreenPos();
            if (ImGui::Selectable("##p", isSel) && !isSel) out.palette = p.id;
            ImDrawList* dl = ImGui::GetWindowDrawList();
            for (size_t k = 0; k < p.colors.size(); ++k) {
                const float x = at.x + swatchW * static_cast<float>(k);
                dl->AddRectFilled(ImVec2(x, at.y + 1), ImVec2(x + swatchW, at.y + h - 1),
                                  IM_COL32(p.colors[k].r, p.colors[k].g, p.colors[k].b, 255));
            }
            const float textX = at.x + swatchW * static_cast<float>(std::max<size_t>(p.colors.size(), 5)) + h * 0.5f;
            dl->AddText(ImVec2(textX, at.y), ImGui::GetColorU32(ImGuiCol_Text), paletteLabel(p).c_str());
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    bool rev = s.reversed;
    if (ImGui::Checkbox(trc(S::Reversed, l), &rev)) out.reversed = rev;
    if (!s.classes.classColor.empty()) {
        const float h = ImGui::GetFrameHeight();
        const float w = ImGui::GetContentRegionAvail().x / static_cast<float>(s.classes.classColor.size());
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        for (size_t i = 0; i < s.classes.classColor.size(); ++i) {
            const Rgba8 c = s.classes.classColor[i];
            const float x0 = p.x + w * static_cast<float>(i);
            dl->AddRectFilled(ImVec2(x0, p.y), ImVec2(x0 + w, p.y + h * 0.6f), IM_COL32(c.r, c.g, c.b, 255));
        }
        ImGui::Dummy(ImVec2(w * static_cast<float>(s.classes.classColor.size()), h * 0.6f));
    }
    // How well the classes fit the values: a planner can justify the choice of method.
    if (!std::isnan(s.classes.gvf))
        ImGui::TextDisabled("%s: %s", trc(S::Gvf, l), formatValue(s.classes.gvf, 3, l).c_str());
    if (!std::isnan(s.classes.gadf))
        ImGui::TextDisabled("%s: %s", trc(S::Gadf, l), formatValue(s.classes.gadf, 3, l).c_str());
    ImGui::PopItemWidth();
}

}  // namespace geso::ui

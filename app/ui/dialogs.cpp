#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>

#include "ui/panels.hpp"
#include "ui/ui_strings.hpp"

namespace geso::ui {
namespace {

namespace fs = std::filesystem;

void centreNextWindow(float w, float h) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_FirstUseEver);
}

// A small file browser: folders first, then files; a click on a folder enters it,
// on a file fills the target field. Never throws (error_code overloads).
void drawBrowser(const AppState& s, UiState& u, std::string& target) {
    const Lang l = s.lang;
    std::error_code ec;
    if (u.browseDir.empty()) {
        fs::path start = target.empty() ? fs::current_path(ec) : fs::path(target).parent_path();
        if (start.empty()) start = fs::current_path(ec);
        u.browseDir = start.string();
    }
    ImGui::Separator();
    ImGui::Text("%s: %s", trc(S::Folder, l), u.browseDir.c_str());
    if (ImGui::SmallButton(trc(S::UpOneLevel, l))) {
        const fs::path parent = fs::path(u.browseDir).parent_path();
        if (!parent.empty()) u.browseDir = parent.string();
    }
    ImGui::SameLine();
    if (ImGui::SmallButton(trc(S::Cancel, l))) { u.browseTarget = -1; u.browseDir.clear(); return; }

    std::vector<fs::directory_entry> dirs, files;
    fs::directory_iterator it(u.browseDir, fs::directory_options::skip_permission_denied, ec);
    if (ec) { ImGui::TextColored(ImVec4(1, 0.4f, 0.3f, 1), "%s: %s", trc(S::CannotReadDir, l), ec.message().c_str()); return; }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code e2;
        (it->is_directory(e2) ? dirs : files).push_back(*it);
    }
    auto byName = [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); };
    std::sort(dirs.begin(), dirs.end(), byName);
    std::sort(files.begin(), files.end(), byName);
    ImGui::BeginChild("##browser", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 10), true);
    for (const auto& d : dirs) {
        std::string label = "[";
        label += d.path().filename().string();
        label += ']';
        if (ImGui::Selectable(label.c_str())) u.browseDir = d.path().string();
    }
    for (const auto& f : files) {
        if (ImGui::Selectable(f.path().filename().string().c_str())) {
            target = f.path().string();
            u.browseTarget = -1;
            u.browseDir.clear();
        }
    }
    ImGui::EndChild();
}

}  // namespace

void drawLoadDialog(const AppState& s, UiState& u, Actions& out) {
    const Lang l = s.lang;
    const float scale = s.uiScale > 0 ? s.uiScale : 1.0f;
    if (!u.loadFieldsFilled) {
        u.loadAreas = s.areasPath; u.loadIndicators = s.indicatorsPath;
        u.loadInitiatives = s.initiativesPath; u.loadTrygghet = s.trygghetPath;
        u.loadFieldsFilled = true;
    }
    centreNextWindow(640 * scale, 420 * scale);
    const std::string title = std::string(trc(S::PanelOpenFile, l)) + "###load";
    if (!ImGui::Begin(title.c_str(), &u.showLoad)) { ImGui::End(); return; }
    std::string* fields[] = {&u.loadAreas, &u.loadIndicators, &u.loadInitiatives, &u.loadTrygghet};
    const S labels[] = {S::AreasFile, S::IndicatorsFile, S::InitiativesFile, S::TrygghetFile};
    for (int i = 0; i < 4; ++i) {
        ImGui::PushID(i);
        ImGui::TextUnformatted(trc(labels[i], l));
        ImGui::PushItemWidth(-ImGui::CalcTextSize(trc(S::Browse, l)).x - ImGui::GetStyle().FramePadding.x * 2 -
                             ImGui::GetStyle().ItemSpacing.x);
        ImGui::InputText("##path", fields[i]);
        ImGui::PopItemWidth();
        ImGui::SameLine();
        if (ImGui::Button(trc(S::Browse, l))) { u.browseTarget = i; u.browseDir.clear(); }
        if (u.browseTarget == i) drawBrowser(s, u, *fields[i]);
        ImGui::PopID();
    }
    ImGui::TextDisabled("%s", trc(S::EmptyIsBundled, l));
    if (ImGui::Button(trc(S::Open, l))) {
        out.load = LoadRequest{u.loadAreas, u.loadIndicators, u.loadInitiatives, u.loadTrygghet};
        u.showLoad = false;
        u.loadFieldsFilled = false;
    }
    ImGui::SameLine();
    if (ImGui::Button(trc(S::Cancel, l))) { u.showLoad = false; u.loadFieldsFilled = false; }
    ImGui::End();
}

void drawExportDialog(const AppState& s, UiState& u, Actions& out) {
    const Lang l = s.lang;
    const float scale = s.uiScale > 0 ? s.uiScale : 1.0f;
    centreNextWindow(560 * scale, 260 * scale);
    const std::string title = std::string(trc(S::PanelExport, l)) + "###export";
    if (!ImGui::Begin(title.c_str(), &u.showExport)) { ImGui::End(); return; }
    static const char* const kExt[] = {".gpkg", ".png", ".csv"};
    const int before = u.exportKind;
    ImGui::TextUnformatted(trc(S::ExportKind, l));
    ImGui::RadioButton("GeoPackage", &u.exportKind, 0); ImGui::SameLine();
    ImGui::RadioButton("PNG", &u.exportKind, 1); ImGui::SameLine();
    ImGui::RadioButton("CSV", &u.exportKind, 2);
    u.exportKind = std::clamp(u.exportKind, 0, 2);
    // Keep the file name's extension in step with the chosen format.
    if (u.exportPath.empty()) u.exportPath = std::string("geso_atlas") + kExt[u.exportKind];
    if (before != u.exportKind) {
        const std::filesystem::path p(u.exportPath);
        if (p.extension() == kExt[std::clamp(before, 0, 2)])
            u.exportPath = std::filesystem::path(p).replace_extension(kExt[u.exportKind]).string();
    }
    ImGui::TextUnformatted(trc(S::Path, l));
    ImGui::PushItemWidth(-1);
    ImGui::InputText("##exportpath", &u.exportPath);
    ImGui::PopItemWidth();
    if (u.exportKind == 1) {
        ImGui::PushItemWidth(120 * scale);
        ImGui::InputInt(trc(S::Width, l), &u.exportWidthPx, 0);
        ImGui::SameLine();
        ImGui::InputInt(trc(S::Height, l), &u.exportHeightPx, 0);
        ImGui::PopItemWidth();
        u.exportWidthPx = std::clamp(u.exportWidthPx, 16, 16384);
        u.exportHeightPx = std::clamp(u.exportHeightPx, 16, 16384);
    }
    if (u.exportKind == 2) ImGui::Checkbox(trc(S::SwedishExcel, l), &u.exportSwedishExcel);
    const bool empty = u.exportPath.find_first_not_of(' ') == std::string::npos;
    if (empty) ImGui::TextDisabled("%s", trc(S::PathEmpty, l));
    if (ImGui::Button(trc(S::Save, l)) && !empty) {
        ExportRequest r;
        r.kind = static_cast<ExportRequest::Kind>(u.exportKind);
        r.path = u.exportPath;
        if (u.exportKind == 1) { r.widthPx = u.exportWidthPx; r.heightPx = u.exportHeightPx; }
        r.swedishExcel = u.exportSwedishExcel;
        out.exportRequest = r;
        u.showExport = false;
    }
    ImGui::SameLine();
    if (ImGui::Button(trc(S::Cancel, l))) u.showExport = false;
    ImGui::End();
}

void drawHelpWindow(const AppState& s, UiState& u) {
    const Lang l = s.lang;
    const float scale = s.uiScale > 0 ? s.uiScale : 1.0f;
    centreNextWindow(560 * scale, 480 * scale);
    const std::string title = std::string(trc(S::PanelShortcuts, l)) + "###help";
    if (!ImGui::Begin(title.c_str(), &u.showHelp)) { ImGui::End(); return; }
    for (S id : {S::HelpDrag, S::HelpArrows, S::HelpWheel, S::HelpPlusMinus, S::HelpZoomAll,
                 S::HelpZoomSelected, S::HelpZoomRect, S::HelpClick, S::HelpEscape, S::HelpTable,
                 S::HelpTableRow, S::HelpSearch, S::HelpBreaks, S::HelpOpen, S::HelpExport, S::HelpLanguage,
                 S::HelpHelp, S::HelpQuit})
        ImGui::BulletText("%s", trc(id, l));
    ImGui::End();
}

void drawMessages(const AppState& s, UiState& u, Actions&) {
    const Lang l = s.lang;
    const float scale = s.uiScale > 0 ? s.uiScale : 1.0f;
    const ImGuiIO& io = ImGui::GetIO();
    if (!s.errors.empty() && u.dismissedErrors < s.errors.size()) {
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, ImGui::GetFrameHeight() * 2), ImGuiCond_Appearing,
                                ImVec2(0.5f, 0));
        ImGui::SetNextWindowSize(ImVec2(640 * scale, 0), ImGuiCond_Appearing);
        const std::string title = std::string(trc(S::ErrorPrefix, l)) + "###errors";
        bool open = true;
        if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_AlwaysAutoResize)) {
            for (size_t i = u.dismissedErrors; i < s.errors.size(); ++i)
                ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.35f, 1.0f), "%s", s.errors[i].c_str());
            if (ImGui::Button(trc(S::Close, l))) open = false;
        }
        ImGui::End();
        if (!open) u.dismissedErrors = s.errors.size();
    }
    if (u.showJoinReport) {
        ImGui::SetNextWindowSize(ImVec2(560 * scale, 320 * scale), ImGuiCond_FirstUseEver);
        const std::string title = std::string(trc(S::PanelJoinReport, l)) + "###join";
        if (ImGui::Begin(title.c_str(), &u.showJoinReport)) {
            if (s.joinReport.empty()) ImGui::TextWrapped("%s", trc(S::JoinAllMatched, l));
            for (const std::string& line : s.joinReport) ImGui::BulletText("%s", line.c_str());
            if (!s.warnings.empty()) {
                ImGui::Separator();
                ImGui::TextUnformatted(trc(S::Warnings, l));
                for (const std::string& line : s.warnings) ImGui::BulletText("%s", line.c_str());
            }
        }
        ImGui::End();
    }
}

}  // namespace geso::ui

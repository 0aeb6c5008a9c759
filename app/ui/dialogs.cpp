#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "ui/panels.hpp"
#include "ui/ui_strings.hpp"

namespace geso::ui {
namespace {

namespace fs = std::filesystem;

}  // namespace

void keepOnScreen() {
    const ImVec2 d = ImGui::GetIO().DisplaySize;
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const float x = std::clamp(pos.x, 0.0f, std::max(0.0f, d.x - std::min(size.x, d.x)));
    const float y = std::clamp(pos.y, 0.0f, std::max(0.0f, d.y - std::min(size.y, d.y)));
    if (x != pos.x || y != pos.y) ImGui::SetWindowPos(ImVec2(x, y));
}

namespace {

void centreNextWindow(float w, float h) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Appearing,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_FirstUseEver);
}

// What each path field of the load dialog takes (lower-case extensions without the dot).
const std::vector<std::string>& extensionsFor(int target) {
    static const std::vector<std::string> areas{"shp", "gpkg", "geojson", "json", "fgb", "zip", "gml", "kml", "sqlite"};
    static const std::vector<std::string> table{"csv", "txt", "tsv", "xlsx", "ods", "gpkg", "sqlite"};
    static const std::vector<std::string> points{"geojson", "json", "gpkg", "csv", "shp", "fgb", "zip"};
    static const std::vector<std::string> exports{"gpkg", "png", "csv"};
    switch (target) {
        case 0: return areas;
        case 1: return table;
        case 4: return exports;
        default: return points;
    }
}

bool hasExtension(const fs::path& p, const std::vector<std::string>& exts) {
    std::string e = p.extension().string();
    if (e.empty()) return false;
    e.erase(0, 1);
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(exts.begin(), exts.end(), e) != exts.end();
}

// A small file browser: folders first, then the files the field takes (all with
// "show all"); a click on a folder enters it, on a file fills the target field.
// `pickFolder`: also offers the current folder (export: keep the file name).
// Never throws (error_code overloads). Sized to leave the dialog's buttons visible.
void drawBrowser(const AppState& s, UiState& u, std::string& target, bool pickFolder) {
    const Lang l = s.lang;
    std::error_code ec;
    if (u.browseDir.empty()) {
        fs::path start = target.empty() ? fs::current_path(ec) : fs::path(target).parent_path();
        if (start.empty() || !fs::is_directory(start, ec)) start = fs::current_path(ec);
        u.browseDir = start.string();
    }
    ImGui::Separator();
    ImGui::TextWrapped("%s: %s", trc(S::Folder, l), u.browseDir.c_str());
    if (ImGui::SmallButton(trc(S::UpOneLevel, l))) {
        const fs::path parent = fs::path(u.browseDir).parent_path();
        if (!parent.empty()) u.browseDir = parent.string();
    }
    ImGui::SameLine();
    if (pickFolder && ImGui::SmallButton(trc(S::UseThisFolder, l))) {
        const std::string name = fs::path(target).filename().string();
        target = (fs::path(u.browseDir) / (name.empty() ? "geso_atlas.gpkg" : name)).string();
        u.browseTarget = -1;
        u.browseDir.clear();
        return;
    }
    if (pickFolder) ImGui::SameLine();
    if (ImGui::SmallButton(trc(S::Cancel, l))) { u.browseTarget = -1; u.browseDir.clear(); return; }
    ImGui::SameLine();
    ImGui::Checkbox(trc(S::ShowAllFiles, l), &u.browseAllFiles);

    std::vector<fs::directory_entry> dirs, files;
    fs::directory_iterator it(u.browseDir, fs::directory_options::skip_permission_denied, ec);
    if (ec) { ImGui::TextColored(ImVec4(0.75f, 0.15f, 0.1f, 1), "%s: %s", trc(S::CannotReadDir, l), ec.message().c_str()); return; }
    const std::vector<std::string>& wanted = extensionsFor(u.browseTarget);
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code e2;
        if (it->is_directory(e2)) dirs.push_back(*it);
        else if (u.browseAllFiles || hasExtension(it->path(), wanted)) files.push_back(*it);
    }
    auto byName = [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path() < b.path(); };
    std::sort(dirs.begin(), dirs.end(), byName);
    std::sort(files.begin(), files.end(), byName);
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float footer = ImGui::GetFrameHeightWithSpacing() * 2.5f;
    const float h = std::clamp(ImGui::GetContentRegionAvail().y - footer, 4 * line, 12 * line);
    ImGui::BeginChild("##browser", ImVec2(0, h), true);
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

// The file name's extension in step with the export format; a path without one
// of ours is left as the user typed it.
void matchExtension(std::string& path, int kind) {
    static const char* const kExt[] = {".gpkg", ".png", ".csv"};
    const fs::path p(path);
    if (hasExtension(p, extensionsFor(4)) && p.extension() != kExt[kind])
        path = fs::path(p).replace_extension(kExt[kind]).string();
}

// Where an export goes first: beside the user's own area file, else the home folder.
std::string defaultExportPath(const AppState& s, int kind) {
    static const char* const kExt[] = {".gpkg", ".png", ".csv"};
    std::error_code ec;
    fs::path dir;
    if (!s.areasPath.empty()) dir = fs::path(s.areasPath).parent_path();
    if (dir.empty() || !fs::is_directory(dir, ec)) {
        const char* home = std::getenv("HOME");
        dir = home && *home ? fs::path(home) : fs::current_path(ec);
    }
    return (dir / (std::string("geso_atlas") + kExt[kind])).string();
}

}  // namespace

void drawLoadDialog(const AppState& s, UiState& u, Actions& out) {
    const Lang l = s.lang;
    const float scale = s.uiScale > 0 ? s.uiScale : 1.0f;
    if (!u.loadFieldsFilled) {
        u.loadAreas = s.areasPath; u.loadIndicators = s.indicatorsPath;
        u.loadInitiatives = s.initiativesPath; u.loadTrygghet = s.trygghetPath;
        u.loadLayout = s.tableLayout == "wide" ? 1 : s.tableLayout == "long" ? 2 : 0;
        u.loadColumns = s.tableColumns;
        u.loadFieldsFilled = true;
    }
    centreNextWindow(640 * scale, 480 * scale);
    const std::string title = std::string(trc(S::PanelOpenFile, l)) + "###load";
    if (!ImGui::Begin(title.c_str(), &u.showLoad)) { ImGui::End(); return; }
    keepOnScreen();
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
        if (u.browseTarget == i) drawBrowser(s, u, *fields[i], false);
        ImGui::PopID();
        if (i == 1) {
            // How to read the city's own table when its columns have other names (core/index/column_mapping).
            ImGui::Indent();
            ImGui::TextUnformatted(trc(S::TableLayout, l));
            ImGui::SameLine();
            ImGui::RadioButton(trc(S::LayoutAuto, l), &u.loadLayout, 0); ImGui::SameLine();
            ImGui::RadioButton(trc(S::LayoutWide, l), &u.loadLayout, 1); ImGui::SameLine();
            ImGui::RadioButton(trc(S::LayoutLong, l), &u.loadLayout, 2);
            ImGui::PushItemWidth(-1);
            ImGui::InputTextWithHint("##columns", trc(S::TableColumnsHint, l), &u.loadColumns);
            ImGui::PopItemWidth();
            ImGui::Unindent();
        }
    }
    ImGui::TextDisabled("%s", trc(S::EmptyIsBundled, l));
    if (ImGui::Button(trc(S::Open, l))) {
        static const char* const kLayouts[] = {"", "wide", "long"};
        out.load = LoadRequest{u.loadAreas,    u.loadIndicators, u.loadInitiatives,
                               u.loadTrygghet, kLayouts[std::clamp(u.loadLayout, 0, 2)], u.loadColumns};
        u.showLoad = false;
        u.loadFieldsFilled = false;
        u.browseTarget = -1;
    }
    ImGui::SameLine();
    if (ImGui::Button(trc(S::Cancel, l))) { u.showLoad = false; u.loadFieldsFilled = false; u.browseTarget = -1; }
    ImGui::End();
}

void drawExportDialog(const AppState& s, UiState& u, Actions& out) {
    const Lang l = s.lang;
    const float scale = s.uiScale > 0 ? s.uiScale : 1.0f;
    centreNextWindow(600 * scale, 300 * scale);
    const std::string title = std::string(trc(S::PanelExport, l)) + "###export";
    if (!ImGui::Begin(title.c_str(), &u.showExport)) { ImGui::End(); return; }
    keepOnScreen();
    ImGui::TextUnformatted(trc(S::ExportKind, l));
    ImGui::RadioButton("GeoPackage", &u.exportKind, 0); ImGui::SameLine();
    ImGui::RadioButton("PNG", &u.exportKind, 1); ImGui::SameLine();
    ImGui::RadioButton("CSV", &u.exportKind, 2);
    u.exportKind = std::clamp(u.exportKind, 0, 2);
    // Every frame, whichever way the format was chosen (menu, shortcut, radio button):
    // a PNG never lands in last time's .gpkg.
    if (u.exportPath.find_first_not_of(' ') == std::string::npos) u.exportPath = defaultExportPath(s, u.exportKind);
    matchExtension(u.exportPath, u.exportKind);
    ImGui::TextUnformatted(trc(S::Path, l));
    ImGui::PushItemWidth(-ImGui::CalcTextSize(trc(S::Browse, l)).x - ImGui::GetStyle().FramePadding.x * 2 -
                         ImGui::GetStyle().ItemSpacing.x);
    ImGui::InputText("##exportpath", &u.exportPath);
    ImGui::PopItemWidth();
    ImGui::SameLine();
    if (ImGui::Button(trc(S::Browse, l))) { u.browseTarget = 4; u.browseDir.clear(); }
    if (u.browseTarget == 4) drawBrowser(s, u, u.exportPath, true);
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
    std::error_code ec;
    const bool exists = !empty && fs::exists(u.exportPath, ec);
    if (empty) ImGui::TextDisabled("%s", trc(S::PathEmpty, l));
    if (exists) ImGui::TextColored(ImVec4(0.70f, 0.35f, 0.0f, 1.0f), "%s", trc(S::ExportFileExists, l));
    if (ImGui::Button(trc(exists ? S::ExportOverwrite : S::Save, l)) && !empty) {
        ExportRequest r;
        r.kind = static_cast<ExportRequest::Kind>(u.exportKind);
        r.path = u.exportPath;
        if (u.exportKind == 1) { r.widthPx = u.exportWidthPx; r.heightPx = u.exportHeightPx; }
        r.swedishExcel = u.exportSwedishExcel;
        out.exportRequest = r;
        u.showExport = false;
        u.browseTarget = -1;
    }
    ImGui::SameLine();
    if (ImGui::Button(trc(S::Cancel, l))) { u.showExport = false; u.browseTarget = -1; }
    ImGui::End();
}

void drawHelpWindow(const AppState& s, UiState& u) {
    const Lang l = s.lang;
    const float scale = s.uiScale > 0 ? s.uiScale : 1.0f;
    centreNextWindow(560 * scale, 480 * scale);
    const std::string title = std::string(trc(S::PanelShortcuts, l)) + "###help";
    if (!ImGui::Begin(title.c_str(), &u.showHelp)) { ImGui::End(); return; }
    keepOnScreen();
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
    const float width = std::min(640 * scale, io.DisplaySize.x * 0.9f);
    if (!s.errors.empty() && u.dismissedErrors < s.errors.size()) {
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, ImGui::GetFrameHeight() * 2), ImGuiCond_Appearing,
                                ImVec2(0.5f, 0));
        // A fixed width, wrapped lines: a long path never pushes the window off the screen.
        ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, io.DisplaySize.y * 0.8f));
        const std::string title = std::string(trc(S::ErrorPrefix, l)) + "###errors";
        bool open = true;
        if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_AlwaysAutoResize)) {
            keepOnScreen();
            ImGui::TextUnformatted(trc(S::ErrorsIntro, l));
            ImGui::PushTextWrapPos(0.0f);
            for (size_t i = u.dismissedErrors; i < s.errors.size(); ++i)
                ImGui::TextColored(ImVec4(0.75f, 0.15f, 0.1f, 1.0f), "%s", s.errors[i].c_str());
            ImGui::PopTextWrapPos();
            if (ImGui::Button(trc(S::Close, l))) open = false;
        }
        ImGui::End();
        if (!open) u.dismissedErrors = s.errors.size();
    }
    // The join report opens by itself when a table brings news (AppState::joinReportVersion).
    if (s.joinReportVersion != u.joinReportSeen) {
        u.joinReportSeen = s.joinReportVersion;
        if (!s.joinReport.empty()) u.showJoinReport = true;
    }
    if (u.showJoinReport) {
        ImGui::SetNextWindowSize(ImVec2(width, 360 * scale), ImGuiCond_FirstUseEver);
        const std::string title = std::string(trc(S::PanelJoinReport, l)) + "###join";
        if (ImGui::Begin(title.c_str(), &u.showJoinReport)) {
            keepOnScreen();
            ImGui::PushTextWrapPos(0.0f);
            if (!s.joinSummary.empty()) ImGui::TextUnformatted(s.joinSummary.c_str());
            if (s.joinFailed) ImGui::TextColored(ImVec4(0.75f, 0.15f, 0.1f, 1.0f), "%s", trc(S::JoinFailed, l));
            if (s.joinReport.empty()) ImGui::TextUnformatted(trc(S::JoinAllMatched, l));
            for (const std::string& line : s.joinReport) {
                ImGui::Bullet();
                ImGui::TextUnformatted(line.c_str());
            }
            if (!s.warnings.empty()) {
                ImGui::Separator();
                ImGui::TextUnformatted(trc(S::Warnings, l));
                for (const std::string& line : s.warnings) {
                    ImGui::Bullet();
                    ImGui::TextUnformatted(line.c_str());
                }
            }
            ImGui::PopTextWrapPos();
        }
        ImGui::End();
    }
}

}  // namespace geso::ui

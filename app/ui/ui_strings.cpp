#include "ui/ui_strings.hpp"

#include "core/text/strings.hpp"

#include <array>
#include <cstddef>

namespace geso::ui {
namespace {

using C = core::StringId;
constexpr C kLocal = C::IdCount;  // not in core/text's table (yet): the texts below are used

struct Entry {
    S id;
    C core;          // the project-wide string when there is one (its text wins)
    const char* sv;  // local text, used when core == kLocal
    const char* en;
};

// Where core/text (helper E1b) has the string, it is used; the local texts
// are for ids it lacks, listed for merging into that table.
// Order does not matter: the table is indexed by id at start-up and a test
// checks that every id has both languages.
constexpr Entry kEntries[] = {
    {S::MenuFile, C::MenuFile, "Arkiv", "File"},
    {S::MenuOpenData, kLocal, "Öppna data…", "Open data…"},
    {S::MenuExportGpkg, C::MenuExportGpkg, "Exportera GeoPackage…", "Export GeoPackage…"},
    {S::MenuExportPng, C::MenuExportPng, "Exportera PNG…", "Export PNG…"},
    {S::MenuExportCsv, C::MenuExportCsv, "Exportera CSV…", "Export CSV…"},
    {S::MenuQuit, C::MenuQuit, "Avsluta", "Quit"},
    {S::MenuView, C::MenuView, "Visa", "View"},
    {S::MenuTable, C::PanelAttributeTable, "Attributtabell", "Attribute table"},
    {S::MenuSidebar, kLocal, "Sidopanel", "Side panel"},
    {S::MenuStripPlot, C::PanelStripPlot, "Värden och klassgränser", "Values and class breaks"},
    {S::MenuZoomAll, C::MenuZoomAll, "Zooma till allt", "Zoom to all"},
    {S::MenuZoomSelected, C::MenuZoomSelected, "Zooma till markerat område", "Zoom to selected area"},
    {S::MenuZoomIn, C::MenuZoomIn, "Zooma in", "Zoom in"},
    {S::MenuZoomOut, C::MenuZoomOut, "Zooma ut", "Zoom out"},
    {S::MenuLanguage, C::MenuLanguage, "Språk", "Language"},
    {S::Swedish, C::LangNameSv, "Svenska", "Svenska (Swedish)"},
    {S::English, C::LangNameEn, "English (engelska)", "English"},
    {S::MenuHelp, C::MenuHelp, "Hjälp", "Help"},
    {S::MenuShortcuts, C::MenuShortcuts, "Kortkommandon", "Keyboard shortcuts"},
    {S::MenuJoinReport, C::PanelJoinReport, "Kopplingsrapport", "Join report"},

    {S::PanelMap, C::PanelMap, "Karta", "Map"},
    {S::Variable, C::Variable, "Variabel", "Variable"},
    {S::Year, C::Year, "År", "Year"},
    {S::Method, C::PanelClassification, "Klassindelning", "Classification"},
    {S::Classes, C::Classes, "Antal klasser", "Classes"},
    {S::Palette, C::Palette, "Färgskala", "Palette"},
    {S::Reversed, C::Reversed, "Omvänd färgskala", "Reversed palette"},
    {S::MethodEqual, C::MethodEqual, "Lika intervall", "Equal interval"},
    {S::MethodQuantile, C::MethodQuantile, "Kvantiler", "Quantiles"},
    {S::MethodNatural, C::MethodJenks, "Naturliga brytpunkter (Jenks)", "Natural breaks (Jenks)"},
    {S::MethodManual, C::MethodManual, "Manuella gränser", "Manual breaks"},
    {S::MethodStdDev, C::MethodStdDev, "Standardavvikelse", "Standard deviation"},
    {S::MethodPretty, C::MethodPretty, "Jämna gränser", "Pretty breaks"},
    {S::MethodBoxMap, C::MethodBoxMap, "Lådkarta (kvartiler)", "Box map (quartiles)"},
    {S::MethodCentred, C::MethodCentred, "Kring Malmö = 100", "Around Malmö = 100"},
    {S::GroupTotal, C::VarTotal, "Totalindex", "Total index"},
    {S::GroupDimensions, C::Dimensions, "Dimensioner", "Dimensions"},
    {S::GroupIndicators, C::Indicators, "Indikatorer", "Indicators"},
    {S::GroupFields, C::VarField, "Fält i områdesfilen", "Fields of the area file"},

    {S::PanelPoints, C::PanelLayers, "Punktlager", "Point layers"},
    {S::ShowLayer, C::LayerVisible, "Visa lagret", "Show layer"},
    {S::FilterNamnd, C::FilterNamnd, "Nämnd/bolag", "Committee/company"},
    {S::FilterTheme, C::FilterTheme, "Tema", "Theme"},
    {S::FilterStatus, C::FilterStatus, "Status", "Status"},
    {S::All, C::FilterAll, "Alla", "All"},
    {S::CountPerArea, C::CountPerArea, "Antal per område", "Count per area"},
    {S::NotLoaded, kLocal, "Inte inläst", "Not loaded"},
    {S::ShownOf, kLocal, "%d av %d visas", "%d of %d shown"},
    {S::Outside, kLocal, "Utanför områdena", "Outside the areas"},

    {S::Search, C::PanelSearch, "Sök område", "Search area"},
    {S::SearchHint, C::SearchHint, "Namn eller kod…", "Name or code…"},
    {S::NoMatches, C::NoMatches, "Inga träffar", "No matches"},
    {S::PanelSelected, C::PanelIdentify, "Markerat område", "Selected area"},
    {S::NoneSelected, C::ClickToIdentify, "Klicka på ett område för att se dess värden.",
     "Click an area to see its values."},
    {S::Rank, C::Rank, "Rang", "Rank"},
    {S::Change, C::ChangeSincePrevYear, "Förändring sedan föregående år", "Change since previous year"},
    {S::InitiativesInside, C::InitiativesInArea, "Pågående insatser i området", "Ongoing initiatives in the area"},
    {S::TrygghetInside, C::TrygghetInArea, "Trygghetsområden i området", "Safety areas in the area"},
    {S::RankHint, C::RankHint, "1 = störst utmaningar", "1 = most challenged"},
    {S::NoneItems, C::FilterNone, "Inga", "None"},
    {S::Value, C::Value, "Värde", "Value"},
    {S::Class, C::Class, "Klass", "Class"},
    {S::NoData, C::NoData, "Saknar värde", "No data"},
    {S::ZoomHere, kLocal, "Zooma hit", "Zoom here"},
    {S::ClearSelection, C::ActionDeselect, "Avmarkera", "Clear selection"},
    {S::RankOf, kLocal, "%d av %d", "%d of %d"},

    {S::StripTitle, C::PanelStripPlot, "Värden och klassgränser", "Values and class breaks"},
    {S::StripHint, C::StripPlotHint, "Dra en klassgräns för att flytta den (ger manuella gränser).",
     "Drag a class break to move it (switches to manual breaks)."},
    {S::CountShort, C::Count, "antal", "count"},
    {S::Gvf, C::Gvf, "Anpassningsgrad (GVF)", "Goodness of variance fit (GVF)"},

    {S::LoadTitle, C::PanelOpenFile, "Öppna data", "Open data"},
    {S::AreasFile, kLocal, "Områden (GPKG, Shapefile, GeoJSON)", "Areas (GPKG, Shapefile, GeoJSON)"},
    {S::IndicatorsFile, kLocal, "Indikatortabell (CSV)", "Indicator table (CSV)"},
    {S::InitiativesFile, kLocal, "Pågående insatser (GeoJSON, GPKG, CSV)",
     "Ongoing initiatives (GeoJSON, GPKG, CSV)"},
    {S::TrygghetFile, kLocal, "Trygghetsområden (GeoJSON, GPKG, CSV)", "Trygghet areas (GeoJSON, GPKG, CSV)"},
    {S::EmptyIsBundled, kLocal, "Tomt fält = medföljande data.", "Empty field = bundled data."},
    {S::Browse, C::Browse, "Bläddra…", "Browse…"},
    {S::Load, C::Open, "Läs in", "Load"},
    {S::Cancel, C::Cancel, "Avbryt", "Cancel"},
    {S::UpOneLevel, kLocal, "Upp en nivå", "Up one level"},
    {S::Choose, kLocal, "Välj", "Choose"},
    {S::CannotReadDir, kLocal, "Kan inte läsa mappen", "Cannot read the folder"},
    {S::Folder, kLocal, "Mapp", "Folder"},

    {S::ExportTitle, C::PanelExport, "Exportera", "Export"},
    {S::ExportKind, kLocal, "Format", "Format"},
    {S::Path, C::Path, "Sökväg", "Path"},
    {S::WidthPx, C::Width, "Bredd (px)", "Width (px)"},
    {S::HeightPx, C::Height, "Höjd (px)", "Height (px)"},
    {S::SwedishExcel, C::SwedishExcel, "Svensk Excel (semikolon, decimalkomma)", "Swedish Excel (semicolon, decimal comma)"},
    {S::Save, C::Save, "Spara", "Save"},
    {S::PathEmpty, kLocal, "Ange en sökväg.", "Enter a path."},

    {S::Errors, C::ErrorPrefix, "Fel", "Errors"},
    {S::Warnings, C::Warnings, "Varningar", "Warnings"},
    {S::Dismiss, C::Close, "Stäng", "Dismiss"},
    {S::JoinReportEmpty, C::JoinAllMatched, "Alla koder i indikatortabellen matchade ett område.",
     "Every code in the indicator table matched an area."},
    {S::TableTitle, C::PanelAttributeTable, "Attributtabell", "Attribute table"},
    {S::HelpTitle, C::PanelShortcuts, "Kortkommandon", "Keyboard shortcuts"},

    {S::HelpDrag, kLocal, "Dra med vänster musknapp: panorera kartan", "Drag with the left button: pan the map"},
    {S::HelpArrows, kLocal, "Piltangenter: panorera", "Arrow keys: pan"},
    {S::HelpWheel, kLocal, "Mushjul: zooma kring markören", "Mouse wheel: zoom around the cursor"},
    {S::HelpPlusMinus, kLocal, "+ / −: zooma in / ut", "+ / −: zoom in / out"},
    {S::HelpZoomAll, kLocal, "Home eller 0: zooma till allt", "Home or 0: zoom to all"},
    {S::HelpZoomSelected, kLocal, "Z: zooma till markerat område", "Z: zoom to the selected area"},
    {S::HelpZoomRect, kLocal, "Shift + dra: zooma till en rektangel", "Shift + drag: zoom to a rectangle"},
    {S::HelpClick, kLocal, "Klick på kartan: markera och identifiera ett område",
     "Click on the map: select and identify an area"},
    {S::HelpEscape, kLocal, "Esc: avmarkera", "Esc: clear the selection"},
    {S::HelpTable, kLocal, "T: attributtabell", "T: attribute table"},
    {S::HelpSearch, kLocal, "Ctrl+F: sök område", "Ctrl+F: search area"},
    {S::HelpOpen, kLocal, "Ctrl+O: öppna data", "Ctrl+O: open data"},
    {S::HelpExport, kLocal, "Ctrl+E: exportera", "Ctrl+E: export"},
    {S::HelpHelp, kLocal, "F1: kortkommandon (detta fönster)", "F1: keyboard shortcuts (this window)"},
    {S::HelpLanguage, kLocal, "Ctrl+L: byt språk (svenska/engelska)", "Ctrl+L: switch language (Swedish/English)"},
    {S::HelpQuit, kLocal, "Ctrl+Q: avsluta", "Ctrl+Q: quit"},
    {S::HelpBreaks, kLocal, "Dra en klassgräns i värdediagrammet: manuella gränser",
     "Drag a class break in the value plot: manual breaks"},
    {S::HelpTableRow, kLocal, "Klick på en rad i attributtabellen: markera och zooma",
     "Click a row in the attribute table: select and zoom"},
};

constexpr size_t kCount = static_cast<size_t>(S::Count_);

struct Table {
    std::array<const Entry*, kCount> byId{};
    constexpr Table() {
        for (const Entry& e : kEntries) byId[static_cast<size_t>(e.id)] = &e;
    }
};
constexpr Table kTable;

}  // namespace

const char* tr(S id, Lang lang) {
    const size_t i = static_cast<size_t>(id);
    if (i >= kCount || !kTable.byId[i]) return "?";
    const Entry& e = *kTable.byId[i];
    if (e.core != kLocal) return core::trc(e.core, lang);
    return lang == Lang::En ? e.en : e.sv;
}

}  // namespace geso::ui

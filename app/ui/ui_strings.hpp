#pragma once
// Every string the viewer's panels show, Swedish and English, in one table
// (ui_strings.cpp). Map texts (legend, titles, indicator names) come from the
// core; these are the widgets' own words. Ids to merge into core/text later.
#include "ui/lang.hpp"

namespace geso::ui {

enum class S {
    // Menus
    MenuFile, MenuOpenData, MenuExportGpkg, MenuExportPng, MenuExportCsv, MenuQuit,
    MenuView, MenuTable, MenuSidebar, MenuStripPlot, MenuZoomAll, MenuZoomSelected, MenuZoomIn, MenuZoomOut,
    MenuLanguage, Swedish, English, MenuHelp, MenuShortcuts, MenuJoinReport,
    // Map panel
    PanelMap, Variable, Year, Method, Classes, Palette, Reversed,
    MethodEqual, MethodQuantile, MethodNatural, MethodManual, MethodStdDev, MethodPretty, MethodBoxMap,
    MethodCentred,
    GroupTotal, GroupDimensions, GroupIndicators, GroupFields,
    // Point layers
    PanelPoints, ShowLayer, FilterNamnd, FilterTheme, FilterStatus, All, CountPerArea,
    NotLoaded, ShownOf, Outside,
    // Search and identify
    Search, SearchHint, NoMatches, PanelSelected, NoneSelected, Rank, RankHint, Change, InitiativesInside, TrygghetInside,
    NoneItems, Value, Class, NoData, ZoomHere, ClearSelection, RankOf,
    // Strip plot and legend
    StripTitle, StripHint, CountShort, Gvf,
    // Load dialog and file browser
    LoadTitle, AreasFile, IndicatorsFile, InitiativesFile, TrygghetFile, EmptyIsBundled, Browse,
    Load, Cancel, UpOneLevel, Choose, CannotReadDir, Folder,
    // Export dialog
    ExportTitle, ExportKind, Path, WidthPx, HeightPx, SwedishExcel, Save, PathEmpty,
    // Messages
    Errors, Warnings, Dismiss, JoinReportEmpty, TableTitle, HelpTitle,
    // Help: one line per shortcut
    HelpDrag, HelpArrows, HelpWheel, HelpPlusMinus, HelpZoomAll, HelpZoomSelected, HelpZoomRect,
    HelpClick, HelpEscape, HelpTable, HelpSearch, HelpOpen, HelpExport, HelpHelp, HelpLanguage,
    HelpQuit, HelpBreaks, HelpTableRow,
    Count_  // number of ids; keep last
};

// The string for `id` in `lang`; never null.
const char* tr(S id, Lang lang);

}  // namespace geso::ui

#pragma once
// Settings ↔ the session's choice and the panels' window flags.
#include "viewer/map_session.hpp"
#include "viewer/settings.hpp"

namespace geso::viewer {

MapChoice choiceFromSettings(const Settings& s);
void storeChoice(const MapChoice& c, Settings& s);
void uiFromSettings(const Settings& s, ui::UiState& u);
void storeUi(const ui::UiState& u, Settings& s);

}  // namespace geso::viewer

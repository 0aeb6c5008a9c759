#pragma once
// Pure helpers behind the panels (no ImGui): sorting the attribute table,
// filtering points, counting per area, matching the search box, reclassifying
// a dragged break. Kept apart so tests can check them without a frame.
#include <string>
#include <vector>

#include "ui/app_state.hpp"
#include "ui/ui_state.hpp"

namespace geso::ui {

// Feature indices ordered by column `col` of `table` (NaN and empty last, ties by
// feature index so the order is stable). An out-of-range column gives 0..n-1.
std::vector<int> sortRows(const std::vector<TableColumn>& table, int col, bool ascending);

// True if point i of `layer` passes `filter` (empty sets pass everything).
bool pointPasses(const PointLayerView& layer, const PointFilter& filter, size_t i);

// Visible points per area feature (size areaCount), plus those outside every area in `outside`.
std::vector<int> countPerArea(const PointLayerView& layer, const PointFilter& filter, size_t areaCount,
                              int* outside = nullptr);

// Feature indices whose name contains `query` (case-insensitive, å ä ö é too) or
// whose code equals it; empty query gives none. In feature order.
std::vector<int> searchAreas(const AppState& s, const std::string& query);

// Lowercases ASCII and the Swedish capitals Å Ä Ö É in UTF-8.
std::string foldCase(const std::string& utf8);

// A byte string whose plain order is Swedish alphabetical order (a–z, å, ä, ö;
// case-insensitive; é as e). Enough for area names; not a full collation.
std::string swedishSortKey(const std::string& utf8);

// Counts per class for `values` with classes given by `lower` and ascending `upper`
// (class 0 = [lower, upper[0]], class i = (upper[i-1], upper[i]]; values above the
// last bound land in the last class; NaN is not counted).
std::vector<int> countClasses(const std::vector<double>& values, const std::vector<double>& upper);

// Moves inner break `index` (0..upper.size()-2) to `value`, kept strictly between
// its neighbours (or the data minimum for the first). Returns the new bounds.
std::vector<double> moveBreak(const std::vector<double>& upper, double lower, int index, double value);

// A round step for dragging breaks over values spanning `range`: a hundredth of
// its order of magnitude (0.1 for index values 75–125), so dragged breaks read
// as the legend prints them ("85,3", never "85,333340").
double breakStep(double range);
// `value` rounded to `step`; if that falls outside (lo, hi), the nearest step
// inside, else `value` unrounded.
double snapToStep(double value, double step, double lo, double hi);

// Value formatted for tables and tooltips: "–" for NaN, else with `decimals`,
// a Unicode minus and a decimal comma in Swedish.
std::string formatValue(double v, int decimals, Lang lang);

}  // namespace geso::ui

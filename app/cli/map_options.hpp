#pragma once
// Options the map commands share (`render`, `export`): which files to load,
// what to map and how to classify it. Parsed in one place so both commands take
// the same options with the same meaning, defaults and messages.
// Parsers return a usage problem as text (the caller prints it, exit 2), or "".
#include <optional>
#include <string>

#include "cli/args.hpp"
#include "core/project/choropleth.hpp"
#include "core/project/project.hpp"
#include "core/text/lang.hpp"

namespace geso::cli {

std::optional<int> parseInt(const std::string& s);
// "3006" → "EPSG:3006"; anything else as given.
std::string crsArgument(const std::string& value);
// AUTH:CODE, a PROJ string, WKT or PROJJSON (what a CRS option may hold).
bool looksLikeCrs(const std::string& value);

// Adds the shared options to a command's spec.
void addDataOptions(OptionSpec& spec);      // --areas --areas-layer --assume-crs --crs --indicators
                                            // --indicators-layer --layout --columns --table-year
                                            // --initiatives --trygghet
void addVariableOptions(OptionSpec& spec);  // --total --dimension --indicator --field --year --normalize --weights
void addStyleOptions(OptionSpec& spec);     // --method --classes --breaks --palette --reverse --single-year
void addLangOption(OptionSpec& spec);       // --lang

// --crs and --assume-crs must be CRSs PROJ knows. With --areas naming the
// user's own file, the bundled (Malmö, illustrative) point layers are left out
// unless named, and for a plain field map (fieldMap) so is the bundled indicator table.
std::string parseDataOptions(const Args& args, bool fieldMap, core::DataOptions& data);

// Whether the map will have a point layer (named, or the bundled ones), by the
// rule parseDataOptions applies, before anything is checked or loaded.
bool drawsPointLayers(const Args& args);

// What to map (default: the total index, the table's latest year). Weights
// need the catalogue: they are kept as text in `weights` for applyWeights.
struct VariableChoice {
    core::MapVariable variable;
    std::string weights;
};
std::string parseVariableOptions(const Args& args, VariableChoice& choice);
// Parses the --weights text against the loaded catalogue into the variable.
std::string applyWeights(const VariableChoice& choice, const core::Catalogue& catalogue, core::MapVariable& variable);

// The style: the variable's default (defaultStyle) changed by the options given.
// --breaks a,b,c means manual classes (--method manual or no --method).
std::string parseStyleOptions(const Args& args, const core::MapVariable& variable, core::MapStyle& style);
bool hasStyleOptions(const Args& args);

std::string parseLangOption(const Args& args, core::Lang& lang);

// A target file that can be written: not a folder, in a folder that exists.
// (Checked before the load, so a typo fails at once.) Error.where = path.
core::Status checkOutputPath(const std::string& path);

}  // namespace geso::cli

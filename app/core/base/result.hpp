#pragma once
// Errors as values at module edges: GDAL, PROJ and GEOS report through return
// codes and a last-error slot, so each call is wrapped once and the caller
// (CLI or UI) decides how to show it. No exceptions cross a module edge.
#include <string>
#include <utility>
#include <variant>

namespace geso::core {

struct Error {
    std::string what;   // the problem, one line, in plain words
    std::string where;  // the file (path) or subsystem ("gdal:open", "proj:create", "geos:valid")

    // "where: what" — the one line the CLI prints on stderr.
    std::string line() const { return where.empty() ? what : where + ": " + what; }
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<0>(m_v); }
    T& value() & { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    const Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

struct Ok {};
using Status = Result<Ok>;  // success without a value: `return Ok{};`

}  // namespace geso::core

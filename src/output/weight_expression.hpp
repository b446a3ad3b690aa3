#pragma once
// The `weight` of an incident, which sizes its circle on the map: `killed`, `casualties`
// (killed + injured), or a small arithmetic expression over the counts such as
// "killed*2+injured" or "(killed + injured) / 2 + captured".
//
// Grammar (whitespace ignored; unknown counts count as 0):
//   expr   := term (('+' | '-') term)*
//   term   := factor (('*' | '/') factor)*
//   factor := NUMBER | NAME | '(' expr ')' | '-' factor
//   NAME   := killed | injured | captured | casualties
// A hand-written parser rather than OGR SQL: the expression is evaluated per incident in
// memory, must reject anything but these names, and division by zero gives 0, not NULL.
#include <memory>
#include <string>
#include <string_view>

#include "core/incident.hpp"

namespace incimap {

class WeightExpression {
public:
    // Throws incimap::Error("--weight: ...") on a syntax error or an unknown name.
    static WeightExpression parse(std::string_view text);

    double evaluate(const Incident& incident) const;
    const std::string& text() const { return text_; }

    struct Node;
    WeightExpression(WeightExpression&&) noexcept;
    WeightExpression& operator=(WeightExpression&&) noexcept;
    WeightExpression(const WeightExpression&);
    ~WeightExpression();

private:
    WeightExpression(std::string text, std::unique_ptr<Node> root);
    std::string text_;
    std::unique_ptr<Node> root_;
};

// killed + injured, unknown counts as 0.
int casualties_of(const Incident& incident);

}  // namespace incimap

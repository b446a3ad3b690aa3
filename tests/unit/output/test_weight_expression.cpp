#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "output/weight_expression.hpp"

using namespace incimap;

namespace {
Incident with_counts(std::optional<int> killed, std::optional<int> injured,
                     std::optional<int> captured) {
    Incident i;
    if (killed) i.casualties.killed = Count::exact(*killed);
    if (injured) i.casualties.injured = Count::exact(*injured);
    if (captured) i.casualties.captured = Count::exact(*captured);
    return i;
}
}  // namespace

TEST_CASE("weight by killed or casualties reads the counts", "[weight]") {
    const Incident i = with_counts(3, 5, 2);
    CHECK(WeightExpression::parse("killed").evaluate(i) == 3);
    CHECK(WeightExpression::parse("casualties").evaluate(i) == 8);
    CHECK(casualties_of(i) == 8);
}

TEST_CASE("weight expressions follow arithmetic precedence and parentheses", "[weight]") {
    const Incident i = with_counts(3, 5, 2);
    CHECK(WeightExpression::parse("killed*2+injured").evaluate(i) == 11);
    CHECK(WeightExpression::parse("killed + injured * 2").evaluate(i) == 13);
    CHECK(WeightExpression::parse("(killed + injured) / 2 + captured").evaluate(i) == 6);
    CHECK(WeightExpression::parse("-killed + 10").evaluate(i) == 7);
    CHECK(WeightExpression::parse("0.5 * captured").evaluate(i) == Approx(1.0));
}

TEST_CASE("unknown counts weigh nothing and division by zero gives zero", "[weight]") {
    const Incident none = with_counts(std::nullopt, std::nullopt, std::nullopt);
    CHECK(WeightExpression::parse("killed*2+injured+1").evaluate(none) == 1);
    CHECK(WeightExpression::parse("killed / injured").evaluate(with_counts(4, 0, 0)) == 0);
}

TEST_CASE("weight expressions with unknown names or bad syntax are refused", "[weight]") {
    CHECK_THROWS_AS(WeightExpression::parse("killed + wounded"), Error);
    CHECK_THROWS_AS(WeightExpression::parse("killed +"), Error);
    CHECK_THROWS_AS(WeightExpression::parse("(killed"), Error);
    CHECK_THROWS_AS(WeightExpression::parse("killed; drop table"), Error);
    CHECK_THROWS_WITH(WeightExpression::parse("deaths"), Catch::Contains("unknown name 'deaths'"));
}

TEST_CASE("a copied weight expression evaluates like the original", "[weight]") {
    const auto original = WeightExpression::parse("killed*3");
    const WeightExpression copy = original;
    CHECK(copy.evaluate(with_counts(2, 0, 0)) == 6);
    CHECK(copy.text() == "killed*3");
}

#include "output/weight_expression.hpp"

#include <cctype>
#include <charconv>

#include "core/error.hpp"

namespace incimap {

struct WeightExpression::Node {
    enum class Kind { number, killed, injured, captured, casualties, add, sub, mul, div, neg };
    Kind kind = Kind::number;
    double value = 0;
    std::unique_ptr<Node> left, right;

    std::unique_ptr<Node> clone() const {
        auto copy = std::make_unique<Node>();
        copy->kind = kind;
        copy->value = value;
        if (left) copy->left = left->clone();
        if (right) copy->right = right->clone();
        return copy;
    }
};

namespace {
using Node = WeightExpression::Node;
using Kind = Node::Kind;

// The names an expression may use, and what they read.
struct NamedCount {
    std::string_view name;
    Kind kind;
};
constexpr NamedCount named_counts[] = {
    {"killed", Kind::killed},
    {"injured", Kind::injured},
    {"captured", Kind::captured},
    {"casualties", Kind::casualties},
};

class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}

    std::unique_ptr<Node> parse_all() {
        auto root = expr();
        skip_space();
        if (pos_ != text_.size()) fail("unexpected '" + std::string(1, text_[pos_]) + "'");
        return root;
    }

private:
    [[noreturn]] void fail(const std::string& why) const {
        throw Error("--weight: " + why + " at column " + std::to_string(pos_ + 1) + " of \"" +
                    std::string(text_) + "\" (use killed, injured, captured, casualties, "
                    "numbers, + - * / and parentheses)");
    }
    void skip_space() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }
    bool accept(char c) {
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }
    static std::unique_ptr<Node> binary(Kind kind, std::unique_ptr<Node> l, std::unique_ptr<Node> r) {
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->left = std::move(l);
        node->right = std::move(r);
        return node;
    }
    std::unique_ptr<Node> expr() {
        auto left = term();
        for (;;) {
            if (accept('+')) left = binary(Kind::add, std::move(left), term());
            else if (accept('-')) left = binary(Kind::sub, std::move(left), term());
            else return left;
        }
    }
    std::unique_ptr<Node> term() {
        auto left = factor();
        for (;;) {
            if (accept('*')) left = binary(Kind::mul, std::move(left), factor());
            else if (accept('/')) left = binary(Kind::div, std::move(left), factor());
            else return left;
        }
    }
    std::unique_ptr<Node> factor() {
        if (accept('(')) {
            auto inner = expr();
            if (!accept(')')) fail("missing ')'");
            return inner;
        }
        if (accept('-')) return binary(Kind::neg, factor(), nullptr);
        skip_space();
        if (pos_ >= text_.size()) fail("expression ends too early");
        const char c = text_[pos_];
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') return number();
        if (std::isalpha(static_cast<unsigned char>(c))) return name();
        fail("unexpected '" + std::string(1, c) + "'");
    }
    std::unique_ptr<Node> number() {
        auto node = std::make_unique<Node>();
        const char* begin = text_.data() + pos_;
        const auto [end, ec] = std::from_chars(begin, text_.data() + text_.size(), node->value);
        if (ec != std::errc{}) fail("bad number");
        pos_ += static_cast<std::size_t>(end - begin);
        return node;
    }
    std::unique_ptr<Node> name() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() &&
               (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_'))
            ++pos_;
        const std::string_view word = text_.substr(start, pos_ - start);
        for (const auto& named : named_counts) {
            if (named.name == word) {
                auto node = std::make_unique<Node>();
                node->kind = named.kind;
                return node;
            }
        }
        pos_ = start;
        fail("unknown name '" + std::string(word) + "'");
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

double count_value(const Count& count) { return count.value.value_or(0); }

double eval(const Node& node, const Incident& incident) {
    const Casualties& c = incident.casualties;
    switch (node.kind) {
        case Kind::number: return node.value;
        case Kind::killed: return count_value(c.killed);
        case Kind::injured: return count_value(c.injured);
        case Kind::captured: return count_value(c.captured);
        case Kind::casualties: return count_value(c.killed) + count_value(c.injured);
        case Kind::add: return eval(*node.left, incident) + eval(*node.right, incident);
        case Kind::sub: return eval(*node.left, incident) - eval(*node.right, incident);
        case Kind::mul: return eval(*node.left, incident) * eval(*node.right, incident);
        case Kind::div: {
            const double divisor = eval(*node.right, incident);
            // A weight must stay a number a renderer can size by; x/0 is treated as no weight.
            return divisor == 0 ? 0 : eval(*node.left, incident) / divisor;
        }
        case Kind::neg: return -eval(*node.left, incident);
    }
    return 0;
}
}  // namespace

WeightExpression::WeightExpression(std::string text, std::unique_ptr<Node> root)
    : text_(std::move(text)), root_(std::move(root)) {}
WeightExpression::WeightExpression(WeightExpression&&) noexcept = default;
WeightExpression& WeightExpression::operator=(WeightExpression&&) noexcept = default;
WeightExpression::WeightExpression(const WeightExpression& other)
    : text_(other.text_), root_(other.root_ ? other.root_->clone() : nullptr) {}
WeightExpression::~WeightExpression() = default;

WeightExpression WeightExpression::parse(std::string_view text) {
    return WeightExpression{std::string(text), Parser{text}.parse_all()};
}

double WeightExpression::evaluate(const Incident& incident) const {
    return root_ ? eval(*root_, incident) : 0;
}

int casualties_of(const Incident& incident) {
    return incident.casualties.killed.value.value_or(0) +
           incident.casualties.injured.value.value_or(0);
}

}  // namespace incimap

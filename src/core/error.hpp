#pragma once
// One exception type for broken input or environment. It carries *where*
// (file, line, layer) so main() can print "incimap: error: FILE:LINE: what".
#include <stdexcept>
#include <string>

namespace incimap {

class Error : public std::runtime_error {
public:
    explicit Error(std::string what, std::string file = {}, long line = 0)
        : std::runtime_error(std::move(what)), file_(std::move(file)), line_(line) {}

    const std::string& file() const { return file_; }
    long line() const { return line_; }

    // "FILE:LINE: what" (or "FILE: what", or just "what").
    std::string located() const {
        std::string out;
        if (!file_.empty()) {
            out = file_;
            if (line_ > 0) out += ":" + std::to_string(line_);
            out += ": ";
        }
        return out + what();
    }

private:
    std::string file_;
    long line_;
};

// Exit codes, documented in README and docs/cli.md.
namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int some_inputs_skipped = 1;
inline constexpr int usage = 2;
inline constexpr int nothing_processed = 3;
}  // namespace exit_code

}  // namespace incimap

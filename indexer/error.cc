#include <fmt/format.h>

#include <morgue/error.h>

namespace morgue {

namespace {
std::string located(const std::string& file, std::size_t record_number,
                    const std::string& message) {
  if (record_number == 0) {
    return fmt::format("{}: {}", file, message);
  }
  return fmt::format("{}:{}: {}", file, record_number, message);
}
}  // namespace

InputError::InputError(std::string file, std::size_t record_number, std::string message)
    : Error(located(file, record_number, message)),
      file_(std::move(file)),
      record_number_(record_number),
      message_(std::move(message)) {}

}  // namespace morgue

// newslens/status.h — errors as values.
//
// The core never throws across its public API: every operation that can fail returns a Status
// (or a Result<T>, which is a Status plus a value). The JS facade is the only place that turns a
// failed Status into `throw new Error(...)`; the CLI turns it into a message and an exit code.
#ifndef NEWSLENS_STATUS_H_
#define NEWSLENS_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace newslens {

class Status {
 public:
  Status() = default;  // ok
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !error_.has_value(); }
  // The human-readable message; empty when ok(). Messages name the input (file, line, column)
  // when there is one, e.g. "themes.json:12:5: expected ',' or '}'".
  const std::string& error() const {
    static const std::string kEmpty;
    return error_ ? *error_ : kEmpty;
  }

 private:
  explicit Status(std::string message) : error_(std::move(message)) {}
  std::optional<std::string> error_;
};

// A value or an error. Access value() only when ok().
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: must be an error
  bool ok() const { return status_.ok() && value_.has_value(); }
  const Status& status() const { return status_; }
  const std::string& error() const { return status_.error(); }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace newslens

#endif  // NEWSLENS_STATUS_H_

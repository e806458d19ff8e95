#pragma once

#include <expected>
#include <string>
#include <utility>

namespace islet::runtime {

// Codes map one-to-one onto islet.v1.Code in the control protocol.
enum class ErrorCode {
  kInvalidArgument = 1,
  kNotFound = 2,
  kResourceExhausted = 3,
  kUnavailable = 4,
  kInternal = 5,
  kFailedPrecondition = 6,
  kUnimplemented = 7,
  kAlreadyExists = 8,
};

struct Error {
  ErrorCode code;
  std::string message;
};

template <typename T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> MakeError(ErrorCode code, std::string message) {
  return std::unexpected<Error>(Error{code, std::move(message)});
}

}  // namespace islet::runtime

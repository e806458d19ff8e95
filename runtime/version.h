#pragma once

namespace islet {

inline constexpr const char kVersion[] = "0.1.0";

}  // namespace islet

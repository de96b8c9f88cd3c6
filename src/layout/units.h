#pragma once
// Templates and options speak centimetres; layout speaks PostScript points.
namespace saraban::layout {
inline constexpr double kPointsPerCm = 72.0 / 2.54;
constexpr double cm(double v) { return v * kPointsPerCm; }
constexpr double to_cm(double pt) { return pt / kPointsPerCm; }
}  // namespace saraban::layout

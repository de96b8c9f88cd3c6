#pragma once
// One visitor out of several lambdas, for std::visit over a closed variant: with one lambda per
// alternative and no catch-all, a new alternative is a compile error wherever it is visited.
namespace saraban {

template <class... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

}  // namespace saraban

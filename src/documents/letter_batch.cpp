#include "documents/letter_batch.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

#include "base/error.h"
#include "documents/letter_renderer.h"

namespace saraban::documents {

void render_letters(const Environment& env, const std::vector<Letter>& letters, unsigned jobs, const LetterDone& done) {
  if (letters.empty()) return;
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, letters.size()));

  // Renderers are built here, one after another: loading fonts goes through one FreeType
  // library, which must not open faces from two threads at once.
  std::vector<std::unique_ptr<LetterRenderer>> renderers;
  for (unsigned j = 0; j < jobs; ++j) renderers.push_back(std::make_unique<LetterRenderer>(env));

  std::atomic<std::size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  std::size_t failed_index = 0;
  auto work = [&](LetterRenderer& renderer) {
    for (std::size_t i = next++; i < letters.size(); i = next++) {
      try {
        done(i, renderer.render_pdf(letters[i]));
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure || i < failed_index) {
          failure = std::current_exception();
          failed_index = i;
        }
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(work, std::ref(*renderers[j]));
  work(*renderers[0]);
  for (auto& t : threads) t.join();
  if (failure) {
    try {
      std::rethrow_exception(failure);
    } catch (const Error& e) {
      throw Error(e.code(), e.message(), "letter " + std::to_string(failed_index + 1) + (e.context().empty() ? "" : ": " + e.context()));
    }
  }
}

}  // namespace saraban::documents

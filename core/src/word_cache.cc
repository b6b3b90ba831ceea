#include "word_cache.h"

#include <cstdlib>
#include <new>

namespace newslens {

void WordCache::Begin(uint64_t owner) {
  if (!slots_) {
    // Zeroed by calloc (generation 0: every slot empty), not by a constructor loop: the OS
    // hands out zero pages, so the first analysis no longer writes 2.6 MB it may never read
    // (that loop was 40 % of a first analysis of the sample, natively).
    slots_.reset(static_cast<Slot*>(std::calloc(kSlots, sizeof(Slot))));
    if (!slots_) {
#if defined(__cpp_exceptions)
      throw std::bad_alloc();
#else
      std::abort();  // the wasm build has no exceptions (-fno-exceptions): a throw aborted there
#endif
    }
    arena_.reset(new char[kArenaBytes]);
  }
  // Start over for another analyzer, or before the document could find the cache full.
  if (owner != owner_ || used_ > kSlots / 2 - kSlots / 8 ||
      arena_used_ > kArenaBytes - kArenaBytes / 8) {
    owner_ = owner;
    used_ = 0;
    arena_used_ = 0;
    if (++generation_ == 0) {  // wrapped: stale stamps could look current
      for (uint32_t i = 0; i < kSlots; ++i) slots_[i].generation = 0;
      generation_ = 1;
    }
  }
}

}  // namespace newslens

// The one instantiation of each sort (sort.h says why).
#include "sort.h"

#include <algorithm>

namespace newslens {

void SortBy(uint32_t* first, uint32_t* last, LessRef<uint32_t> less) {
  std::sort(first, last, less);
}

void StableSortBy(uint32_t* first, uint32_t* last, LessRef<uint32_t> less) {
  std::stable_sort(first, last, less);
}

void SortBy(TermHits* first, TermHits* last, LessRef<TermHits> less) {
  std::sort(first, last, less);
}

}  // namespace newslens

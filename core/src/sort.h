// Private: the engines' sorts of index lists and of (term, count) pairs, compiled once.
//
// std::sort and std::stable_sort are templates on the comparison: every lambda given to them is
// a copy of the whole algorithm (libc++'s introsort with its 3-, 4- and 5-element networks and
// insertion passes, 3-5 KB of wasm each). The engines sorted index lists with seven lambdas and
// the theme terms with one more: ~40 KB of the module's code, ~12 KB gzipped (issue 19: the
// widget's and the page module's budgets). Here the algorithm is instantiated once per element
// type with a comparison reached through a function pointer, and each call site keeps only its
// comparison.
//
// The result is the one std::sort / std::stable_sort gives with the same comparison: the
// algorithm is the same code and takes the same steps, since it sees only the comparisons'
// answers (so reports stay byte-identical, tests/core and the dev corpora checked). What it costs
// is an indirect call per comparison, on lists of a report's size (themes, terms, actors).
#ifndef NEWSLENS_SORT_H_
#define NEWSLENS_SORT_H_

#include <cstdint>
#include <utility>
#include <vector>

namespace newslens {

// A comparison by reference: `less(context, a, b)`.
template <class T>
struct LessRef {
  const void* context;
  bool (*less)(const void*, const T&, const T&);
  bool operator()(const T& a, const T& b) const { return less(context, a, b); }
};

using TermHits = std::pair<uint32_t, uint32_t>;  // Draft::terms' (term, count)

void SortBy(uint32_t* first, uint32_t* last, LessRef<uint32_t> less);
void StableSortBy(uint32_t* first, uint32_t* last, LessRef<uint32_t> less);
void SortBy(TermHits* first, TermHits* last, LessRef<TermHits> less);

template <class T, class Less>
LessRef<T> MakeLessRef(const Less& less) {
  return {&less, [](const void* c, const T& a, const T& b) {
            return (*static_cast<const Less*>(c))(a, b);
          }};
}

// std::sort(first, last, less), with `less` taking two uint32_t or two TermHits.
template <class T, class Less>
void Sort(T* first, T* last, const Less& less) {
  SortBy(first, last, MakeLessRef<T>(less));
}
template <class T, class Less>
void Sort(std::vector<T>* v, const Less& less) {
  Sort(v->data(), v->data() + v->size(), less);
}
// std::stable_sort(first, last, less) on an index list.
template <class Less>
void StableSort(std::vector<uint32_t>* v, const Less& less) {
  StableSortBy(v->data(), v->data() + v->size(), MakeLessRef<uint32_t>(less));
}

// std::sort / std::stable_sort of a list of any element type (a struct local to an engine),
// through the index sort: the algorithm takes the same steps on positions as it would on the
// elements (it sees only the comparisons' answers, and the elements stay where they are while it
// runs), so the order is the same; the elements are then moved once into it.
template <class T, class Less>
void SortElements(std::vector<T>* v, const Less& less, bool stable = false) {
  std::vector<uint32_t> order(v->size());
  for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  const std::vector<T>& e = *v;
  auto by = [&](uint32_t a, uint32_t b) { return less(e[a], e[b]); };
  if (stable) StableSort(&order, by);
  else Sort(&order, by);
  std::vector<T> sorted;
  sorted.reserve(v->size());
  for (uint32_t k : order) sorted.push_back(std::move((*v)[k]));
  v->swap(sorted);
}

}  // namespace newslens

#endif  // NEWSLENS_SORT_H_

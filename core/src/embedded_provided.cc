// The built-in dictionaries of the wasm build: given at run time by the JS facade
// (wasm/newslens-api.js calls the binding provideDictionaries once, before the first Session),
// not compiled into the wasm, where base64 would have hidden them from gzip (embedded.h).
#include "embedded.h"

#include <utility>

namespace newslens::embedded {

namespace {
std::string& Storage() {
  static std::string* packed = new std::string();  // lives as long as the module
  return *packed;
}
}  // namespace

std::string_view Packed() { return Storage(); }

void Provide(std::string packed) { Storage() = std::move(packed); }

}  // namespace newslens::embedded

// Private: the built-in dictionaries the binary carries, in the packed form of builtin.h.
//
// Native builds compile them in (cmake/embed.cmake generates the definition of Packed()); the
// wasm build keeps them out of the wasm, as text in newslens.js that gzip compresses well, and
// the JS facade hands them over once, before the first analyzer is created (Provide, defined in
// embedded_provided.cc for that build only).
#ifndef NEWSLENS_SRC_EMBEDDED_H_
#define NEWSLENS_SRC_EMBEDDED_H_

#include <string>
#include <string_view>

namespace newslens::embedded {

// The packed built-in dictionaries; empty when none were compiled in or provided.
std::string_view Packed();

// wasm build only: keeps `packed` as the built-in dictionaries for every later Create.
void Provide(std::string packed);

}  // namespace newslens::embedded

#endif  // NEWSLENS_SRC_EMBEDDED_H_

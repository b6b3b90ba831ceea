// Private: NEWSLENS_STARTUP_CODE marks a function run once per analyzer, while it is built (the
// dictionaries read, the engines compiled). In the wasm build, whose bytes the widget's budget
// counts, such a function is compiled for size, not speed: issue 19, session 9, where building the
// analyzer in steps (analyzer_build.h) had cost the widget's wasm 3 KB gzipped. Native builds
// (gcc, and clang's sanitizer and fuzz builds) are unchanged.
#ifndef NEWSLENS_SRC_STARTUP_CODE_H_
#define NEWSLENS_SRC_STARTUP_CODE_H_

#if defined(__EMSCRIPTEN__)
#define NEWSLENS_STARTUP_CODE __attribute__((minsize))
#else
#define NEWSLENS_STARTUP_CODE
#endif

#endif  // NEWSLENS_SRC_STARTUP_CODE_H_

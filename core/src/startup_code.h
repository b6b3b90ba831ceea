// Private: NEWSLENS_STARTUP_CODE marks a function run once per analyzer, while it is built (the
// dictionaries read, the engines compiled). Where the compiler can (clang: the wasm build, whose
// bytes the widget's budget counts), such a function is compiled for size, not speed: issue 19,
// session 9, where building the analyzer in steps (analyzer_build.h) had cost the widget's wasm
// 3 KB gzipped. Elsewhere (the native build, gcc) it changes nothing.
#ifndef NEWSLENS_SRC_STARTUP_CODE_H_
#define NEWSLENS_SRC_STARTUP_CODE_H_

#if defined(__clang__)
#define NEWSLENS_STARTUP_CODE __attribute__((minsize))
#else
#define NEWSLENS_STARTUP_CODE
#endif

#endif  // NEWSLENS_SRC_STARTUP_CODE_H_

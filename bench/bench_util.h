// Shared by the native benchmarks: the corpus (a path, or the generated default) and the sample.
#ifndef NEWSLENS_BENCH_BENCH_UTIL_H_
#define NEWSLENS_BENCH_BENCH_UTIL_H_

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace newslens::bench {

struct Article {
  std::string id, text;
};

struct Corpus {
  std::string name;  // the path, or "generated" for the default
  std::vector<Article> articles;
  size_t bytes = 0;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A JSONL file ({"text": ...} per line), a directory of .txt files, or one text file. An empty
// path means the generated corpus (bench/corpus.mjs, written at build time).
inline Corpus LoadCorpus(std::string path) {
  Corpus c;
  c.name = path.empty() ? "generated (bench/corpus.mjs --mb 10)" : path;
  if (path.empty()) path = NEWSLENS_BENCH_GENERATED_CORPUS;
  namespace fs = std::filesystem;
  if (fs::is_directory(path)) {
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(path))
      if (e.path().extension() == ".txt") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) c.articles.push_back({f, ReadFile(f)});
  } else if (path.size() > 6 && path.substr(path.size() - 6) == ".jsonl") {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    size_t n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
      std::string text = j["text"].get<std::string>();
      if (!text.empty()) c.articles.push_back({std::to_string(n), std::move(text)});
    }
  } else {
    c.articles.push_back({path, ReadFile(path)});
  }
  for (const auto& a : c.articles) c.bytes += a.text.size();
  if (c.articles.empty()) {
    std::fprintf(stderr, "bench: no articles in %s\n", path.c_str());
    std::exit(2);
  }
  return c;
}

inline std::string Sample() {
  return ReadFile(std::string(NEWSLENS_SOURCE_DIR) + "/data/samples/china-russia-letter.txt");
}

// Removes "--corpus=PATH" (or "--corpus PATH") from argv; returns the path ("" if absent).
inline std::string TakeCorpusFlag(int* argc, char** argv) {
  std::string path;
  int out = 1;
  for (int i = 1; i < *argc; ++i) {
    std::string a = argv[i];
    if (a.rfind("--corpus=", 0) == 0) {
      path = a.substr(9);
    } else if (a == "--corpus" && i + 1 < *argc) {
      path = argv[++i];
    } else {
      argv[out++] = argv[i];
    }
  }
  *argc = out;
  return path;
}

}  // namespace newslens::bench

#endif  // NEWSLENS_BENCH_BENCH_UTIL_H_

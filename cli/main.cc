// newslens — the command-line analyzer. See `newslens --help`.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "newslens/analyzer.h"
#include "newslens/report.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

constexpr char kUsage[] = R"(newslens — themes, tone and actors of news articles

Usage:
  newslens analyze [options] FILE...     analyse text files ('-' reads stdin)
  newslens analyze --jsonl [options]     stream: {"id":..,"text":..} lines on stdin,
                                         {"id":..,"report":{..}} lines on stdout
  newslens --help | --version

Options:
  --json            print the full report as JSON (one object per file; with several
                    files, one JSON object per line)
  --jsonl           read JSON Lines on stdin and write one result per line, in order; a bad
                    line gives {"id":..,"error":".."} and processing continues
  --tone DOMAIN     sentiment lexicon: news (default), general (VADER's), finance
  --dict FILE       add a custom dictionary: newslens JSON (themes, lexicon, entities) or a
                    LIWC-style .dic file; may be repeated
  --dict-only       use only the --dict theme dictionaries, not the built-in taxonomy
  --utf8-offsets    report offsets in UTF-8 bytes instead of UTF-16 code units
  --no-mentions     leave out the per-word mentions (smaller reports)
  -h, --help        show this help
  --version         print the version

Exit status: 0 all inputs analysed, 1 some inputs failed, 2 usage error.
)";

struct Args {
  bool json = false, jsonl = false, dict_only = false, utf8 = false, mentions = true;
  std::string tone = "news";
  std::vector<std::string> dicts, files;
};

bool ReadFile(const std::string& path, std::string* out, std::string* error) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    *out = ss.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": " + std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// A file with NUL bytes in its first 8 KB is binary, not an article.
bool LooksBinary(const std::string& s) {
  return std::memchr(s.data(), '\0', std::min<size_t>(s.size(), 8192)) != nullptr;
}

std::string Fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

void PrintTable(const std::string& name, const newslens::Report& r) {
  std::printf("%s\n", name.c_str());
  std::printf("  %u words, %u sentences, %u paragraphs\n", r.stats.words, r.stats.sentences,
              r.stats.paragraphs);
  std::printf("  tone      %s %s  (positive %s, negative %s, neutral %s; GDELT tone %s)\n",
              r.tone.label.c_str(), Fixed(r.tone.compound, 3).c_str(),
              Fixed(r.tone.positive, 2).c_str(), Fixed(r.tone.negative, 2).c_str(),
              Fixed(r.tone.neutral, 2).c_str(), Fixed(r.tone.gdelt_tone, 2).c_str());
  if (r.top_level.empty()) {
    std::printf("  themes    (no theme terms found)\n");
  } else {
    std::printf("  themes    %-28s %7s %6s %6s\n", "", "score", "count", "share");
    size_t shown = 0;
    for (const auto& t : r.top_level) {
      if (shown++ == 5) break;
      std::printf("            %-28s %7s %6u %5s%%\n", t.label.c_str(), Fixed(t.score, 1).c_str(),
                  t.count, Fixed(t.share * 100, 0).c_str());
      size_t subs = 0;
      for (const auto& s : r.themes) {
        if (s.parent != t.id || subs == 3) continue;
        ++subs;
        std::string top_terms;
        for (size_t k = 0; k < s.terms.size() && k < 3; ++k)
          top_terms += (k ? ", " : "") + s.terms[k].term;
        std::printf("              %-26s %7s %6u   tone %s  [%s]\n", s.label.c_str(),
                    Fixed(s.score, 1).c_str(), s.count, Fixed(s.tone, 2).c_str(),
                    top_terms.c_str());
      }
    }
  }
  if (!r.entities.empty()) {
    std::string line;
    for (size_t k = 0; k < r.entities.size() && k < 8; ++k) {
      const auto& e = r.entities[k];
      line += (k ? ", " : "") + e.name + " (" + std::to_string(e.count) + ")";
    }
    std::printf("  actors    %s\n", line.c_str());
  }
  std::printf("\n");
}

int RunJsonl(const newslens::Analyzer& analyzer, const newslens::Options& options) {
  std::string line;
  size_t line_no = 0;
  int status = kExitOk;
  std::ios::sync_with_stdio(false);
  while (std::getline(std::cin, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    nlohmann::json id = nullptr;
    auto fail = [&](const std::string& message) {
      nlohmann::json out = {{"id", id}, {"error", "line " + std::to_string(line_no) + ": " + message}};
      std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      status = kExitSomeFailed;
    };
    nlohmann::json in = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (in.is_discarded()) {
      fail("not valid JSON");
      continue;
    }
    if (!in.is_object()) {
      fail("expected a JSON object with \"text\"");
      continue;
    }
    if (in.contains("id")) id = in["id"];
    if (!in.contains("text") || !in["text"].is_string()) {
      fail("missing string field \"text\"");
      continue;
    }
    auto report = analyzer.Analyze(in["text"].get_ref<const std::string&>(), options);
    if (!report.ok()) {
      fail(report.error());
      continue;
    }
    std::cout << "{\"id\":" << id.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << ",\"report\":" << newslens::ToJson(report.value()) << "}\n";
  }
  std::cout.flush();
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> argv_s(argv + 1, argv + argc);
  if (argv_s.empty()) {
    std::fputs(kUsage, stderr);
    return kExitUsage;
  }
  if (argv_s[0] == "-h" || argv_s[0] == "--help" || argv_s[0] == "help") {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (argv_s[0] == "--version") {
    std::printf("newslens 0.1.0\n");
    return kExitOk;
  }
  if (argv_s[0] != "analyze") {
    std::fprintf(stderr, "newslens: unknown command '%s' (try: newslens --help)\n", argv_s[0].c_str());
    return kExitUsage;
  }
  Args args;
  for (size_t i = 1; i < argv_s.size(); ++i) {
    const std::string& a = argv_s[i];
    auto value = [&](const char* flag) -> const std::string* {
      if (i + 1 >= argv_s.size()) {
        std::fprintf(stderr, "newslens: %s needs a value\n", flag);
        return nullptr;
      }
      return &argv_s[++i];
    };
    if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return kExitOk;
    } else if (a == "--json") {
      args.json = true;
    } else if (a == "--jsonl") {
      args.jsonl = true;
    } else if (a == "--dict-only") {
      args.dict_only = true;
    } else if (a == "--utf8-offsets") {
      args.utf8 = true;
    } else if (a == "--no-mentions") {
      args.mentions = false;
    } else if (a == "--tone") {
      const std::string* v = value("--tone");
      if (!v) return kExitUsage;
      args.tone = *v;
    } else if (a == "--dict") {
      const std::string* v = value("--dict");
      if (!v) return kExitUsage;
      args.dicts.push_back(*v);
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::fprintf(stderr, "newslens: unknown option '%s' (try: newslens --help)\n", a.c_str());
      return kExitUsage;
    } else {
      args.files.push_back(a);
    }
  }
  if (args.jsonl && !args.files.empty()) {
    std::fprintf(stderr, "newslens: --jsonl reads stdin; do not also give files\n");
    return kExitUsage;
  }
  if (!args.jsonl && args.files.empty()) {
    std::fprintf(stderr, "newslens: no input files (try: newslens --help)\n");
    return kExitUsage;
  }
  if (args.dict_only && args.dicts.empty()) {
    std::fprintf(stderr, "newslens: --dict-only needs at least one --dict FILE\n");
    return kExitUsage;
  }
  auto tone = newslens::ParseToneDomain(args.tone);
  if (!tone.ok()) {
    std::fprintf(stderr, "newslens: %s\n", tone.error().c_str());
    return kExitUsage;
  }

  newslens::AnalyzerConfig config;
  config.replace_default_themes = args.dict_only;
  for (const std::string& path : args.dicts) {
    newslens::DictionarySource src;
    src.name = path;
    std::string error;
    if (!ReadFile(path, &src.text, &error)) {
      std::fprintf(stderr, "newslens: %s\n", error.c_str());
      return kExitUsage;
    }
    config.dictionaries.push_back(std::move(src));
  }
  auto analyzer = newslens::Analyzer::Create(config);
  if (!analyzer.ok()) {
    std::fprintf(stderr, "newslens: %s\n", analyzer.error().c_str());
    return kExitUsage;
  }
  newslens::Options options;
  options.tone = tone.value();
  options.utf16_offsets = !args.utf8;
  options.include_mentions = args.mentions;

  if (args.jsonl) return RunJsonl(analyzer.value(), options);

  int status = kExitOk;
  for (const std::string& path : args.files) {
    std::string text, error;
    if (!ReadFile(path, &text, &error)) {
      std::fprintf(stderr, "newslens: %s\n", error.c_str());
      status = kExitSomeFailed;
      continue;
    }
    if (LooksBinary(text)) {
      std::fprintf(stderr, "newslens: %s: looks like a binary file (NUL bytes), not text; skipped\n",
                   path.c_str());
      status = kExitSomeFailed;
      continue;
    }
    auto report = analyzer.value().Analyze(text, options);
    if (!report.ok()) {
      std::fprintf(stderr, "newslens: %s: %s\n", path.c_str(), report.error().c_str());
      status = kExitSomeFailed;
      continue;
    }
    if (args.json) {
      std::string json = newslens::ToJson(report.value());
      std::fwrite(json.data(), 1, json.size(), stdout);
      std::fputc('\n', stdout);
    } else {
      PrintTable(path, report.value());
    }
  }
  return status;
}

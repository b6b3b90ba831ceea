// newslens — the command-line analyzer. See `newslens --help`.
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "binary.h"
#include "input.h"
#include "newslens/analyzer.h"
#include "newslens/report.h"
#include "newslens/version.h"
#include "stream.h"
#include "summary.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

constexpr char kUsage[] = R"(newslens — themes, tone and actors of news articles

Usage:
  newslens analyze [options] FILE...         analyse text files ('-' reads stdin)
  newslens analyze --jsonl [options] [FILE]  stream a corpus: {"id":..,"text":..} lines in (FILE,
                                             plain or gzip, or stdin), one line per article out
  newslens analyze --csv [options] [FILE]    the same from CSV with a header row
  newslens aggregate [FILE]                  merge --summary lines and/or --aggregate objects
                                             (e.g. from several partitions) into one aggregate
  newslens --help | --version

Options:
  --json            print the full report as JSON (one object per file; with several
                    files, one JSON object per line)
  --jsonl           read JSON Lines ({"id", "text"} plus optional "title", "date", "source")
                    and write {"id":..,"report":{..}} per line, in input order; a bad line
                    gives {"id":..,"error":"line N: .."} and processing continues
  --csv             read CSV (RFC 4180: quoted fields may hold commas, newlines and "") whose
                    header names a "text" column and optionally id, title, date, source;
                    output and bad rows as for --jsonl
  --threads N       with --jsonl/--csv: analyse on N threads (default: the cores available);
                    output stays in input order
  --summary         with --jsonl/--csv: a compact summary line per article instead of the
                    full report: id, words, sentences, primary theme, tone (compound, label,
                    GDELT tone), every theme with score/count/share, every entity with count
  --aggregate       with --jsonl/--csv: one corpus-level newslens/aggregate@1 object at the
                    end (sums of the summary lines: articles, words, theme totals and shares,
                    mean tone, label counts, entity totals). Alone it is the only output (bad
                    records go to stderr); with --summary it follows the summary lines
  --progress        progress on stderr (articles, MB, MB/s); on by default when stderr is
                    a terminal
  --tone DOMAIN     sentiment lexicon: auto (default: finance for sentences about markets and
                    companies, news elsewhere), news, general (VADER's), finance
  --dict FILE       add a custom dictionary: newslens JSON (themes, lexicon, entities) or a
                    LIWC-style .dic file; may be repeated
  --dict-only       use only the --dict theme dictionaries, not the built-in taxonomy
  --max-bytes N     refuse (exit status 1) an article longer than N bytes; N may end in K, M
                    or G (KiB, MiB, GiB); default 64M, at most 256M
  --utf8-offsets    report offsets in UTF-8 bytes instead of UTF-16 code units
  --detail LIST     add report@2's details, comma-separated: mentions (every theme, tone
                    and actor word with its offsets and the tone rules applied),
                    sentence_themes (each sentence's themes, each theme's sentences);
                    the default report leaves them out (docs/report.md)
  --schema N        write newslens/report@N: 2 (default) or 1 (the December shape, with
                    every detail; kept for one release)
  --no-mentions     compute no per-word mentions, even when --detail or --schema 1 asks
  --fields LIST     compute only these parts of the report, comma-separated: tone (always),
                    themes, entities, sentences, mentions (default: all); leaving out themes
                    or entities skips their engines (tone only is ~3x as fast)
  -h, --help        show this help
  --version         print the version

Input files ending in .gz (or any gzip data, even on stdin) are decompressed. Files that are
not text (images, PDFs, archives, programs: anything with NUL or control bytes) are refused.
Exit status: 0 all inputs analysed, 1 some inputs failed, 2 usage error.
)";

struct Args {
  bool json = false, jsonl = false, csv = false, dict_only = false, utf8 = false, mentions = true;
  bool summary = false, aggregate = false, progress = false;
  int threads = 0;  // 0: not given
  size_t max_bytes = newslens::kDefaultMaxBytes;
  std::string tone = "auto";
  std::string fields;  // --fields, empty when not given
  std::string detail;  // --detail
  int schema = newslens::kDefaultReportSchema;
  std::vector<std::string> dicts, files;
};

// Largest --threads accepted: far above any useful value, low enough to catch typos.
constexpr int kMaxThreads = 256;

// Reads a whole file ("-": stdin), decompressing gzip. More than `limit` bytes is an error (the
// rest is not read), so a huge input is refused without holding all of it.
bool ReadFile(const std::string& path, size_t limit, std::string* out, std::string* error) {
  auto src = newslens::cli::ByteSource::Open(path);
  if (!src.ok()) {
    *error = src.error();
    return false;
  }
  out->clear();
  char buf[1 << 16];
  while (size_t n = src.value()->Read(buf, sizeof buf)) {
    if (out->size() + n > limit) {
      *error = (path == "-" ? std::string("stdin") : path) + ": input too large: more than " +
               std::to_string(limit) + " bytes (the limit, --max-bytes)";
      return false;
    }
    out->append(buf, n);
  }
  if (!src.value()->error().empty()) {
    *error = src.value()->error();
    return false;
  }
  return true;
}

// "128M" -> 134217728; 0 when malformed, zero or above the analyzer's hard limit.
size_t ParseBytes(const std::string& s) {
  char* end = nullptr;
  errno = 0;
  unsigned long long n = std::strtoull(s.c_str(), &end, 10);
  if (s.empty() || !std::isdigit(static_cast<unsigned char>(s[0])) || errno != 0) return 0;
  std::string unit = end;
  int shift = unit == "" ? 0 : unit == "K" || unit == "k" ? 10 : unit == "M" ? 20 : unit == "G" ? 30 : -1;
  if (shift < 0 || n == 0 || n > (newslens::kMaxInputBytes >> shift)) return 0;
  return static_cast<size_t>(n) << shift;
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
  // The label follows the compound (docs/tone.md, "Labels"); GDELT's tone counts words.
  std::printf("            GDELT tone: positive minus negative words per 100 words, each word 1;"
              " the compound weighs their strength, negation and contrast\n");
  if (r.top_level.empty()) {
    std::printf("  themes    (no theme terms found)\n");
  } else {
    // Labels are shortened to fit one column, so the figures line up whatever the taxonomy says.
    constexpr size_t kLabel = 34;
    auto fit = [](const std::string& label, size_t width) {
      if (label.size() <= width) return label + std::string(width - label.size(), ' ');
      size_t cut = width - 1;
      while (cut > 0 && (static_cast<unsigned char>(label[cut]) & 0xC0) == 0x80) --cut;
      return label.substr(0, cut) + "." + std::string(width - cut - 1, ' ');
    };
    std::printf("  themes    %s %7s %6s %6s\n", fit("", kLabel).c_str(), "score", "count", "share");
    size_t shown = 0;
    for (const auto& t : r.top_level) {
      if (shown++ == 5) break;
      std::printf("            %s %7s %6u %5s%%\n", fit(t.label, kLabel).c_str(),
                  Fixed(t.score, 1).c_str(), t.count, Fixed(t.share * 100, 0).c_str());
      size_t subs = 0;
      for (const auto& s : r.themes) {
        if (s.parent != t.id || subs == 3) continue;
        ++subs;
        std::string top_terms;
        for (size_t k = 0; k < s.terms.size() && k < 3; ++k)
          top_terms += (k ? ", " : "") + s.terms[k].term;
        std::printf("              %s %7s %6u   tone %5s  [%s]\n", fit(s.label, kLabel - 2).c_str(),
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

// `newslens aggregate`: the reduce step. Adds summary lines, counts error lines as failed
// records and merges aggregate objects, then prints one aggregate.
int RunAggregate(const std::string& path) {
  auto src = newslens::cli::ByteSource::Open(path);
  if (!src.ok()) {
    std::fprintf(stderr, "newslens: %s\n", src.error().c_str());
    return kExitSomeFailed;
  }
  newslens::cli::Buffered in(src.value().get());
  newslens::cli::JsonlReader reader(&in);
  newslens::cli::Aggregate aggregate;
  newslens::cli::Record rec;
  int status = kExitOk;
  while (reader.Next(&rec)) {
    auto fail = [&](const std::string& message) {
      std::fprintf(stderr, "newslens: line %llu: %s\n", static_cast<unsigned long long>(rec.line),
                   message.c_str());
      status = kExitSomeFailed;
    };
    if (!rec.error.empty()) {
      fail(rec.error);
      continue;
    }
    if (newslens::cli::JsonTooDeepAt(rec.raw, newslens::cli::kMaxRecordDepth) != std::string::npos) {
      fail("nested deeper than " + std::to_string(newslens::cli::kMaxRecordDepth) +
           " arrays/objects");
      continue;
    }
    nlohmann::json line = nlohmann::json::parse(rec.raw, nullptr, /*allow_exceptions=*/false);
    if (!line.is_object()) {
      fail("not a JSON object");
    } else if (line.contains("schema")) {
      newslens::Status merged = aggregate.Merge(line);
      if (!merged.ok()) fail(merged.error());
    } else if (line.contains("error")) {
      aggregate.AddFailed();
    } else {
      auto summary = newslens::cli::ParseSummary(line);
      if (summary.ok()) {
        if (newslens::Status added = aggregate.Add(summary.value()); !added.ok())
          fail(added.error());
      } else {
        const bool shape = summary.error().find("missing or mistyped") != std::string::npos;
        fail(summary.error() + (shape ? " (expected a --summary line or an aggregate)" : ""));
      }
    }
  }
  if (!src.value()->error().empty()) {
    std::fprintf(stderr, "newslens: %s\n", src.value()->error().c_str());
    status = kExitSomeFailed;
  }
  std::string json = aggregate.ToJson();
  std::printf("%s\n", json.c_str());
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
    std::printf("newslens %s\n", NEWSLENS_VERSION);  // package.json's "version"
    return kExitOk;
  }
  if (argv_s[0] == "aggregate") {
    if (argv_s.size() > 2) {
      std::fprintf(stderr, "newslens: aggregate takes at most one input file\n");
      return kExitUsage;
    }
    return RunAggregate(argv_s.size() == 2 ? argv_s[1] : "-");
  }
  if (argv_s[0] != "analyze") {
    std::fprintf(stderr, "newslens: unknown command '%s' (try: newslens --help)\n",
                 argv_s[0].c_str());
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
    } else if (a == "--csv") {
      args.csv = true;
    } else if (a == "--summary") {
      args.summary = true;
    } else if (a == "--aggregate") {
      args.aggregate = true;
    } else if (a == "--progress") {
      args.progress = true;
    } else if (a == "--threads") {
      const std::string* v = value("--threads");
      if (!v) return kExitUsage;
      char* end = nullptr;
      long n = std::strtol(v->c_str(), &end, 10);
      if (v->empty() || *end != '\0' || n < 1 || n > kMaxThreads) {
        std::fprintf(stderr, "newslens: --threads needs a number from 1 to %d\n", kMaxThreads);
        return kExitUsage;
      }
      args.threads = static_cast<int>(n);
    } else if (a == "--max-bytes") {
      const std::string* v = value("--max-bytes");
      if (!v) return kExitUsage;
      args.max_bytes = ParseBytes(*v);
      if (args.max_bytes == 0) {
        std::fprintf(stderr, "newslens: --max-bytes needs a size from 1 to 256M (e.g. 100M)\n");
        return kExitUsage;
      }
    } else if (a == "--dict-only") {
      args.dict_only = true;
    } else if (a == "--utf8-offsets") {
      args.utf8 = true;
    } else if (a == "--no-mentions") {
      args.mentions = false;
    } else if (a == "--detail") {
      const std::string* v = value("--detail");
      if (!v) return kExitUsage;
      args.detail = *v;
    } else if (a == "--schema") {
      const std::string* v = value("--schema");
      if (!v) return kExitUsage;
      if (*v != "1" && *v != "2") {
        std::fprintf(stderr, "newslens: --schema needs 1 or 2 (newslens/report@1 or @2)\n");
        return kExitUsage;
      }
      args.schema = *v == "1" ? 1 : 2;
    } else if (a == "--fields") {
      const std::string* v = value("--fields");
      if (!v) return kExitUsage;
      args.fields = *v;
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
  const bool stream = args.jsonl || args.csv;
  if (args.jsonl && args.csv) {
    std::fprintf(stderr, "newslens: choose one of --jsonl and --csv\n");
    return kExitUsage;
  }
  if (stream && args.files.size() > 1) {
    std::fprintf(stderr, "newslens: --jsonl/--csv read one FILE or stdin (cat several into it)\n");
    return kExitUsage;
  }
  if (!stream && (args.summary || args.aggregate || args.progress || args.threads)) {
    std::fprintf(stderr,
                 "newslens: --summary, --aggregate, --progress and --threads go with --jsonl or "
                 "--csv\n");
    return kExitUsage;
  }
  if (!stream && args.files.empty()) {
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
    if (!ReadFile(path, newslens::kMaxInputBytes, &src.text, &error)) {
      std::fprintf(stderr, "newslens: %s\n", error.c_str());
      return kExitUsage;
    }
    if (const char* kind = newslens::cli::BinaryKind(src.text)) {
      std::fprintf(stderr, "newslens: %s: %s, not a dictionary\n", path.c_str(), kind);
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
  if (!args.fields.empty()) {
    if (newslens::Status s = newslens::ParseReportFields(args.fields, &options); !s.ok()) {
      std::fprintf(stderr, "newslens: --fields: %s\n", s.error().c_str());
      return kExitUsage;
    }
    if (!args.mentions) options.include_mentions = false;
  }
  options.schema = args.schema;
  if (newslens::Status s = newslens::ParseReportDetail(args.detail, &options); !s.ok()) {
    std::fprintf(stderr, "newslens: --detail: %s\n", s.error().c_str());
    return kExitUsage;
  }
  options.max_bytes = args.max_bytes;

  if (stream) {
    newslens::cli::StreamOptions so;
    so.format = args.csv ? newslens::cli::StreamOptions::Format::kCsv
                         : newslens::cli::StreamOptions::Format::kJsonl;
    so.input = args.files.empty() ? "-" : args.files[0];
    so.threads = args.threads ? args.threads : newslens::cli::AvailableCores();
    so.summary = args.summary;
    so.aggregate = args.aggregate;
    so.progress = args.progress || isatty(STDERR_FILENO);
    so.analysis = options;
    if (args.summary || args.aggregate) {
      // Summaries and aggregates read tone, themes and actors only.
      so.analysis.include_sentences = false;
      so.analysis.include_mentions = false;
    }
    return newslens::cli::RunStream(analyzer.value(), so);
  }

  int status = kExitOk;
  for (const std::string& path : args.files) {
    std::string text, error;
    if (!ReadFile(path, args.max_bytes, &text, &error)) {
      std::fprintf(stderr, "newslens: %s\n", error.c_str());
      status = kExitSomeFailed;
      continue;
    }
    if (const char* kind = newslens::cli::BinaryKind(text)) {
      std::fprintf(stderr, "newslens: %s: %s, not text; skipped\n",
                   path == "-" ? "stdin" : path.c_str(), kind);
      status = kExitSomeFailed;
      continue;
    }
    if (args.json) {
      auto json = analyzer.value().AnalyzeToJson(text, options);
      if (!json.ok()) {
        std::fprintf(stderr, "newslens: %s: %s\n", path.c_str(), json.error().c_str());
        status = kExitSomeFailed;
        continue;
      }
      std::fwrite(json.value().data(), 1, json.value().size(), stdout);
      std::fputc('\n', stdout);
      continue;
    }
    // The table prints neither mentions nor the sentence list: not computing them keeps a
    // huge input's memory at the JSON report's (docs/reliability.md).
    newslens::Options table_options = options;
    table_options.include_mentions = false;
    table_options.include_sentences = false;
    auto report = analyzer.value().Analyze(text, table_options);
    if (!report.ok()) {
      std::fprintf(stderr, "newslens: %s: %s\n", path.c_str(), report.error().c_str());
      status = kExitSomeFailed;
      continue;
    }
    PrintTable(path, report.value());
  }
  return status;
}

// Google Benchmark for each core stage, on the sample article and on a corpus.
//
//   build-perf/bench/newslens_stages_bench [--corpus=PATH] [--benchmark_filter=...]
//
// Stages: decode (UTF-8 validation + character count), tokenize, document (compounds, normalized
// forms, dictionary ids), sentences, tone, themes, entities, json, and full (Analyze + ToJson,
// what the CLI and the wasm module do per article), plus create (building an Analyzer). Each
// prints MB/s of input text (1 MB = 10^6 bytes) next to Google Benchmark's own columns.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <memory>

#include "bench_util.h"
#include "newslens/analyzer.h"
#include "newslens/report.h"
#include "newslens/text.h"
#include "pipeline.h"

namespace newslens::bench {
namespace {

struct Prepared {
  std::string text;
  Document doc;
  std::vector<double> compounds;
  Draft toned;   // after the tone stage
  Report full;   // the whole report, for the JSON stage
};

struct Fixture {
  std::shared_ptr<const Analyzer::Impl> impl;
  std::unique_ptr<Analyzer> analyzer;
  std::vector<Prepared> sample, corpus;
  std::string corpus_name;
  size_t sample_bytes = 0, corpus_bytes = 0;
};

Fixture* fixture = nullptr;

std::vector<Prepared> Prepare(const std::vector<Article>& articles, size_t* bytes) {
  std::vector<Prepared> out(articles.size());
  Options options;
  for (size_t i = 0; i < articles.size(); ++i) {
    Prepared& p = out[i];
    p.text = articles[i].text;
    *bytes += p.text.size();
    std::vector<Token> raw;
    fixture->impl->BuildDocument(p.text, &raw, &p.doc);
    p.doc.Detach();  // kept while other documents are built
    fixture->impl->Sentences(&p.doc);
    fixture->impl->Tone(p.doc, options, &p.compounds, &p.toned);
    p.full = fixture->analyzer->Analyze(p.text, options).value();
  }
  return out;
}

const std::vector<Prepared>& Set(const benchmark::State& state) {
  return state.range(0) == 0 ? fixture->sample : fixture->corpus;
}

void Finish(benchmark::State& state) {
  size_t bytes = state.range(0) == 0 ? fixture->sample_bytes : fixture->corpus_bytes;
  state.SetLabel(state.range(0) == 0 ? "sample" : fixture->corpus_name);
  state.counters["MB/s"] = benchmark::Counter(static_cast<double>(bytes) / 1e6,
                                              benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Decode(benchmark::State& state) {
  for (auto _ : state)
    for (const Prepared& p : Set(state)) {
      uint32_t chars = 0;
      bool valid = IsValidUtf8(p.text);
      for (char c : p.text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      benchmark::DoNotOptimize(valid);
      benchmark::DoNotOptimize(chars);
    }
  Finish(state);
}

void BM_Tokenize(benchmark::State& state) {
  for (auto _ : state)
    for (const Prepared& p : Set(state)) benchmark::DoNotOptimize(Tokenize(p.text));
  Finish(state);
}

void BM_Document(benchmark::State& state) {
  std::vector<Token> raw;
  for (auto _ : state)
    for (const Prepared& p : Set(state)) {
      Document doc;
      fixture->impl->BuildDocument(p.text, &raw, &doc);
      benchmark::DoNotOptimize(doc.tokens.data());
    }
  Finish(state);
}

void BM_Sentences(benchmark::State& state) {
  for (auto _ : state)
    for (const Prepared& p : Set(state)) {
      Document doc;
      doc.text = p.doc.text;
      doc.tokens = p.doc.tokens;  // copied: the stage writes into the document
      fixture->impl->Sentences(&doc);
      benchmark::DoNotOptimize(doc.sentences.data());
    }
  Finish(state);
}

void BM_Tone(benchmark::State& state) {
  Options options;
  std::vector<double> compounds;
  for (auto _ : state)
    for (const Prepared& p : Set(state)) {
      Draft report;
      fixture->impl->Tone(p.doc, options, &compounds, &report);
      benchmark::DoNotOptimize(report.tone.compound);
    }
  Finish(state);
}

void BM_Themes(benchmark::State& state) {
  for (auto _ : state)
    for (const Prepared& p : Set(state)) {
      Draft report;
      report.sentences.resize(p.doc.sentences.size());
      fixture->impl->themes.Run(p.doc, &report, true);
      benchmark::DoNotOptimize(report.themes.data());
    }
  Finish(state);
}

void BM_Entities(benchmark::State& state) {
  for (auto _ : state)
    for (const Prepared& p : Set(state)) {
      Draft report;
      fixture->impl->entities.Run(p.doc, &report, true);
      benchmark::DoNotOptimize(report.entities.data());
    }
  Finish(state);
}

void BM_Json(benchmark::State& state) {
  for (auto _ : state)
    for (const Prepared& p : Set(state)) benchmark::DoNotOptimize(ToJson(p.full));
  Finish(state);
}

void BM_Full(benchmark::State& state) {
  Options options;
  for (auto _ : state)
    for (const Prepared& p : Set(state))
      benchmark::DoNotOptimize(ToJson(fixture->analyzer->Analyze(p.text, options).value()));
  Finish(state);
}

void BM_Create(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Analyzer::Create({}).ok());
}

#define NEWSLENS_STAGE(fn) BENCHMARK(fn)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond)
NEWSLENS_STAGE(BM_Decode);
NEWSLENS_STAGE(BM_Tokenize);
NEWSLENS_STAGE(BM_Document);
NEWSLENS_STAGE(BM_Sentences);
NEWSLENS_STAGE(BM_Tone);
NEWSLENS_STAGE(BM_Themes);
NEWSLENS_STAGE(BM_Entities);
NEWSLENS_STAGE(BM_Json);
NEWSLENS_STAGE(BM_Full);
BENCHMARK(BM_Create)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newslens::bench

int main(int argc, char** argv) {
  using namespace newslens::bench;
  std::string path = TakeCorpusFlag(&argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  static Fixture f;
  fixture = &f;
  auto impl = newslens::Analyzer::Impl::Create({});
  auto analyzer = newslens::Analyzer::Create({});
  if (!impl.ok() || !analyzer.ok()) {
    std::fprintf(stderr, "bench: %s\n",
                 impl.ok() ? analyzer.error().c_str() : impl.error().c_str());
    return 1;
  }
  f.impl = impl.value();
  f.analyzer = std::make_unique<newslens::Analyzer>(std::move(analyzer).value());
  Corpus corpus = LoadCorpus(path);
  f.corpus_name = corpus.name;
  f.sample = Prepare({{"sample", Sample()}}, &f.sample_bytes);
  f.corpus = Prepare(corpus.articles, &f.corpus_bytes);
  std::fprintf(stderr, "corpus: %s, %zu articles, %.2f MB; sample: %zu bytes\n",
               corpus.name.c_str(), corpus.articles.size(), f.corpus_bytes / 1e6, f.sample_bytes);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

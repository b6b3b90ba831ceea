#include "stream.h"

#include <sched.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "binary.h"
#include "input.h"
#include "newslens/report.h"
#include "summary.h"

namespace newslens::cli {

namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

// Progress is redrawn this often on a terminal, and printed as a new line this often otherwise
// (a log file should not fill up with progress).
constexpr double kProgressTtySeconds = 0.25;
constexpr double kProgressLogSeconds = 10.0;

std::string DumpJson(const Json& v) {
  return v.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// A run of consecutive records, and what analysing them produced.
struct Batch {
  std::vector<Record> records;
  uint64_t bytes = 0;
  std::string out;  // stdout lines, in record order
  std::string err;  // stderr lines (bad records when stdout has no per-article lines)
  std::vector<Summary> summaries;  // for the aggregate, in record order
  uint64_t analysed = 0, failed = 0;
  bool done = false;  // guarded by the pipeline mutex once workers exist
};

class Progress {
 public:
  Progress(bool enabled, const ByteSource* src)
      : enabled_(enabled), tty_(isatty(STDERR_FILENO)), src_(src), start_(Clock::now()) {}

  void Update(uint64_t articles, uint64_t bytes, bool final) {
    if (!enabled_) return;
    double now = Seconds();
    if (!final && now - last_ < (tty_ ? kProgressTtySeconds : kProgressLogSeconds)) return;
    last_ = now;
    double mb = static_cast<double>(bytes) / 1e6;
    char line[160];
    int n = std::snprintf(line, sizeof line,
                          "newslens: %llu articles, %.1f MB, %.1f MB/s, %.0f articles/s",
                          static_cast<unsigned long long>(articles), mb, now > 0 ? mb / now : 0.0,
                          now > 0 ? static_cast<double>(articles) / now : 0.0);
    std::string text(line, n > 0 ? static_cast<size_t>(n) : 0);
    if (final) {
      std::snprintf(line, sizeof line, ", %.1f s", now);
      text += line;
    } else if (src_->file_size() > 0) {
      std::snprintf(line, sizeof line, ", %.0f%%",
                    100.0 * static_cast<double>(src_->file_offset()) /
                        static_cast<double>(src_->file_size()));
      text += line;
    }
    // On a terminal the line is redrawn in place ("\r", then erase to the end of the line).
    if (tty_) {
      std::fprintf(stderr, "\r%s\x1b[K%s", text.c_str(), final ? "\n" : "");
    } else {
      std::fprintf(stderr, "%s\n", text.c_str());
    }
    std::fflush(stderr);
  }

 private:
  double Seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }
  bool enabled_, tty_;
  const ByteSource* src_;
  Clock::time_point start_;
  double last_ = 0;
};

class Stream {
 public:
  Stream(const Analyzer& analyzer, const StreamOptions& options, ByteSource* src)
      : analyzer_(analyzer),
        options_(options),
        per_article_(options.summary || !options.aggregate),
        in_(src),
        jsonl_(&in_),
        csv_(&in_),
        progress_(options.progress, src) {}

  int Run() {
    const bool csv = options_.format == StreamOptions::Format::kCsv;
    if (const char* kind = BinaryKind(in_.Head())) {
      // JSON Lines and CSV are text: a raw NUL or a file signature means the wrong file.
      std::fprintf(stderr, "newslens: %s: %s, not %s; nothing analysed\n",
                   options_.input == "-" ? "stdin" : options_.input.c_str(), kind,
                   csv ? "CSV" : "JSON Lines");
      return 1;
    }
    if (csv) {
      Status header = csv_.ReadHeader();
      if (!header.ok()) {
        std::fprintf(stderr, "newslens: %s\n", header.error().c_str());
        return 1;
      }
    }
    if (options_.threads <= 1) {
      // One thread: read, analyse and write each batch in turn.
      while (true) {
        auto batch = ReadBatch();
        if (batch == nullptr) break;
        Process(batch.get());
        Write(*batch);
      }
    } else {
      RunThreads();
    }
    return Finish();
  }

 private:
  std::unique_ptr<Batch> ReadBatch() {
    auto batch = std::make_unique<Batch>();
    Record rec;
    while (batch->records.size() < kBatchRecords && batch->bytes < kBatchBytes) {
      bool got =
          options_.format == StreamOptions::Format::kCsv ? csv_.Next(&rec) : jsonl_.Next(&rec);
      if (!got) break;
      batch->bytes += rec.bytes;
      batch->records.push_back(std::move(rec));
    }
    if (batch->records.empty()) return nullptr;
    return batch;
  }

  void RunThreads() {
    const size_t window = kWindowPerThread * static_cast<size_t>(options_.threads);
    std::mutex mu;
    std::condition_variable work_cv, done_cv, space_cv;
    std::deque<std::unique_ptr<Batch>> order;  // read, not yet written, in input order
    std::deque<Batch*> todo;                   // read, not yet taken by a worker
    uint64_t in_flight_bytes = 0;
    bool input_done = false;

    std::vector<std::thread> workers;
    for (int i = 0; i < options_.threads; ++i) {
      workers.emplace_back([&] {
        while (true) {
          Batch* batch;
          {
            std::unique_lock<std::mutex> lock(mu);
            work_cv.wait(lock, [&] { return !todo.empty() || input_done; });
            if (todo.empty()) return;
            batch = todo.front();
            todo.pop_front();
          }
          Process(batch);
          {
            std::lock_guard<std::mutex> lock(mu);
            batch->done = true;
          }
          done_cv.notify_one();
        }
      });
    }
    std::thread writer([&] {
      while (true) {
        std::unique_ptr<Batch> batch;
        {
          std::unique_lock<std::mutex> lock(mu);
          done_cv.wait(lock, [&] {
            return (!order.empty() && order.front()->done) || (order.empty() && input_done);
          });
          if (order.empty()) return;
          batch = std::move(order.front());
          order.pop_front();
          in_flight_bytes -= batch->bytes;
        }
        space_cv.notify_one();
        Write(*batch);
      }
    });
    while (true) {
      auto batch = ReadBatch();
      if (batch == nullptr) break;
      std::unique_lock<std::mutex> lock(mu);
      space_cv.wait(lock, [&] {
        return order.empty() ||
               (order.size() < window && in_flight_bytes + batch->bytes <= kMaxInFlightBytes);
      });
      in_flight_bytes += batch->bytes;
      todo.push_back(batch.get());
      order.push_back(std::move(batch));
      lock.unlock();
      work_cv.notify_one();
    }
    {
      std::lock_guard<std::mutex> lock(mu);
      input_done = true;
    }
    work_cv.notify_all();
    done_cv.notify_all();
    for (auto& w : workers) w.join();
    writer.join();
  }

  // Runs on a worker: everything that costs CPU (JSON parsing, analysis, serialising).
  void Process(Batch* batch) const {
    for (Record& rec : batch->records) {
      ArticleMeta meta;
      auto fail = [&](const std::string& message) {
        ++batch->failed;
        std::string where = "line " + std::to_string(rec.line) + ": " + message;
        if (per_article_) {
          batch->out +=
              "{\"id\":" + DumpJson(meta.id) + ",\"error\":" + DumpJson(Json(where)) + "}\n";
        } else {
          batch->err += "newslens: " + where + "\n";
        }
      };
      if (!rec.error.empty()) {
        fail(rec.error);
        continue;
      }
      std::string text_storage;
      const std::string* text = &rec.text;
      if (rec.is_csv) {
        if (rec.has_id) meta.id = std::move(rec.id);
        if (!rec.title.empty()) meta.title = std::move(rec.title);
        if (!rec.date.empty()) meta.date = std::move(rec.date);
        if (!rec.source.empty()) meta.source = std::move(rec.source);
      } else {
        if (size_t deep = JsonTooDeepAt(rec.raw, kMaxRecordDepth); deep != std::string::npos) {
          fail("nested deeper than " + std::to_string(kMaxRecordDepth) +
               " arrays/objects (column " + std::to_string(deep + 1) + ")");
          continue;
        }
        Json in = Json::parse(rec.raw, nullptr, /*allow_exceptions=*/false);
        if (in.is_discarded() && ReplaceLoneSurrogateEscapes(&rec.raw) > 0)
          in = Json::parse(rec.raw, nullptr, /*allow_exceptions=*/false);
        rec.raw = std::string();
        if (in.is_discarded()) {
          fail("not valid JSON");
          continue;
        }
        if (!in.is_object()) {
          fail("expected a JSON object with \"text\"");
          continue;
        }
        for (auto [key, field] :
             {std::make_pair("id", &meta.id), std::make_pair("title", &meta.title),
              std::make_pair("date", &meta.date), std::make_pair("source", &meta.source)}) {
          auto it = in.find(key);
          if (it != in.end()) *field = std::move(*it);
        }
        auto it = in.find("text");
        if (it == in.end() || !it->is_string()) {
          fail("missing string field \"text\"");
          continue;
        }
        text_storage = std::move(it->get_ref<std::string&>());
        text = &text_storage;
      }
      if (const char* kind = FileSignature(*text)) {
        fail(std::string("the text is ") + kind + ", not an article");
        continue;
      }
      if (!options_.summary && !options_.aggregate) {
        // The full report: straight to JSON (no Report built).
        auto json = analyzer_.AnalyzeToJson(*text, options_.analysis);
        if (!json.ok()) {
          fail(json.error());
          continue;
        }
        ++batch->analysed;
        batch->out += "{\"id\":" + DumpJson(meta.id) + ",\"report\":";
        batch->out += json.value();
        batch->out += "}\n";
        continue;
      }
      auto report = analyzer_.Analyze(*text, options_.analysis);
      if (!report.ok()) {
        fail(report.error());
        continue;
      }
      ++batch->analysed;
      {
        Summary summary = Summarize(report.value());
        if (options_.summary) {
          batch->out += SummaryJson(meta, summary);
          batch->out.push_back('\n');
        }
        if (options_.aggregate) batch->summaries.push_back(std::move(summary));
      }
    }
    batch->records = std::vector<Record>();
  }

  // Runs on the writer thread only, in input order.
  void Write(const Batch& batch) {
    std::fwrite(batch.out.data(), 1, batch.out.size(), stdout);
    if (!batch.err.empty()) std::fputs(batch.err.c_str(), stderr);
    // An article whose numbers would take a sum past its range (2^53 - 1) counts as failed.
    for (const Summary& s : batch.summaries)
      if (!aggregate_.Add(s).ok()) aggregate_.AddFailed();
    for (uint64_t i = 0; i < batch.failed; ++i) aggregate_.AddFailed();
    analysed_ += batch.analysed;
    failed_ += batch.failed;
    bytes_ += batch.bytes;
    progress_.Update(analysed_ + failed_, bytes_, /*final=*/false);
  }

  int Finish() {
    int status = failed_ > 0 ? 1 : 0;
    if (!in_.source()->error().empty()) {
      std::fprintf(stderr, "newslens: %s\n", in_.source()->error().c_str());
      status = 1;
    }
    if (options_.aggregate) {
      std::string json = aggregate_.ToJson();
      json.push_back('\n');
      std::fwrite(json.data(), 1, json.size(), stdout);
    }
    progress_.Update(analysed_ + failed_, bytes_, /*final=*/true);
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
      std::fprintf(stderr, "newslens: could not write the output\n");
      status = 1;
    }
    return status;
  }

  const Analyzer& analyzer_;
  const StreamOptions& options_;
  const bool per_article_;  // false: --aggregate alone, stdout gets only the aggregate
  Buffered in_;
  JsonlReader jsonl_;
  CsvReader csv_;
  Progress progress_;
  Aggregate aggregate_;
  uint64_t analysed_ = 0, failed_ = 0, bytes_ = 0;
};

}  // namespace

int RunStream(const Analyzer& analyzer, const StreamOptions& options) {
  auto src = ByteSource::Open(options.input);
  if (!src.ok()) {
    std::fprintf(stderr, "newslens: %s\n", src.error().c_str());
    return 1;
  }
  static char out_buffer[1 << 20];  // fewer, larger writes to a pipe
  std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  Stream stream(analyzer, options, src.value().get());
  return stream.Run();
}

int AvailableCores() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    int n = CPU_COUNT(&set);
    if (n > 0) return n;
  }
  unsigned n = std::thread::hardware_concurrency();
  return n > 0 ? static_cast<int>(n) : 1;
}

}  // namespace newslens::cli

// cli/stream.h — `newslens analyze --jsonl|--csv`: a corpus in, one line per article out.
//
// One thread reads and splits the input into batches of records; `threads` workers parse and
// analyse batches (the Analyzer is immutable and shared); one thread writes the batches' output
// in input order. At most kWindowPerThread batches per worker, and at most kMaxInFlightBytes of
// input, are in flight at once, so memory stays flat however long the input is: it is bounded
// by the window, not by the corpus (the aggregate, if asked for, grows only with the number of
// distinct themes and entities).
#ifndef NEWSLENS_CLI_STREAM_H_
#define NEWSLENS_CLI_STREAM_H_

#include <cstddef>
#include <string>

#include "newslens/analyzer.h"

namespace newslens::cli {

// A batch is cut when it reaches either size: large enough that handing it to a worker costs
// nothing next to analysing it (~10 ms of work at 15-20 MB/s), small enough to keep all workers
// busy on a few MB of input.
inline constexpr size_t kBatchBytes = 256 * 1024;
inline constexpr size_t kBatchRecords = 256;
// Batches in flight per worker: 2 would do to hide the hand-over; 4 absorbs uneven batches.
inline constexpr size_t kWindowPerThread = 4;
// Input bytes in flight, whatever the thread count (a batch may exceed it when a single record
// does; it then runs alone).
inline constexpr size_t kMaxInFlightBytes = 64u << 20;

struct StreamOptions {
  enum class Format { kJsonl, kCsv };
  Format format = Format::kJsonl;
  std::string input = "-";  // a path (plain or gzip) or "-" for stdin
  int threads = 1;
  bool summary = false;    // summary lines (summary.h) instead of full reports
  bool aggregate = false;  // one newslens/aggregate@1 object at the end
  bool progress = false;   // progress lines on stderr
  Options analysis;
};

// Runs the stream; returns the exit status (0 all records analysed, 1 some failed or the input
// could not be read to the end).
int RunStream(const Analyzer& analyzer, const StreamOptions& options);

// Cores this process may run on (its CPU affinity mask), at least 1: --threads' default.
int AvailableCores();

}  // namespace newslens::cli

#endif  // NEWSLENS_CLI_STREAM_H_

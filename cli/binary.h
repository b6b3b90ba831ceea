// cli/binary.h — telling an article from a file that is not text (an image, a PDF, a program).
//
// The analyzer accepts any bytes, so a PNG given by mistake would be "analysed" into a
// meaningless report. The CLI looks at the first bytes of each input first and refuses what is
// certainly not text, naming what it is: `newslens: photo.png: a PNG image, not text; skipped`.
#ifndef NEWSLENS_CLI_BINARY_H_
#define NEWSLENS_CLI_BINARY_H_

#include <cstddef>
#include <string_view>

namespace newslens::cli {

// How much of the start of an input BinaryKind looks at.
inline constexpr size_t kBinarySniffBytes = 8192;

// What `head` (the first bytes of an input; only kBinarySniffBytes are read) is when it is not
// text: "a PNG image", "a PDF document", "a ZIP archive (also .docx, .xlsx, .epub)", ...,
// "binary data (NUL bytes)", "binary data (control bytes)"; nullptr when it may be text.
// Signatures are checked only at the start and only when they contain bytes or words no article
// starts with; text in a legacy encoding (Latin-1) is text, and is not refused.
const char* BinaryKind(std::string_view head);
// Only the signature part of BinaryKind: for a JSONL/CSV record's text, where NUL and control
// characters are the analyzer's to replace (they are escaped in JSON, so meant).
const char* FileSignature(std::string_view head);

}  // namespace newslens::cli

#endif  // NEWSLENS_CLI_BINARY_H_

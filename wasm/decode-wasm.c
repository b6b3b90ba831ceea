// The decoder of the wasm bytes in newslens.js (wasm/assemble.mjs says how they are written), as a
// 162-byte wasm module of its own: the facade (newslens-api.js, DECODER_WASM) runs it over the
// text instead of a JS loop, which took 25-60 ms cold in node, most of the module's load time.
// Rebuild its bytes, after any change, with:
//   clang-14 --target=wasm32 -O2 -nostdlib -fno-builtin -Wl,--no-entry -Wl,--import-memory \
//     -Wl,--strip-all -o /tmp/d.wasm wasm/decode-wasm.c && xxd -p /tmp/d.wasm | tr -d '\n'
// `table` maps a character (0-127) to its byte, 128 + c after '{', 256 + c after '}'.
__attribute__((export_name("d")))
unsigned char* d(const unsigned char* table, const unsigned char* in, const unsigned char* end,
                 unsigned char* out) {
  while (in < end) {
    unsigned c = *in++;
    if (c == 123) c = 128 + *in++;
    else if (c == 125) c = 256 + *in++;
    *out++ = table[c];
  }
  return out;
}

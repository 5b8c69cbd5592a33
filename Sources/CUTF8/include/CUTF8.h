#ifndef SAFETYSTATS_CUTF8_H
#define SAFETYSTATS_CUTF8_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has AVX2 (asked once with CPUID, the answer cached), else 0 — on every other
/// architecture too.
int cutf8_has_avx2(void);

/// 1 when the `count` bytes at `bytes` are well-formed UTF-8 (no overlong forms, surrogates or
/// values past U+10FFFF; a sequence cut short by the end is an error), else 0. Says nothing of
/// where the error is: the caller finds that with its exact validator. Only call it when
/// cutf8_has_avx2() returned 1.
int cutf8_is_valid_avx2(const uint8_t *bytes, size_t count);

#endif

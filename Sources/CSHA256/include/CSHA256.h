#ifndef SAFETYSTATS_CSHA256_H
#define SAFETYSTATS_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the x86 SHA extensions (and the SSSE3/SSE4.1 the routine also uses),
/// else 0 — on every other architecture too. Asked once with CPUID; the answer is cached.
int csha256_has_sha_extensions(void);

/// The 64 round constants K of FIPS 180-4 §4.2.2, for every implementation of the rounds.
const uint32_t *csha256_round_constants(void);

/// Runs the SHA-256 compression function (FIPS 180-4 §6.2.2) over `count` consecutive 64-byte
/// blocks, updating `state` (H0…H7, in the order of FIPS 180-4). Only call it when
/// csha256_has_sha_extensions() returned 1.
void csha256_compress(uint32_t state[8], const uint8_t *blocks, size_t count);

#endif

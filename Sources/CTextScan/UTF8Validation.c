// UTF-8 validation 32 bytes at a time with AVX2, after the approach of Keiser and Lemire,
// "Validating UTF-8 In Less Than One Instruction Per Byte" (2021): every error of well-formed
// UTF-8 shows in a pair of adjacent bytes, or in a continuation byte's distance from its lead.
// A whole file is checked before it is parsed; the Swift state machine (the fallback, and the
// validator that places an error exactly) ran at about 1.3 GB/s a core, a tenth of a 1M-row check.
#include "CTextScan.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#include <string.h>

// What a pair of bytes (the previous one, this one) can get wrong, one bit each. Each is a product
// of three sets — previous byte's high nibble, its low nibble, this byte's high nibble — so three
// 16-entry lookups ANDed together raise exactly the bits whose three conditions all hold.
enum {
    TOO_SHORT  = 1 << 0,   // a lead byte not followed by a continuation byte (11xxxxxx then 0xxxxxxx/11xxxxxx)
    TOO_LONG   = 1 << 1,   // a continuation byte after ASCII
    OVERLONG_3 = 1 << 2,   // E0 then 80…9F
    TOO_LARGE  = 1 << 3,   // F4…FF then 90…BF (past U+10FFFF)
    SURROGATE  = 1 << 4,   // ED then A0…BF (U+D800…U+DFFF)
    OVERLONG_2 = 1 << 5,   // C0, C1 then a continuation byte
    FOUR_EIGHT = 1 << 6,   // F0 then 80…8F (overlong), F5…FF then 80…8F (past U+10FFFF)
    TWO_CONTS  = 1 << 7,   // a continuation byte after a continuation byte: only right as the
                           // third or fourth byte of a sequence (checked against the leads)
};
#define ANY_LOW (TOO_SHORT | TOO_LONG | TWO_CONTS)

__attribute__((target("avx2")))
static inline __m256i table16(uint8_t t0, uint8_t t1, uint8_t t2, uint8_t t3, uint8_t t4, uint8_t t5, uint8_t t6, uint8_t t7,
                              uint8_t t8, uint8_t t9, uint8_t tA, uint8_t tB, uint8_t tC, uint8_t tD, uint8_t tE, uint8_t tF) {
    return _mm256_setr_epi8((char)t0, (char)t1, (char)t2, (char)t3, (char)t4, (char)t5, (char)t6, (char)t7,
                            (char)t8, (char)t9, (char)tA, (char)tB, (char)tC, (char)tD, (char)tE, (char)tF,
                            (char)t0, (char)t1, (char)t2, (char)t3, (char)t4, (char)t5, (char)t6, (char)t7,
                            (char)t8, (char)t9, (char)tA, (char)tB, (char)tC, (char)tD, (char)tE, (char)tF);
}

typedef struct {
    __m256i byPreviousHigh, byPreviousLow, byHigh, lowNibble;
} Tables;

__attribute__((target("avx2")))
static inline Tables tables(void) {
    Tables t;
    t.byPreviousHigh = table16(
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,   // 0…7: ASCII
        TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,                                       // 8…B: continuation
        TOO_SHORT | OVERLONG_2,                                                           // C
        TOO_SHORT,                                                                        // D
        TOO_SHORT | OVERLONG_3 | SURROGATE,                                               // E
        TOO_SHORT | TOO_LARGE | FOUR_EIGHT);                                              // F
    t.byPreviousLow = table16(
        ANY_LOW | OVERLONG_3 | OVERLONG_2 | FOUR_EIGHT,                                   // x0
        ANY_LOW | OVERLONG_2,                                                             // x1
        ANY_LOW, ANY_LOW,                                                                 // x2, x3
        ANY_LOW | TOO_LARGE,                                                              // x4
        ANY_LOW | TOO_LARGE | FOUR_EIGHT, ANY_LOW | TOO_LARGE | FOUR_EIGHT,               // x5, x6
        ANY_LOW | TOO_LARGE | FOUR_EIGHT, ANY_LOW | TOO_LARGE | FOUR_EIGHT,               // x7, x8
        ANY_LOW | TOO_LARGE | FOUR_EIGHT, ANY_LOW | TOO_LARGE | FOUR_EIGHT,               // x9, xA
        ANY_LOW | TOO_LARGE | FOUR_EIGHT, ANY_LOW | TOO_LARGE | FOUR_EIGHT,               // xB, xC
        ANY_LOW | TOO_LARGE | FOUR_EIGHT | SURROGATE,                                     // xD
        ANY_LOW | TOO_LARGE | FOUR_EIGHT, ANY_LOW | TOO_LARGE | FOUR_EIGHT);              // xE, xF
    t.byHigh = table16(
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,  // 0…7
        TOO_LONG | TWO_CONTS | OVERLONG_2 | OVERLONG_3 | FOUR_EIGHT,                             // 8
        TOO_LONG | TWO_CONTS | OVERLONG_2 | OVERLONG_3 | TOO_LARGE,                              // 9
        TOO_LONG | TWO_CONTS | OVERLONG_2 | TOO_LARGE | SURROGATE,                               // A
        TOO_LONG | TWO_CONTS | OVERLONG_2 | TOO_LARGE | SURROGATE,                               // B
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);                                             // C…F
    t.lowNibble = _mm256_set1_epi8(0x0F);
    return t;
}

// The 32 bytes that end `n` bytes before the end of `input`, reaching back into `previous`.
#define PREVIOUS(input, previous, n) \
    _mm256_alignr_epi8((input), _mm256_permute2x128_si256((previous), (input), 0x21), 16 - (n))

// The error bits of one block, given the block before it.
__attribute__((target("avx2")))
static inline __m256i block_errors(const Tables *t, __m256i input, __m256i previous) {
    __m256i prev1 = PREVIOUS(input, previous, 1);
    __m256i high1 = _mm256_and_si256(_mm256_srli_epi16(prev1, 4), t->lowNibble);
    __m256i low1 = _mm256_and_si256(prev1, t->lowNibble);
    __m256i high = _mm256_and_si256(_mm256_srli_epi16(input, 4), t->lowNibble);
    __m256i pairs = _mm256_and_si256(_mm256_and_si256(_mm256_shuffle_epi8(t->byPreviousHigh, high1),
                                                      _mm256_shuffle_epi8(t->byPreviousLow, low1)),
                                     _mm256_shuffle_epi8(t->byHigh, high));
    // Where a third or fourth byte is due: two bytes after E0…FF, or three after F0…FF. There a
    // continuation after a continuation is right (TWO_CONTS expected), anywhere else wrong.
    __m256i third = _mm256_subs_epu8(PREVIOUS(input, previous, 2), _mm256_set1_epi8((char)(0xE0 - 0x80)));
    __m256i fourth = _mm256_subs_epu8(PREVIOUS(input, previous, 3), _mm256_set1_epi8((char)(0xF0 - 0x80)));
    __m256i due = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
    return _mm256_xor_si256(pairs, due);
}

__attribute__((target("avx2")))
int ctextscan_is_valid_utf8_avx2(const uint8_t *bytes, size_t count) {
    const Tables t = tables();
    __m256i previous = _mm256_setzero_si256();      // as if ASCII came before
    __m256i errors = _mm256_setzero_si256();
    size_t i = 0;
    for (; i + 64 <= count; i += 64) {
        __m256i a = _mm256_loadu_si256((const __m256i *)(bytes + i));
        __m256i b = _mm256_loadu_si256((const __m256i *)(bytes + i + 32));
        errors = _mm256_or_si256(errors, block_errors(&t, a, previous));
        errors = _mm256_or_si256(errors, block_errors(&t, b, a));
        previous = b;
    }
    // The rest, then zeros (ASCII): at least one zero follows the last byte, so a sequence the end
    // cuts short shows as a lead or a due continuation followed by ASCII.
    uint8_t tail[64] __attribute__((aligned(32)));
    memset(tail, 0, sizeof tail);
    memcpy(tail, bytes + i, count - i);
    __m256i a = _mm256_load_si256((const __m256i *)tail);
    __m256i b = _mm256_load_si256((const __m256i *)(tail + 32));
    errors = _mm256_or_si256(errors, block_errors(&t, a, previous));
    errors = _mm256_or_si256(errors, block_errors(&t, b, a));
    return _mm256_testz_si256(errors, errors);
}

#else

int ctextscan_is_valid_utf8_avx2(const uint8_t *bytes, size_t count) { (void)bytes; (void)count; return 0; }

#endif

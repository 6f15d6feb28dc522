// Internal to CHMACSHA256: the compression functions and the round constants they share.
#ifndef CHMACSHA256_INTERNAL_H
#define CHMACSHA256_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/// FIPS 180-4 section 4.2.2.
extern const uint32_t bnc_sha256_k[64];

/// FIPS 180-4 section 5.3.3.
extern const uint32_t bnc_sha256_iv[8];

/// Compresses `blocks` 64-byte blocks of `data` into `state`, in portable C.
void bnc_sha256_compress_portable(uint32_t state[8], const uint8_t *data, size_t blocks);

/// The same with the x86 SHA extensions; only call when bnc_sha256_cpu_has_sha_extensions().
void bnc_sha256_compress_shani(uint32_t state[8], const uint8_t *data, size_t blocks);

static inline void bnc_sha256_compress(uint32_t state[8], const uint8_t *data, size_t blocks,
                                       int accelerated) {
    if (blocks == 0) return;
#if defined(__x86_64__) || defined(__i386__)
    if (accelerated) {
        bnc_sha256_compress_shani(state, data, blocks);
        return;
    }
#else
    (void)accelerated;
#endif
    bnc_sha256_compress_portable(state, data, blocks);
}

/// Zeroes `length` bytes at `pointer` in a way the optimiser may not remove: a `memset` of memory
/// that is never read again is a dead store it may drop, so an empty `asm` that claims to read
/// the memory follows it (what BoringSSL's OPENSSL_cleanse does). For key material on the stack.
static inline void bnc_secure_wipe(void *pointer, size_t length) {
#if defined(__GNUC__) || defined(__clang__)
    memset(pointer, 0, length);
    __asm__ __volatile__("" : : "r"(pointer) : "memory");
#else
    volatile unsigned char *bytes = (volatile unsigned char *)pointer;
    while (length--) *bytes++ = 0;
#endif
}

static inline void bnc_store_be32(uint8_t *out, uint32_t value) {
    out[0] = (uint8_t)(value >> 24);
    out[1] = (uint8_t)(value >> 16);
    out[2] = (uint8_t)(value >> 8);
    out[3] = (uint8_t)value;
}

static inline uint32_t bnc_load_be32(const uint8_t *in) {
    return ((uint32_t)in[0] << 24) | ((uint32_t)in[1] << 16) | ((uint32_t)in[2] << 8) | (uint32_t)in[3];
}

#endif

// HMAC-SHA256 with the key's pad states absorbed once, for signing many requests with one key.
//
// Why a C target: swift-crypto's HMAC<SHA256> copies BoringSSL contexts on write (an allocation
// per signature) and offers no way to reuse the absorbed key without that copy. Here the keyed
// state is 64 bytes of plain values; a signature costs the compression of the payload blocks
// plus one outer block, and nothing is allocated.
//
// On x86-64 CPUs with the SHA extensions the compression uses them (chosen at key set-up by
// CPUID; only that function is compiled for the extension, so no global -m flags are needed).
// Everywhere else a portable C compression is used.
#ifndef CHMACSHA256_H
#define CHMACSHA256_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The keyed state: SHA-256 chaining values after the inner (key ^ 0x36) and outer (key ^ 0x5c)
/// pad blocks. Holds key-equivalent material: never print or log it.
typedef struct bnc_hmac_sha256_key {
    uint32_t inner[8];
    uint32_t outer[8];
    /// 1 when the SHA extensions are used, 0 for the portable compression.
    int accelerated;
} bnc_hmac_sha256_key;

/// Whether this CPU has the SHA extensions (and SSSE3/SSE4.1) that the fast path needs.
int bnc_sha256_cpu_has_sha_extensions(void);

/// Absorbs `secret` (any length; longer than 64 bytes is hashed first, as RFC 2104 says).
/// `allow_accelerated` 0 forces the portable compression (for tests); 1 uses the SHA extensions
/// when the CPU has them.
void bnc_hmac_sha256_key_init(bnc_hmac_sha256_key *key, const uint8_t *secret, size_t secret_length,
                              int allow_accelerated);

/// The 32-byte HMAC-SHA256 of `payload` under `key`.
void bnc_hmac_sha256(const bnc_hmac_sha256_key *key, const uint8_t *payload, size_t length,
                     uint8_t mac[32]);

/// The HMAC as 64 lowercase hex characters written to `hex` (no terminating NUL).
void bnc_hmac_sha256_hex(const bnc_hmac_sha256_key *key, const uint8_t *payload, size_t length,
                         uint8_t hex[64]);

/// SHA-256 of `data` (used for long keys; exposed for tests of the compression functions).
void bnc_sha256(const uint8_t *data, size_t length, uint8_t digest[32], int allow_accelerated);

/// For the tests only: sets up a key from `secret` as bnc does, then returns 1 when
/// `pattern` is left in the stack memory that set-up used — how the tests check that no key
/// material stays behind. Reads memory it never wrote; never use it for anything else.
int bnc_hmac_sha256_key_init_residue_for_testing(const uint8_t *secret, size_t secret_length,
                                                  const uint8_t *pattern, size_t pattern_length);

#ifdef __cplusplus
}
#endif

#endif

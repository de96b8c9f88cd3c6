#pragma once
// PoDoFo 0.9.8 opens RC4 and AES-128 encrypted PDFs (security handler revisions 2 to 4) with
// OpenSSL's RC4, which OpenSSL 3 keeps in its "legacy" provider: without it those files fail
// with an internal error and look corrupt. Call before PoDoFo reads a PDF.
namespace saraban {

// Loads OpenSSL's "default" and "legacy" providers once per process (thread-safe). False when
// the legacy module is not installed: RC4 files then stay unreadable (AES-256 is unaffected).
bool enable_legacy_ciphers();

}  // namespace saraban

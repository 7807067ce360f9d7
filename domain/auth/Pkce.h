#pragma once

#include <QByteArray>

// Proof Key for Code Exchange (RFC 7636) and the other random values of a sign-in attempt.
namespace Pkce {

// base64url without padding of `bytes` bytes from the system's secure generator.
QByteArray randomUrlSafe(int bytes);

// A new code verifier: 32 random bytes, 43 characters (RFC 7636 §4.1).
QByteArray makeVerifier();

// S256: base64url(SHA-256(verifier)), no padding (RFC 7636 §4.2).
QByteArray challengeFor(const QByteArray &verifier);

// A new `state`: 16 random bytes (128 bits), unreserved characters only.
QByteArray makeState();

} // namespace Pkce

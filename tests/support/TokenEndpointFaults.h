#pragma once

#include "ScriptedServer.h"

// What a token endpoint can answer, well or badly: the rows of the fault matrix, for any test
// that puts a ScriptedServer where the token endpoint should be.
enum TokenFault {
    NotJson,
    NoAccessToken,
    ExpiresInString,
    ExpiresInNegative,
    TooLarge,
    NeverAnswers,
    ConnectionRefused,
    Status500,
    Status503RetryAfter,
    Status429,
    ErrorIn200,
    InvalidGrant,
    UnknownTokenType,
    Rotated,
    NoRefreshToken,
    // Unusable answers that rotate the refresh token all the same (kNewRefresh).
    ExpiresInNegativeRotated,
    ExpiresInNotANumberRotated,
    RotatedTwice, // like Rotated, with kNewerAccess and kNewerRefresh
};

// What the good answers (Rotated, NoRefreshToken, ExpiresInString) grant, and the refresh token
// the unusable answers that rotate carry (NoAccessToken, UnknownTokenType, *Rotated).
inline const QByteArray kNewAccess = "fault-matrix-new-access";
inline const QByteArray kNewRefresh = "fault-matrix-new-refresh";
inline const QByteArray kNewerAccess = "fault-matrix-newer-access";
inline const QByteArray kNewerRefresh = "fault-matrix-newer-refresh";

inline HttpAnswer tokenAnswer(TokenFault fault)
{
    switch (fault) {
    case NotJson:
        return HttpAnswer::of(200, "text/html", "<html><body>Welcome!</body></html>");
    case NoAccessToken:
        return HttpAnswer::json(
            200, R"({"token_type":"Bearer","expires_in":3600,"refresh_token":")" + kNewRefresh + R"("})");
    case ExpiresInString:
        // As some servers send it: a number in a string.
        return HttpAnswer::json(200,
                                R"({"access_token":")" + kNewAccess
                                    + R"(","token_type":"Bearer","expires_in":"3600","refresh_token":")" + kNewRefresh
                                    + R"("})");
    case ExpiresInNegative:
        return HttpAnswer::json(200, R"({"access_token":"a","token_type":"Bearer","expires_in":-5})");
    case TooLarge:
        return HttpAnswer::json(200, R"({"access_token":")" + QByteArray(2 * 1024 * 1024, 'a') + R"("})");
    case NeverAnswers:
    case ConnectionRefused:
        return HttpAnswer::never();
    case Status500:
        return HttpAnswer::of(500, "text/html", "<h1>Internal Server Error</h1>");
    case Status503RetryAfter:
        return HttpAnswer::of(503, "text/plain", "maintenance").withHeader("Retry-After", "120");
    case Status429:
        return HttpAnswer::json(429, "{}");
    case ErrorIn200:
        return HttpAnswer::json(200, R"({"error":"temporarily_unavailable","error_description":"try later"})");
    case InvalidGrant:
        return HttpAnswer::json(400, R"({"error":"invalid_grant","error_description":"grant request is invalid"})");
    case UnknownTokenType:
        return HttpAnswer::json(200,
                                R"({"access_token":"a","token_type":"mac","expires_in":3600,"refresh_token":")"
                                    + kNewRefresh + R"("})");
    case ExpiresInNegativeRotated:
        return HttpAnswer::json(200,
                                R"({"access_token":"a","token_type":"Bearer","expires_in":-5,"refresh_token":")"
                                    + kNewRefresh + R"("})");
    case ExpiresInNotANumberRotated:
        return HttpAnswer::json(200,
                                R"({"access_token":"a","token_type":"Bearer","expires_in":"soon","refresh_token":")"
                                    + kNewRefresh + R"("})");
    case RotatedTwice:
        return HttpAnswer::json(200,
                                R"({"access_token":")" + kNewerAccess
                                    + R"(","token_type":"Bearer","expires_in":3600,"refresh_token":")" + kNewerRefresh
                                    + R"("})");
    case Rotated:
        return HttpAnswer::json(200,
                                R"({"access_token":")" + kNewAccess
                                    + R"(","token_type":"Bearer","expires_in":3600,)"
                                      R"("refresh_token":")"
                                    + kNewRefresh + R"("})");
    case NoRefreshToken:
        return HttpAnswer::json(200,
                                R"({"access_token":")" + kNewAccess + R"(","token_type":"bearer","expires_in":3600})");
    }
    return HttpAnswer();
}

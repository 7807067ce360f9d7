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
};

// What the good answers (Rotated, NoRefreshToken) grant.
inline const QByteArray kNewAccess = "fault-matrix-new-access";
inline const QByteArray kNewRefresh = "fault-matrix-new-refresh";

inline HttpAnswer tokenAnswer(TokenFault fault)
{
    switch (fault) {
    case NotJson:
        return HttpAnswer::of(200, "text/html", "<html><body>Welcome!</body></html>");
    case NoAccessToken:
        return HttpAnswer::json(200, R"({"token_type":"Bearer","expires_in":3600,"refresh_token":"r"})");
    case ExpiresInString:
        return HttpAnswer::json(200, R"({"access_token":"a","token_type":"Bearer","expires_in":"3600"})");
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
                                R"({"access_token":"a","token_type":"mac","expires_in":3600,"refresh_token":"r"})");
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

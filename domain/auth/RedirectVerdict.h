#pragma once

// What became of an address the browser was sent back to, whether it reached the loopback
// listener or the person pasted it (a browser on another computer cannot reach 127.0.0.1).
// Both are checked in one place, AuthorizationFlow; each tells the person in its own words.
enum class RedirectVerdict {
    Taken, // this attempt's redirect: the code is being exchanged, or its error ends the attempt
    NotAnAddress, // pasted text that is not a web address
    WrongAddress, // another scheme, host or port than the attempt's redirect address
    NotGet, // a request other than GET
    WrongPath, // another path than the redirect address's "/"
    WrongState, // the state belongs to another sign-in, or is missing
    NotWaiting, // no sign-in waits for its redirect: none started, or its redirect already came
};

import Foundation
import HTTPTypes
import Hummingbird
import SyncModel

/// Stops online guessing of enrollment codes (`POST /v1/enroll`) and dashboard login links
/// (`GET /dashboard/login`): each has its own limiter per client address. The client address is
/// the connection's peer, or the last `X-Forwarded-For` entry when the peer is a trusted proxy
/// (`serve --trusted-proxy`).
struct GuessingProtection: Sendable {
    /// Failed enrollments.
    let enrollments: AttemptLimiter
    /// Failed dashboard logins.
    let logins: AttemptLimiter
    /// Peers whose `X-Forwarded-For` is believed.
    let trustedProxies: Set<String>

    /// Creates the protection: 10 failures per 10 minutes and address, for each route.
    init(trustedProxies: Set<String> = [], enrollments: AttemptLimiter = AttemptLimiter(), logins: AttemptLimiter = AttemptLimiter()) {
        self.trustedProxies = trustedProxies
        self.enrollments = enrollments
        self.logins = logins
    }

    /// The client address of `request`.
    func clientAddress(of request: Request, context: SyncRequestContext) -> String {
        let peer = context.remoteAddress ?? "unknown"
        guard trustedProxies.contains(peer), let forwarded = request.headers[HTTPField.Name("X-Forwarded-For")!] else {
            return peer
        }
        // The proxy appends the address it saw last; earlier entries are whatever the client sent.
        let last = forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return last.isEmpty ? peer : last
    }
}

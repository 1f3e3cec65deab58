/// The review thread of a response and its state, derived purely from the response record.
///
/// Messages are taken in time order (then id). `ok` makes the response reviewed, `ask` opens a
/// question, `reply` answers it (the trainer is next), `close` closes the thread; a later message
/// moves the state on (a new `ask` after a `close` opens a new question).
public struct ReviewThread: Hashable, Sendable {
    /// The messages, oldest first.
    public let messages: [ReviewMessage]

    /// Reads the thread of `response`.
    public init(_ response: Record) {
        messages = response.fields.compactMap { name, register -> ReviewMessage? in
            guard let id = ReviewField.messageID(name), let value = register.winner?.value else { return nil }
            return ReviewMessage(id: id, value: value)
        }
        .sorted { ($0.at, $0.id) < ($1.at, $1.id) }
    }

    /// The derived state.
    public var state: ReviewState {
        messages.reduce(ReviewState.none) { _, message in
            switch message.kind {
            case .ok: return .reviewed
            case .ask: return .questionOpen
            case .reply: return .answered
            case .close: return .closed
            }
        }
    }
}

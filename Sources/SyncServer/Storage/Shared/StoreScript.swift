/// An operation written once for every backend: statements (with `?` placeholders) and the
/// decisions between them. A backend runs a script in one transaction (``SQLRecordStore``): each
/// statement, then the decision on its rows, which yields the next statement or the result.
enum StoreScript<Result: Sendable>: Sendable {
    /// The operation is over.
    case done(Result)
    /// Run `statement`, then continue with what `next` makes of its rows.
    case step(StoreStatement, next: @Sendable ([StoreRow]) throws -> StoreScript<Result>)
    /// Insert many rows the way the backend inserts them fastest, then continue with `next`.
    case insert(StoreInsertion, next: @Sendable () throws -> StoreScript<Result>)

    /// Runs `sql` with `binds`, then continues with `next`; a unique-constraint violation of the
    /// statement throws `onDuplicate` when given.
    static func run(
        _ sql: String, _ binds: [StoreValue] = [], onDuplicate: StoreError? = nil,
        then next: @escaping @Sendable ([StoreRow]) throws -> StoreScript<Result>
    ) -> Self {
        .step(StoreStatement(sql: sql, binds: binds, onDuplicate: onDuplicate), next: next)
    }

    /// Runs `sql` with `binds` and makes the result of its rows.
    static func rows(
        _ sql: String, _ binds: [StoreValue] = [], onDuplicate: StoreError? = nil,
        _ result: @escaping @Sendable ([StoreRow]) throws -> Result
    ) -> Self {
        run(sql, binds, onDuplicate: onDuplicate) { .done(try result($0)) }
    }

    /// Runs `statements` one after the other, then continues with `next` on the rows of each, in order.
    static func run(
        _ statements: ArraySlice<StoreStatement>, collected: [[StoreRow]] = [],
        then next: @escaping @Sendable ([[StoreRow]]) throws -> Self
    ) throws -> Self {
        guard let first = statements.first else { return try next(collected) }
        return .step(first) { rows in try run(statements.dropFirst(), collected: collected + [rows], then: next) }
    }

    /// Runs the script to its result in a backend's synchronous transaction: `rows` runs a
    /// statement and returns its rows, `insert` inserts an insertion's rows.
    func run(rows: (StoreStatement) throws -> [StoreRow], insert: (StoreInsertion) throws -> Void) throws -> Result {
        var current = self
        while true {
            switch current {
            case .done(let result): return result
            case .step(let statement, let next): current = try next(rows(statement))
            case .insert(let insertion, let next):
                try insert(insertion)
                current = try next()
            }
        }
    }

    /// ``run(rows:insert:)`` for a backend whose statements are asynchronous (the same loop:
    /// Swift cannot write one function for both).
    func run(
        rows: (StoreStatement) async throws -> [StoreRow], insert: (StoreInsertion) async throws -> Void
    ) async throws -> Result {
        var current = self
        while true {
            switch current {
            case .done(let result): return result
            case .step(let statement, let next): current = try next(try await rows(statement))
            case .insert(let insertion, let next):
                try await insert(insertion)
                current = try next()
            }
        }
    }
}

extension StoreScript where Result == Void {
    /// Runs `statements` one after the other.
    static func all(_ statements: ArraySlice<StoreStatement>) -> Self {
        guard let first = statements.first else { return .done(()) }
        return .step(first) { _ in all(statements.dropFirst()) }
    }
}

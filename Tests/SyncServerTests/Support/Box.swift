/// A mutable box shared by the closures of one test.
final class Box<Value>: @unchecked Sendable {
    /// The value.
    var value: Value?
}
